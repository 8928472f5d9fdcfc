package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.coupapoexport.sandbox.FakeCoupa;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Where the alerts go in the tests: a chat's incoming webhook (WireMock) and a real SMTP server (GreenMail), both on
 * 127.0.0.1, with the settings that point the job at them. Every secret the job is given here is one the messages must
 * never show.
 */
final class AlertReceivers implements AutoCloseable {

    static final String WEBHOOK_TOKEN = "XyZw3bh00kT0ken42";

    static final String WEBHOOK_PATH = "/services/T0001/B0002/" + WEBHOOK_TOKEN;

    static final String SMTP_USER = "coupa-po-export@example.test";

    static final String SMTP_PASSWORD = "smtp-s3cret-pw";

    static final String ERP_PASSWORD = "erp-s3cret-pw";

    static final String OPERATIONS = "operations@example.test";

    /** Every secret the job gets from these settings. */
    static final List<String> SECRETS = List.of(FakeCoupa.CLIENT_SECRET, WEBHOOK_TOKEN, SMTP_PASSWORD, ERP_PASSWORD);

    private final WireMockServer webhook = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
        .dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    /** One message as the SMTP server received it. */
    record Mail(String subject, String body, List<String> to, String from) {
    }

    AlertReceivers() {
        webhook.start();
        webhook.stubFor(WireMock.post(WireMock.urlPathEqualTo(WEBHOOK_PATH)).willReturn(WireMock.ok()));
        smtp.start();
    }

    /** The alert settings a deployment would give, with the ERP's basic credentials, and {@code extra}. */
    String[] settings(String... extra) {
        List<String> settings = new ArrayList<>(List.of(
                "--alerts.webhook.url=http://127.0.0.1:" + webhook.port() + WEBHOOK_PATH,
                "--alerts.mail.to=" + OPERATIONS,
                "--alerts.mail.from=" + SMTP_USER,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--spring.mail.username=" + SMTP_USER,
                "--spring.mail.password=" + SMTP_PASSWORD,
                "--spring.mail.properties.mail.smtp.auth=true",
                "--erp.username=exporter",
                "--erp.password=" + ERP_PASSWORD));
        settings.addAll(Arrays.asList(extra));
        return settings.toArray(String[]::new);
    }

    /** The webhook's URL refuses every post from now on. */
    void webhookAnswers(int status) {
        webhook.stubFor(WireMock.post(WireMock.urlPathEqualTo(WEBHOOK_PATH)).willReturn(WireMock.status(status)));
    }

    /** The bodies posted to the webhook, oldest first. */
    List<String> webhookBodies() {
        List<ServeEvent> events = new ArrayList<>(webhook.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(event -> event.getRequest().getBodyAsString()).toList();
    }

    /** The content type of every post to the webhook. */
    List<String> webhookContentTypes() {
        return webhook.getAllServeEvents().stream().map(event -> event.getRequest().getHeader("Content-Type")).toList();
    }

    /** The mails the SMTP server received, oldest first. */
    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                mails.add(new Mail(message.getSubject(), message.getContent().toString().trim(),
                        Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                        message.getFrom()[0].toString()));
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return mails;
    }

    @Override
    public void close() {
        webhook.stop();
        smtp.stop();
    }
}
