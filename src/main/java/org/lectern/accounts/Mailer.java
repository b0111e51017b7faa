package org.lectern.accounts;

/** Sends a plain-text mail: through SMTP when it is configured, else into the log for the operator to pass on. */
interface Mailer {
    void send(String to, String subject, String text);
}
