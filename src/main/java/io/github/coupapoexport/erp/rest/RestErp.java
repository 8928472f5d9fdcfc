package io.github.coupapoexport.erp.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.foundation.Backoff;
import io.github.coupapoexport.foundation.JsonBodies;
import io.github.coupapoexport.foundation.Texts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST contract's adapter ({@code erp.type=rest}, README "REST ERP"): posts each document to
 * {@code POST {erp.base-url}/purchase-orders} with the snapshot's key in an {@code Idempotency-Key} header, which the
 * ERP honours by answering 409 to a key it applied before.
 */
public class RestErp implements Erp {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final List<String> EXPLANATIONS = List.of("message", "error", "detail", "title");

    private static final Logger log = LoggerFactory.getLogger(RestErp.class);

    private static final int MESSAGE_LENGTH = 500;

    /** Enough of an unexpected page to recognise it, no more. */
    private static final int PAGE_SNIPPET_LENGTH = 100;

    private final RestClient restClient;

    private final Backoff retry;

    private final JsonMapper json;

    private final @Nullable RestErpLookup lookup;

    public RestErp(RestClient restClient, Backoff retry, JsonMapper json) {
        this(restClient, retry, json, null);
    }

    /** @param lookupPath {@code erp.lookup-path}, or null when the ERP offers no look-up of a PO */
    public RestErp(RestClient restClient, Backoff retry, JsonMapper json, @Nullable String lookupPath) {
        this.restClient = restClient;
        this.retry = retry;
        this.json = json;
        this.lookup = lookupPath == null || lookupPath.isBlank() ? null
                : new RestErpLookup(restClient, retry, json, lookupPath);
    }

    @Override
    public boolean readsHoldings() {
        return lookup != null;
    }

    @Override
    public ErpHolding holding(ErpHolding.Question purchaseOrder) {
        if (lookup == null) {
            return Erp.super.holding(purchaseOrder);
        }
        return lookup.holding(purchaseOrder);
    }

    /** Posts the document's JSON as the ledger keeps it, so that a repeat is the very text posted before. */
    @Override
    public ErpAnswer deliver(ErpDelivery delivery) {
        return postWithRetries(delivery.json().getBytes(StandardCharsets.UTF_8), delivery.idempotencyKey());
    }

    private ErpAnswer postWithRetries(byte[] body, String idempotencyKey) {
        return retry.run(() -> post(body, idempotencyKey),
                (last, attempts) -> new ErpAnswer.Unreachable(last.getMessage()));
    }

    private ErpAnswer post(byte[] body, String idempotencyKey) {
        try {
            return restClient.post()
                .uri("/purchase-orders")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .body(body)
                .exchange((request, response) -> answer(request.getURI(), response.getStatusCode(),
                        response.getHeaders().getContentType(), response.getBody().readAllBytes()), true);
        }
        catch (ResourceAccessException ex) {
            // Timeouts and refused or reset connections: the ERP may come back.
            log.debug("ERP call for {} failed: {}", idempotencyKey, ex.getMessage());
            throw new TransientFailure("POST purchase-orders: " + ex.getMessage(), ex);
        }
    }

    private ErpAnswer answer(URI uri, HttpStatusCode status, MediaType contentType, byte[] body) {
        int code = status.value();
        if (status.is2xxSuccessful()) {
            return new ErpAnswer.Accepted(code, documentId(uri, code, contentType, body), false);
        }
        if (code == 409) {
            return new ErpAnswer.Accepted(code, field(body, "erpDocumentId"), true);
        }
        if (code == 401 || code == 403) {
            return new ErpAnswer.Refused(code, "the ERP refused the job's credentials: POST " + uri + " answered HTTP "
                    + code);
        }
        if ((code == 404 || code == 405) && !explained(body)) {
            // No explanation of its own: the endpoint is missing, not this document wrong. An ERP that validates the
            // document and answers 404 with its reason ("supplier not found") rejects this PO alone.
            return new ErpAnswer.Refused(code, "the ERP has no such endpoint: POST " + uri + " answered HTTP " + code);
        }
        if (status.is4xxClientError() && code != 408 && code != 429) {
            return new ErpAnswer.Rejected(code, message(body));
        }
        throw new TransientFailure("POST " + uri + " answered HTTP " + code + ": " + message(body), null);
    }

    /**
     * The ERP document id of an acceptance: none for an empty body. A body that is not a JSON object is not the
     * contract's answer but a page in front of the ERP (single sign-on, maintenance): whether the document got
     * through is unknown, so it is asked again under the same key.
     */
    private String documentId(URI uri, int code, MediaType contentType, byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode answer = tree(body);
        if (answer == null || !answer.isObject()) {
            throw new TransientFailure("POST " + uri + " answered HTTP " + code
                    + (contentType == null ? "" : " with Content-Type " + contentType) + ", not a JSON object: "
                    + Texts.bodySnippet(body, PAGE_SNIPPET_LENGTH), null);
        }
        if (field(body, "erpDocumentId") == null && field(body, "error") != null) {
            // A gateway's {"error": "login_required"} answered 200 is not the ERP taking the document.
            throw new TransientFailure("POST " + uri + " answered HTTP " + code + " with an error and no erpDocumentId: "
                    + Texts.bodySnippet(body, PAGE_SNIPPET_LENGTH), null);
        }
        return field(body, "erpDocumentId");
    }

    /** Whether the body is a JSON object with an explanation of the ERP's own. */
    private boolean explained(byte[] body) {
        JsonNode answer = tree(body);
        return answer != null && answer.isObject() && EXPLANATIONS.stream().anyMatch(name -> field(body, name) != null);
    }

    /** The ERP's own explanation: a {@code message}, {@code error} or {@code detail} field, else the body's text. */
    private String message(byte[] body) {
        for (String name : EXPLANATIONS) {
            String value = field(body, name);
            if (value != null) {
                return value;
            }
        }
        return Texts.bodySnippet(body, MESSAGE_LENGTH);
    }

    private String field(byte[] body, String name) {
        JsonNode node = tree(body);
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    private JsonNode tree(byte[] body) {
        return JsonBodies.treeOrNull(json, body);
    }

    /** Worth another try: 408, 429, 5xx, timeouts, refused connections, a 2xx page that is not the contract's JSON. */
    public static class TransientFailure extends RuntimeException {

        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
