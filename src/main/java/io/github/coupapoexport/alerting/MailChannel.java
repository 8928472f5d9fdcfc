package io.github.coupapoexport.alerting;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mails an alert through the SMTP server of Spring Boot's {@code spring.mail.*} settings. The sender is built here
 * rather than taken from the context, since the alert for a failed start goes out after the context is gone. The
 * SMTP password is only ever given to the sender.
 */
class MailChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    /** An unattended job must not hang on a mail server that accepts the connection and then says nothing. */
    private static final String DEFAULT_TIMEOUT_MILLIS = "10000";

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    private final AlertProperties.Mail mail;

    private final Redaction redaction;

    MailChannel(MailProperties smtp, AlertProperties.Mail mail, Redaction redaction) {
        this.mail = mail;
        this.redaction = redaction;
        sender.setHost(smtp.getHost());
        if (smtp.getPort() != null) {
            sender.setPort(smtp.getPort());
        }
        sender.setUsername(smtp.getUsername());
        sender.setPassword(smtp.getPassword());
        sender.setProtocol(smtp.getProtocol());
        if (smtp.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(smtp.getDefaultEncoding().name());
        }
        Properties javaMail = new Properties();
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            javaMail.setProperty("mail." + smtp.getProtocol() + "." + timeout, DEFAULT_TIMEOUT_MILLIS);
        }
        javaMail.putAll(smtp.getProperties());
        sender.setJavaMailProperties(javaMail);
    }

    @Override
    public boolean send(Alert alert) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.from());
        message.setTo(mail.to().toArray(String[]::new));
        message.setSubject(alert.title());
        message.setText(alert.text());
        try {
            sender.send(message);
            log.info("Alert \"{}\" mailed to {} recipient(s) through {}", alert.title(), mail.to().size(),
                    sender.getHost());
            return true;
        }
        catch (MailException failed) {
            log.warn("The alert could not be mailed through {}: {}", sender.getHost(),
                    redaction.apply(String.valueOf(failed.getMessage())));
            return false;
        }
    }
}
