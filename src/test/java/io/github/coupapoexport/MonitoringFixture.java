package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;

/** What the monitoring tests share: the job against the fakes, and a reading of what Coupa received. */
abstract class MonitoringFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    static CoupaPo issued(long id) {
        return po(id).line(Line.amount(id * 10, "1", "Consulting", "100.00"));
    }

    @SuppressWarnings("unchecked")
    String statusField(long id) {
        Map<String, Object> fields = (Map<String, Object>) harness.coupa.purchaseOrder(id).get("custom-fields");
        return fields == null ? null : (String) fields.get("cf-integration-status");
    }

    /** Method and path of every monitoring call Coupa received, oldest first. */
    List<String> monitoringCalls() {
        return harness.coupaRequests().stream()
            .map(ServeEvent::getRequest)
            .map(request -> request.getMethod().getName() + " " + request.getUrl().split("\\?")[0])
            .filter(call -> call.contains("/api/integration_"))
            .toList();
    }

    LoggedRequest request(String method, String path, int index) {
        return harness.coupaRequests().stream()
            .map(ServeEvent::getRequest)
            .filter(request -> request.getMethod().getName().equals(method))
            .filter(request -> request.getUrl().split("\\?")[0].equals(path))
            .skip(index)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request " + index + " to " + method + " " + path));
    }

    JsonNode body(String method, String path, int index) {
        return JSON.readTree(request(method, path, index).getBodyAsString());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
