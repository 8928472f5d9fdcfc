package io.github.coupapoexport;

import java.time.Duration;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** A run's meters published over OTLP to a receiver on 127.0.0.1, configured the standard way: OTEL_* variables. */
class OtlpMetricsFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    private final OtlpReceiver receiver = new OtlpReceiver();

    @AfterEach
    void stop() {
        receiver.close();
        harness.close();
    }

    @Test
    void runPublishesItsMetersWhenItEndsToTheEndpointTheStandardEnvironmentVariablesName() {
        // given two POs, and the receiver, the service name and a token named only by OTEL_* variables
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(4822).line(Line.amount(21, "1", "Consulting", "200.00")));
        Map<String, String> environment = Map.of(
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", receiver.metricsUrl(),
                "OTEL_SERVICE_NAME", "po-export-nightly",
                "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer otlp-s3cret");

        // when the application runs in a process of its own, with the one setting that turns OTLP on
        ExportProcess run = ExportProcess.launchFromClassPath(
                harness.arguments("--management.otlp.metrics.export.enabled=true"), environment);

        // then
        assertThat(run.exitCode(Duration.ofMinutes(2))).as(run.output()).isZero();
        OtlpReceiver.Export export = receiver.last();
        ExportMetricsServiceRequest request = export.request();
        assertThat(export.authorization()).isEqualTo("Bearer otlp-s3cret");
        assertThat(OtlpReceiver.resourceAttribute(request, "service.name")).isEqualTo("po-export-nightly");
        assertThat(OtlpReceiver.resourceAttribute(request, "deployment.environment")).isEqualTo("test");
        Metric purchaseOrders = OtlpReceiver.metric(request, "coupa.po.export.purchase.orders").orElseThrow();
        assertThat(OtlpReceiver.sumPoint(purchaseOrders, "outcome", "exported")).isEqualTo(2);
        assertThat(OtlpReceiver.sumPoint(purchaseOrders, "outcome", "failed")).isZero();
        Metric coupaCalls = OtlpReceiver.metric(request, "coupa.po.export.coupa.calls").orElseThrow();
        assertThat(OtlpReceiver.sumPoint(coupaCalls, "purpose", "mark exported")).isEqualTo(2);
        assertThat(OtlpReceiver.metric(request, "coupa.po.export.last.success.timestamp")).isPresent();
        Metric erpAnswers = OtlpReceiver.metric(request, "coupa.po.export.erp.answers").orElseThrow();
        assertThat(erpAnswers.getHistogram().getDataPointsList())
            .anySatisfy(point -> {
                assertThat(OtlpReceiver.has(point.getAttributesList(), "answer", "accepted")).isTrue();
                assertThat(point.getCount()).isEqualTo(2);
            });
        Metric job = OtlpReceiver.metric(request, "spring.batch.job").orElseThrow();
        assertThat(job.getHistogram().getDataPointsList())
            .anySatisfy(point -> assertThat(OtlpReceiver.has(point.getAttributesList(), "spring.batch.job.status",
                    "COMPLETED")).isTrue());
        Metric http = OtlpReceiver.metric(request, "http.client.requests").orElseThrow();
        assertThat(http.getHistogram().getDataPointsList())
            .anySatisfy(point -> assertThat(OtlpReceiver.has(point.getAttributesList(), "uri",
                    "/api/purchase_orders/{id}")).isTrue());
        assertThat(run.output()).doesNotContain("otlp-s3cret");
    }

    @Test
    void receiverThatDoesNotAnswerIsAWarningAndTheExitCodeStaysTheRuns() {
        // given a receiver address where nothing listens
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")));
        String nobody = "http://127.0.0.1:" + Pushgateway.freePort() + "/v1/metrics";

        // when
        ExportJobHarness.RunResult run = harness.run("--management.otlp.metrics.export.enabled=true",
                "--management.otlp.metrics.export.url=" + nobody);

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Failed to publish metrics to OTLP receiver (context: url=" + nobody);
    }
}
