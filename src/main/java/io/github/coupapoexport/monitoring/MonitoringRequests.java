package io.github.coupapoexport.monitoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.coupapoexport.ledger.UnreportedOutcome;

/**
 * The bodies of the monitoring calls ({@code shared/docs/coupa-api.md}, table (a)), all built here. {@code CoupaApi}
 * writes them with Coupa's JSON mapper, whose naming strategy gives each component its hyphenated key
 * ({@code documentId} is {@code document-id}); the order of the keys is pinned so that the wire stays as Coupa's
 * samples write it.
 */
final class MonitoringRequests {

    /** Coupa's document type of a PO. */
    private static final String DOCUMENT_TYPE = "OrderHeader";

    private MonitoringRequests() {
    }

    /**
     * Option 1: {@code {"custom-fields": {"<status-field>": "<text>"}}}. The inner key is the configured field name,
     * which no record can hold: a map, whose keys the naming strategy leaves as they are.
     */
    record StatusField(Map<String, String> customFields) {
    }

    /** The integration a run or history record belongs to: {@code {"code": "..."}}. */
    record Integration(String code) {
    }

    /** A new integration run. */
    record NewRun(Integration integration) {
    }

    /** The start of a run: the key is {@code total_records}, with an underscore, as Coupa's sample writes it. */
    record RunStart(@JsonProperty("total_records") long totalRecords) {
    }

    /** The POs an ending run processed. */
    record RunProgress(long recordsProcessed) {
    }

    /** A run a history record belongs to: {@code {"id": ...}}. */
    record RunReference(long id) {
    }

    /** Why a PO ended as it did, as the ERP or the mapping said it. */
    record Response(String responseCode, String responseMessage) {
    }

    /** A history record of one PO; in integration-run mode it belongs to the run. */
    @JsonPropertyOrder({"documentType", "documentId", "documentStatus", "contactAlertType", "status", "responses",
            "integration", "integrationRun"})
    record HistoryRecord(String documentType, long documentId, String documentStatus, String contactAlertType,
            String status, List<Response> responses, Integration integration,
            @JsonInclude(JsonInclude.Include.NON_NULL) RunReference integrationRun) {
    }

    /** An integration error of one PO in a run; Coupa takes the run's id as text here. */
    @JsonPropertyOrder({"documentType", "documentId", "documentStatus", "contactAlertType", "status", "responses",
            "integrationRunId"})
    record IntegrationError(String documentType, long documentId, String documentStatus, String contactAlertType,
            String status, List<Response> responses, String integrationRunId) {
    }

    static StatusField statusField(String field, String value) {
        return new StatusField(Map.of(field, value));
    }

    static NewRun newRun(String integrationCode) {
        return new NewRun(new Integration(integrationCode));
    }

    /**
     * The history record of an outcome; in integration-run mode ({@code integrationRunId} not null) of that run.
     */
    static HistoryRecord historyRecord(UnreportedOutcome outcome, String integrationCode, Long integrationRunId) {
        return new HistoryRecord(DOCUMENT_TYPE, outcome.coupaId(), outcome.poStatus(), contactAlertType(outcome),
                status(outcome), responses(outcome), new Integration(integrationCode),
                integrationRunId == null ? null : new RunReference(integrationRunId));
    }

    static IntegrationError integrationError(UnreportedOutcome outcome, long integrationRunId) {
        return new IntegrationError(DOCUMENT_TYPE, outcome.coupaId(), outcome.poStatus(), contactAlertType(outcome),
                status(outcome), responses(outcome), String.valueOf(integrationRunId));
    }

    /** A buyer fixes a rejected or invalid PO; an unreachable ERP is for the technical contacts. */
    private static String contactAlertType(UnreportedOutcome outcome) {
        return outcome.technical() ? "Technical" : "Functional";
    }

    private static String status(UnreportedOutcome outcome) {
        return outcome.success() ? "Success" : "Error";
    }

    private static List<Response> responses(UnreportedOutcome outcome) {
        return List.of(new Response(outcome.responseCode(), outcome.responseMessage()));
    }
}
