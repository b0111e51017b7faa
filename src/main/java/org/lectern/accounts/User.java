package org.lectern.accounts;

/** A person with an account, as handlers and templates see them (never the password hash). */
public record User(long id, String email, String displayName, Role role) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAuthor() {
        return role.grants(org.lectern.web.Access.AUTHOR);
    }
}
