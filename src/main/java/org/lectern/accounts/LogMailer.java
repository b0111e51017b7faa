package org.lectern.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mailer without SMTP: writes the mail, reset link included, to the log, where an operator can pass it on. */
final class LogMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(String to, String subject, String text) {
        log.info("Mail (no SMTP configured) to {}: {}\n{}", to, subject, text);
    }
}
