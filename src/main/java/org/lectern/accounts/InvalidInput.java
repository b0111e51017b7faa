package org.lectern.accounts;

/** Something a person typed that a service refused, with the form field and the message (key and arguments). */
final class InvalidInput extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    InvalidInput(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    static InvalidInput of(String field, PasswordPolicy.Problem problem) {
        return new InvalidInput(field, problem.key(), problem.argument());
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
