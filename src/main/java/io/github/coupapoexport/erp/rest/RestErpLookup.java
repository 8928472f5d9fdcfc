package io.github.coupapoexport.erp.rest;

import java.util.Map;

import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.erp.ErpReadException;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.foundation.Backoff;
import io.github.coupapoexport.foundation.JsonBodies;
import io.github.coupapoexport.foundation.Texts;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the REST ERP holds of one PO: {@code GET {erp.base-url}{erp.lookup-path}}, where the path names the PO
 * by {@code {coupaId}} or {@code {poNumber}}. The contract defines no such call, so it is used only when
 * {@code erp.lookup-path} is set: 200 with the document as the ERP holds it (its {@code revision} is the Coupa version,
 * {@code erpDocumentId} its own id), 404 the ERP does not hold the PO.
 */
final class RestErpLookup {

    private static final int SNIPPET_LENGTH = 200;

    private final RestClient restClient;

    private final Backoff retry;

    private final JsonMapper json;

    private final String path;

    RestErpLookup(RestClient restClient, Backoff retry, JsonMapper json, String path) {
        this.restClient = restClient;
        this.retry = retry;
        this.json = json;
        this.path = path;
    }

    ErpHolding holding(ErpHolding.Question purchaseOrder) {
        return retry.run(() -> get(purchaseOrder), (last, attempts) -> {
            if (last instanceof RestErp.TransientFailure) {
                throw new ErpReadException(last.getMessage() + " (gave up after " + attempts + " attempts)", last);
            }
            if (last instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ErpReadException(last.getMessage(), last);
        });
    }

    private ErpHolding get(ErpHolding.Question purchaseOrder) {
        Map<String, Object> names = Map.of("coupaId", purchaseOrder.coupaId(), "poNumber",
                purchaseOrder.poNumber() == null ? "" : purchaseOrder.poNumber());
        try {
            return restClient.get()
                .uri(path, names)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> answer("GET " + request.getURI(), response.getStatusCode(),
                        response.getBody().readAllBytes()), true);
        }
        catch (ResourceAccessException ex) {
            throw new RestErp.TransientFailure("GET " + path + " for Coupa id " + purchaseOrder.coupaId() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private ErpHolding answer(String call, HttpStatusCode status, byte[] body) {
        int code = status.value();
        if (code == 404) {
            return new ErpHolding.NotHeld();
        }
        if (status.is2xxSuccessful()) {
            JsonNode held = JsonBodies.treeOrNull(json, body);
            if (held == null || !held.isObject()) {
                throw new RestErp.TransientFailure(call + " answered HTTP " + code + ", not a JSON object: "
                        + Texts.bodySnippet(body, SNIPPET_LENGTH), null);
            }
            JsonNode revision = held.get("revision");
            JsonNode documentId = held.get("erpDocumentId");
            return new ErpHolding.Held(revision != null && revision.isIntegralNumber() && revision.canConvertToInt() ? revision.asInt() : null,
                    documentId == null || documentId.isNull() || documentId.isContainer() ? null : documentId.asString());
        }
        if (code == 408 || code == 429 || status.is5xxServerError()) {
            throw new RestErp.TransientFailure(call + " answered HTTP " + code + ": "
                    + Texts.bodySnippet(body, SNIPPET_LENGTH), null);
        }
        // 401, 403: the credentials; 400, 405 and the like: erp.lookup-path is not the ERP's look-up.
        throw new ErpSetupException("the ERP refused the look-up of a PO: " + call + " answered HTTP " + code + ": "
                + Texts.bodySnippet(body, SNIPPET_LENGTH) + "; check erp.lookup-path and the ERP's credentials");
    }
}
