package io.github.coupapoexport.alerting;

import java.net.URI;

import io.github.coupapoexport.foundation.HttpRequestFactories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an alert to a Slack or Microsoft Teams incoming webhook. The webhook's URL carries its token, so no log line
 * shows it, nor the message of an exception about the call (Spring's name the URL): only its host.
 */
class WebhookChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final RestClient restClient;

    private final URI url;

    private final WebhookFormat format;

    private final JsonMapper json = JsonMapper.builder().build();

    WebhookChannel(AlertProperties.Webhook webhook) {
        this.url = URI.create(webhook.url().reveal().trim());
        this.format = WebhookFormat.of(webhook.format());
        this.restClient = RestClient.builder()
            .requestFactory(HttpRequestFactories.of(webhook.connectTimeout(), webhook.readTimeout()))
            .build();
    }

    @Override
    public boolean send(Alert alert) {
        try {
            restClient.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(format.body(alert)))
                .retrieve()
                .toBodilessEntity();
            log.info("Alert \"{}\" sent to the {} webhook at {}", alert.title(), format.label(), url.getHost());
            return true;
        }
        catch (RestClientResponseException refused) {
            log.warn("The {} webhook at {} refused the alert: HTTP {}", format.label(), url.getHost(),
                    refused.getStatusCode().value());
        }
        catch (RuntimeException failed) {
            log.warn("The {} webhook at {} could not be reached ({})", format.label(), url.getHost(),
                    failed.getClass().getSimpleName());
        }
        return false;
    }
}
