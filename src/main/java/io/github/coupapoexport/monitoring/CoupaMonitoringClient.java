package io.github.coupapoexport.monitoring;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaProperties;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.type.TypeReference;

/**
 * The Coupa calls of the three monitoring options (endpoints and bodies in {@code shared/docs/coupa-api.md}, table
 * (a)). The bodies are {@link MonitoringRequests}, written with Coupa's own hyphenated keys.
 */
public class CoupaMonitoringClient {

    static final String HISTORY_RECORDS = "/api/integration_history_records";

    static final String INTEGRATION_ERRORS = "/api/integration_errors";

    static final String INTEGRATION_RUNS = "/api/integration_runs";

    static final String RECORD_FIELDS = "[\"id\",\"document-id\",\"status\",\"resolved\"]";

    static final String CREATED_FIELDS = "[\"id\",\"document-id\",\"status\"]";

    private static final TypeReference<List<OpenRecord>> OPEN_RECORDS = new TypeReference<>() {
    };

    private final CoupaApi api;

    private final CoupaProperties.Monitoring settings;

    public CoupaMonitoringClient(CoupaApi api, CoupaProperties.Monitoring settings) {
        this.api = api;
        this.settings = settings;
    }

    /** An unresolved history record or integration error of one PO. */
    public record OpenRecord(long id, Long documentId, String status, Boolean resolved) {
    }

    /** An integration run as Coupa answers it. */
    public record Run(long id, String status) {
    }

    /** Option 1: a PO header custom field with the latest outcome. */
    public void writeStatusField(long purchaseOrderId, String value) {
        api.call("write status field", HttpMethod.PUT, builder -> builder.path("/api/purchase_orders/{id}")
            .queryParam("fields", "{fields}")
            .build(Map.of("id", purchaseOrderId, "fields", "[\"id\",\"exported\",{\"custom_fields\":{}}]")),
                MonitoringRequests.statusField(settings.statusField(), value));
    }

    /** This integration's unresolved history records of these POs, in one call per 50 records. */
    public List<OpenRecord> unresolvedHistoryRecords(Collection<Long> purchaseOrderIds) {
        return unresolved("find open history records", HISTORY_RECORDS, purchaseOrderIds);
    }

    /** This integration's unresolved integration errors of these POs, in one call per 50 errors. */
    public List<OpenRecord> unresolvedIntegrationErrors(Collection<Long> purchaseOrderIds) {
        return unresolved("find open integration errors", INTEGRATION_ERRORS, purchaseOrderIds);
    }

    public void resolveHistoryRecord(long recordId) {
        api.call("resolve history record", HttpMethod.PUT,
                builder -> builder.path(HISTORY_RECORDS + "/{id}/resolve").build(recordId), null);
    }

    public void resolveIntegrationError(long errorId) {
        api.call("resolve integration error", HttpMethod.PUT,
                builder -> builder.path(INTEGRATION_ERRORS + "/{id}/resolve").build(errorId), null);
    }

    /** A history record; with {@code alert}, Coupa also alerts the integration's contacts. */
    void createHistoryRecord(MonitoringRequests.HistoryRecord record, boolean alert) {
        api.call(alert ? "create history alert" : "create history record", HttpMethod.POST,
                builder -> withFields(builder.path(HISTORY_RECORDS + (alert ? "/create_alert" : ""))), record);
    }

    /** An integration error of a run, alerting the integration's contacts. */
    void createIntegrationErrorAlert(MonitoringRequests.IntegrationError error) {
        api.call("create integration error", HttpMethod.POST,
                builder -> builder.path(INTEGRATION_ERRORS + "/create_alert").build(), error);
    }

    public Run createRun() {
        return api.object(api.call("create integration run", HttpMethod.POST,
                builder -> builder.path(INTEGRATION_RUNS).build(),
                MonitoringRequests.newRun(settings.integrationCode())), Run.class, "integration run");
    }

    /** Starts the run with the number of POs it is to process. */
    public void startRun(long runId, long totalRecords) {
        api.call("start integration run", HttpMethod.PUT,
                builder -> builder.path(INTEGRATION_RUNS + "/{id}/run").build(runId),
                new MonitoringRequests.RunStart(totalRecords));
    }

    public void recordRunProgress(long runId, long recordsProcessed) {
        api.call("update integration run", HttpMethod.PUT, builder -> builder.path(INTEGRATION_RUNS + "/{id}").build(runId),
                new MonitoringRequests.RunProgress(recordsProcessed));
    }

    public void succeedRun(long runId) {
        api.call("end integration run", HttpMethod.PUT,
                builder -> builder.path(INTEGRATION_RUNS + "/{id}/success").build(runId), null);
    }

    public void failRun(long runId) {
        api.call("end integration run", HttpMethod.PUT,
                builder -> builder.path(INTEGRATION_RUNS + "/{id}/fail").build(runId), null);
    }

    String integrationCode() {
        return settings.integrationCode();
    }

    private List<OpenRecord> unresolved(String purpose, String path, Collection<Long> purchaseOrderIds) {
        if (purchaseOrderIds.isEmpty()) {
            return List.of();
        }
        String documentIds = purchaseOrderIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<OpenRecord> open = new ArrayList<>();
        long cursor = 0;
        while (true) {
            long after = cursor;
            List<OpenRecord> page = api.getList(purpose, builder -> builder.path(path)
                .queryParam("resolved", "false")
                .queryParam("document-type", "OrderHeader")
                .queryParam("document-id[in]", "{ids}")
                .queryParam("integration[code]", "{code}")
                .queryParam("id[gt]", "{after}")
                .queryParam("order_by", "id")
                .queryParam("dir", "asc")
                .queryParam("limit", "{limit}")
                .queryParam("fields", "{fields}")
                .build(Map.of("ids", documentIds, "code", settings.integrationCode(), "after", after, "limit",
                        CoupaProperties.MAX_PAGE_SIZE, "fields", RECORD_FIELDS)), OPEN_RECORDS, "integration records");
            open.addAll(page);
            if (page.size() < CoupaProperties.MAX_PAGE_SIZE) {
                return open;
            }
            if (page.get(page.size() - 1).id() <= cursor) {
                throw new CoupaCallException("GET " + path
                        + " ignored the id cursor (id[gt]=" + cursor + "): paging it would never end");
            }
            cursor = page.get(page.size() - 1).id();
        }
    }

    private static URI withFields(UriBuilder builder) {
        return builder.queryParam("fields", "{fields}").build(Map.of("fields", CREATED_FIELDS));
    }
}
