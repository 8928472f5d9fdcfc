package io.github.coupapoexport.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** Coupa's integration monitoring as the fake Coupa serves it: integration runs, history records, integration errors. */
final class FakeCoupaMonitoring {

    private static final Pattern RUN_ACTION = Pattern.compile("/api/integration_runs/(\\d+)(?:/(run|success|fail|pending|pause))?");

    private static final Pattern RECORDS = Pattern.compile("/api/(integration_history_records|integration_errors)(?:/(create_alert|(\\d+)/resolve))?");

    private final TreeMap<Long, Map<String, Object>> integrationRuns = new TreeMap<>();

    private final TreeMap<Long, Map<String, Object>> historyRecords = new TreeMap<>();

    private final TreeMap<Long, Map<String, Object>> integrationErrors = new TreeMap<>();

    private long nextRunId = 900;

    private long nextRecordId = 5000;

    /** The answer to a monitoring call, or null for a call of another kind. */
    ResponseDefinition route(Request request, String path) {
        if (path.equals("/api/integration_runs") && request.getMethod().getName().equals("POST")) {
            return createRun(request);
        }
        Matcher run = RUN_ACTION.matcher(path);
        if (run.matches() && request.getMethod().getName().equals("PUT")) {
            return updateRun(Long.parseLong(run.group(1)), run.group(2), request);
        }
        Matcher records = RECORDS.matcher(path);
        if (records.matches()) {
            return records(records.group(1), records.group(2), records.group(3), request);
        }
        return null;
    }

    private synchronized ResponseDefinition createRun(Request request) {
        @SuppressWarnings("unchecked")
        Map<String, Object> integration = (Map<String, Object>) FakeHttp.body(request).get("integration");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", ++nextRunId);
        run.put("integration-code", integration.get("code"));
        run.put("status", "pending");
        run.put("total-records", null);
        run.put("records-processed", null);
        integrationRuns.put(nextRunId, run);
        return FakeHttp.answer(201, run);
    }

    private synchronized ResponseDefinition updateRun(long id, String action, Request request) {
        Map<String, Object> run = integrationRuns.get(id);
        if (run == null) {
            return FakeHttp.answer(404, Map.of("errors", Map.of("integration_run", List.of("No integration run " + id))));
        }
        if (action == null) {
            run.putAll(FakeHttp.body(request));
        }
        else {
            switch (action) {
                case "run" -> {
                    run.put("status", "running");
                    run.put("total-records", FakeHttp.body(request).get("total_records"));
                }
                case "success" -> run.put("status", "successful");
                case "fail" -> run.put("status", "failed");
                default -> run.put("status", action);
            }
        }
        return FakeHttp.answer(200, run);
    }

    private synchronized ResponseDefinition records(String kind, String action, String resolveId, Request request) {
        TreeMap<Long, Map<String, Object>> store = kind.equals("integration_errors") ? integrationErrors : historyRecords;
        String method = request.getMethod().getName();
        if (resolveId != null && method.equals("PUT")) {
            Map<String, Object> record = store.get(Long.parseLong(resolveId));
            if (record == null) {
                return FakeHttp.answer(404, Map.of("errors", Map.of(kind, List.of("No record " + resolveId))));
            }
            record.put("resolved", true);
            return FakeHttp.answer(200, List.of(record));
        }
        if (method.equals("POST") && (action == null || action.equals("create_alert"))) {
            Map<String, Object> record = new LinkedHashMap<>(FakeHttp.body(request));
            record.put("id", ++nextRecordId);
            record.put("resolved", false);
            record.put("alerted", "create_alert".equals(action));
            if (kind.equals("integration_errors")) {
                Map<String, Object> run = integrationRuns.get(Long.parseLong(String.valueOf(record.get("integration-run-id"))));
                record.put("integration-code", run == null ? null : run.get("integration-code"));
            }
            else {
                @SuppressWarnings("unchecked")
                Map<String, Object> integration = (Map<String, Object>) record.get("integration");
                record.put("integration-code", integration == null ? null : integration.get("code"));
            }
            store.put(nextRecordId, record);
            return FakeHttp.answer(201, Map.of("id", nextRecordId, "document-id", record.get("document-id"), "status",
                    record.get("status")));
        }
        if (method.equals("GET") && action == null) {
            String resolved = FakeHttp.param(request, "resolved");
            String documentIds = FakeHttp.param(request, "document-id[in]");
            String code = FakeHttp.param(request, "integration[code]");
            String afterId = FakeHttp.param(request, "id[gt]");
            String limit = FakeHttp.param(request, "limit");
            Set<String> ids = documentIds == null ? null : Set.of(documentIds.split(","));
            List<Map<String, Object>> page = new ArrayList<>();
            for (Map<String, Object> record : store.tailMap(afterId == null ? 0 : Long.parseLong(afterId), false).values()) {
                if ((resolved == null || String.valueOf(record.get("resolved")).equals(resolved))
                        && (ids == null || ids.contains(String.valueOf(record.get("document-id"))))
                        && (code == null || code.equals(record.get("integration-code")))) {
                    page.add(Map.of("id", record.get("id"), "document-id", record.get("document-id"), "status",
                            record.get("status"), "resolved", record.get("resolved")));
                }
                if (page.size() == (limit == null ? 50 : Integer.parseInt(limit))) {
                    break;
                }
            }
            return FakeHttp.answer(200, page);
        }
        return FakeHttp.answer(404, Map.of("errors", Map.of(kind, List.of("No route for " + method + " " + request.getUrl()))));
    }

    /** The integration runs created so far, oldest first. */
    public synchronized List<Map<String, Object>> integrationRuns() {
        return copies(integrationRuns);
    }

    /** The history records created so far, oldest first, each with its {@code resolved} and {@code alerted} state. */
    public synchronized List<Map<String, Object>> historyRecords() {
        return copies(historyRecords);
    }

    /** The integration errors created so far, oldest first. */
    public synchronized List<Map<String, Object>> integrationErrors() {
        return copies(integrationErrors);
    }

    /** An unresolved record from before this tool, or from a run that failed, for one PO. */
    public synchronized void addOpenHistoryRecord(long purchaseOrderId, String integrationCode, String status) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", ++nextRecordId);
        record.put("document-type", "OrderHeader");
        record.put("document-id", purchaseOrderId);
        record.put("status", status);
        record.put("resolved", false);
        record.put("integration-code", integrationCode);
        historyRecords.put(nextRecordId, record);
    }

    private static List<Map<String, Object>> copies(TreeMap<Long, Map<String, Object>> store) {
        return store.values().stream().map(record -> (Map<String, Object>) new LinkedHashMap<>(record)).toList();
    }
}
