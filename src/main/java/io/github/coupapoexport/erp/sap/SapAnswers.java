package io.github.coupapoexport.erp.sap;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.foundation.JsonBodies;
import io.github.coupapoexport.foundation.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What SAP's answers mean to the job: OData V2 wraps what it returns in {@code {"d": ...}} and explains a failure in
 * {@code {"error": {"message": {"value"}, "innererror": {"errordetails": [{"message"}]}}}}; warnings on a success
 * come in the {@code sap-message} header.
 */
final class SapAnswers {

    private static final Logger log = LoggerFactory.getLogger(SapAnswers.class);

    private static final int MESSAGE_LENGTH = 500;

    /** Enough of an unexpected page to recognise it, no more. */
    private static final int PAGE_SNIPPET_LENGTH = 100;

    private final JsonMapper json;

    SapAnswers(JsonMapper json) {
        this.json = json;
    }

    /**
     * The answer a failed call gives the whole delivery, or a {@link Transient} failure for one worth asking again.
     * A 403 that demands a CSRF token is not seen here: the session fetches a token and asks again first.
     */
    Final failed(SapResponse response) {
        int status = response.status();
        if (status == 401 || status == 403) {
            return new Final(new ErpAnswer.Refused(status, "SAP refused the job's credentials: " + response.call()
                    + " answered HTTP " + status));
        }
        if (status == 408 || status == 412 || status == 429 || status >= 500 || status < 400) {
            // 412: the item changed between our read of its ETag and the patch; the next attempt reads it again.
            throw new Transient(response.call() + " answered HTTP " + status + ": " + message(response.body()), null);
        }
        return new Final(new ErpAnswer.Rejected(status, message(response.body())));
    }

    /**
     * The entity or collection of a successful answer ({@code d}, or {@code d.results}). A body that is not SAP's
     * JSON is a page in front of SAP (single sign-on, maintenance): whether the call got through is unknown, so the
     * delivery is tried again, starting with its look-up.
     */
    JsonNode data(SapResponse response) {
        JsonNode data = tree(response.body()) == null ? null : tree(response.body()).get("d");
        if (data == null || !data.isObject()) {
            throw new Transient(response.call() + " answered HTTP " + response.status()
                    + " without SAP's {\"d\": ...}: " + Texts.bodySnippet(response.body(), PAGE_SNIPPET_LENGTH), null);
        }
        return data.has("results") ? data.get("results") : data;
    }

    /** SAP's explanation: its message and every detail's, each once, or the body's text when it has none. */
    String message(byte[] body) {
        JsonNode error = tree(body) == null ? null : tree(body).get("error");
        if (error == null || !error.isObject()) {
            return Texts.bodySnippet(body, MESSAGE_LENGTH);
        }
        Set<String> messages = new LinkedHashSet<>();
        String value = error.path("message").path("value").asString("");
        if (!value.isBlank()) {
            messages.add(value.strip());
        }
        for (JsonNode detail : error.path("innererror").path("errordetails")) {
            String message = detail.path("message").asString("");
            if (!message.isBlank()) {
                messages.add(message.strip());
            }
        }
        return messages.isEmpty() ? Texts.bodySnippet(body, MESSAGE_LENGTH) : Texts.clip(String.join("; ", messages),
                MESSAGE_LENGTH);
    }

    /** Logs SAP's warnings on a success ({@code sap-message}), which the PO's outcome does not carry. */
    void logWarnings(SapResponse response, String poNumber) {
        String header = response.headers().getFirst("sap-message");
        if (header == null || header.isBlank()) {
            return;
        }
        JsonNode message = tree(header.getBytes(StandardCharsets.UTF_8));
        if (message == null || !message.isObject()) {
            log.warn("SAP says of PO {}: {}", poNumber, Texts.printable(Texts.clip(header, MESSAGE_LENGTH)));
            return;
        }
        Set<String> texts = new LinkedHashSet<>();
        texts.add(message.path("message").asString(""));
        message.path("details").forEach(detail -> texts.add(detail.path("message").asString("")));
        texts.remove("");
        log.warn("SAP says of PO {} ({}): {}", poNumber, message.path("severity").asString("warning"),
                Texts.printable(Texts.clip(String.join("; ", texts), MESSAGE_LENGTH)));
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    private JsonNode tree(byte[] body) {
        return JsonBodies.treeOrNull(json, body);
    }

    /** Worth another try: 408, 412, 429, 5xx, timeouts, refused connections, a 2xx page that is not SAP's JSON. */
    public static class Transient extends RuntimeException {

        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The delivery's answer, found in the middle of it: a refused setup or a rejected document, not retried. */
    static class Final extends RuntimeException {

        private final transient ErpAnswer answer;

        Final(ErpAnswer answer) {
            super(answer.toString(), null, false, false);
            this.answer = answer;
        }

        ErpAnswer answer() {
            return answer;
        }
    }
}
