package org.lectern.accounts;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lectern.concurrent.Threads;
import org.lectern.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server (LECTERN_SMTP_*), with STARTTLS unless switched off. Sending happens
 * on a background thread: a reset request for a real account must not take visibly longer than one for an unknown
 * address, and a slow mail server must not hold a web thread.
 */
final class SmtpMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private final Config.Smtp smtp;
    private final Session session;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Threads.named("lectern-mail"));

    SmtpMailer(Config.Smtp smtp) {
        this.smtp = smtp;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        boolean auth = !smtp.user().isEmpty();
        properties.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = auth
                ? Session.getInstance(properties, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(smtp.user(), smtp.password());
                    }
                })
                : Session.getInstance(properties);
    }

    @Override
    public void send(String to, String subject, String text) {
        sender.execute(() -> deliver(to, subject, text));
    }

    private void deliver(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            // The person sees the same answer either way; the operator learns from the log that mail is broken.
            log.error("Could not send mail to {} through {}:{}: {}", to, smtp.host(), smtp.port(), e.getMessage());
        }
    }
}
