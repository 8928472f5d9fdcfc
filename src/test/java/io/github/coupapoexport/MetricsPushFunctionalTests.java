package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** A run's meters pushed to a real Prometheus Pushgateway and read back as Prometheus would scrape them. */
class MetricsPushFunctionalTests {

    private static final Path MONITORING = Path.of("config", "monitoring");

    private static final Pattern METRIC_NAME = Pattern.compile(
            "\\b(coupa_po_export|spring_batch|http_client)_[a-z_]+?_(total|seconds|sum|count|max)\\b");

    private static Pushgateway pushgateway;

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeAll
    static void startPushgateway() {
        pushgateway = Pushgateway.start();
    }

    @AfterAll
    static void stopPushgateway() {
        pushgateway.close();
    }

    @BeforeEach
    void forgetEarlierPushes() {
        pushgateway.wipe();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String[] pushingTo(String address, String... extra) {
        String[] arguments = new String[extra.length + 2];
        arguments[0] = "--management.prometheus.metrics.export.pushgateway.enabled=true";
        arguments[1] = "--management.prometheus.metrics.export.pushgateway.address=" + address;
        System.arraycopy(extra, 0, arguments, 2, extra.length);
        return arguments;
    }

    @Test
    void runPushesItsPurchaseOrdersCoupaCallsErpAnswersAndSpringBatchObservationsWhenItEnds() throws IOException {
        // given two POs the ERP takes, one the mapping rejects, and Coupa answering the first call 429
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(4822).line(Line.amount(21, "1", "Consulting", "200.00")),
                po(4823).supplier("Globex", null).line(Line.amount(31, "1", "Consulting", "300.00")));
        harness.coupa.faults().throttle(1, 0);

        // when
        ExportJobHarness.RunResult run = harness.run(pushingTo(pushgateway.address(),
                "--management.prometheus.metrics.export.pushgateway.grouping-key.instance=nightly"));

        // then the pushed values are the run's, in the group of the job and the grouping key
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_total",
                Map.of("job", "coupa-po-export", "instance", "nightly", "outcome", "exported")))
            .as(pushgateway.metrics()).hasValue(2);
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_total", Map.of("outcome", "failed")))
            .hasValue(1);
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_failing_total", Map.of("class", "po-data")))
            .hasValue(1);
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_failing_total", Map.of("class", "erp-refused")))
            .hasValue(0);
        assertThat(pushgateway.value("coupa_po_export_coupa_calls_total", Map.of("purpose", "mark exported")))
            .hasValue(2);
        assertThat(pushgateway.value("coupa_po_export_coupa_throttled_total", Map.of())).hasValue(1);
        long apiCalls = harness.coupaRequests().stream()
            .filter(call -> call.getRequest().getUrl().startsWith("/api/"))
            .count();
        assertThat(pushgateway.sum("coupa_po_export_coupa_calls_total", Map.of())).isEqualTo(apiCalls);
        assertThat(pushgateway.value("coupa_po_export_coupa_rate_limit_wait_seconds_count", Map.of()))
            .hasValue(apiCalls);
        assertThat(pushgateway.value("coupa_po_export_erp_answers_seconds_count",
                Map.of("request", "deliver", "answer", "accepted"))).hasValue(2);
        assertThat(pushgateway.value("coupa_po_export_last_success_timestamp_seconds", Map.of())).isPresent();
        // Spring Batch's own observations
        assertThat(pushgateway.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_name",
                "purchaseOrderExportJob", "spring_batch_job_status", "COMPLETED"))).hasValue(1);
        assertThat(pushgateway.value("spring_batch_item_read_seconds_count", Map.of("spring_batch_item_read_step_name",
                "exportPurchaseOrders", "spring_batch_item_read_status", "SUCCESS"))).hasValue(4);
        assertThat(pushgateway.value("spring_batch_item_process_seconds_count", Map.of())).hasValue(3);
        assertThat(pushgateway.value("spring_batch_chunk_write_seconds_count",
                Map.of("spring_batch_chunk_write_status", "SUCCESS"))).hasValue(1);
        // every Coupa and ERP call, by a path template that holds no PO's id or number
        assertThat(pushgateway.value("http_client_requests_seconds_count",
                Map.of("method", "PUT", "uri", "/api/purchase_orders/{id}", "status", "200"))).hasValue(2);
        assertThat(pushgateway.value("http_client_requests_seconds_count",
                Map.of("method", "POST", "uri", "/oauth2/token", "status", "200"))).hasValue(1);
        assertThat(pushgateway.value("http_client_requests_seconds_count",
                Map.of("method", "POST", "uri", "/api/integration_runs", "status", "429"))).hasValue(1);
        assertThat(pushgateway.value("http_client_requests_seconds_count",
                Map.of("method", "POST", "uri", "/purchase-orders", "status", "201"))).hasValue(2);
        assertThat(pushgateway.lines("http_client_requests_seconds_count", Map.of()))
            .noneMatch(line -> line.contains("482"));
        // what the Grafana dashboard and the alert rules of config/monitoring read is what a run pushes
        assertThat(metricNamesIn(MONITORING.resolve("coupa-po-export-dashboard.json"),
                MONITORING.resolve("coupa-po-export-alerts.yml")))
            .isNotEmpty()
            .allSatisfy(name -> assertThat(pushgateway.lines(name, Map.of())).as(name).isNotEmpty());
    }

    private static Set<String> metricNamesIn(Path... files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            Matcher name = METRIC_NAME.matcher(Files.readString(file));
            while (name.find()) {
                names.add(name.group());
            }
        }
        return names;
    }

    @Test
    void failedRunPushesItsOwnValuesAndLeavesTheLastSuccessfulRunsTimestamp() {
        // given a run that completed
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")));
        assertThat(harness.run(pushingTo(pushgateway.address())).exitCode()).isZero();
        double succeeded = pushgateway.value("coupa_po_export_last_success_timestamp_seconds", Map.of()).orElseThrow();

        // when the next run fails: Coupa answers every call 503
        harness.coupa.add(po(4822).line(Line.amount(21, "1", "Consulting", "200.00")));
        harness.coupa.faults().failEvery(1);
        ExportJobHarness.RunResult failed = harness.run(pushingTo(pushgateway.address()));

        // then
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(pushgateway.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status", "FAILED")))
            .hasValue(1);
        assertThat(pushgateway.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status", "COMPLETED")))
            .isEmpty();
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_total", Map.of("outcome", "exported")))
            .hasValue(0);
        assertThat(pushgateway.value("coupa_po_export_last_success_timestamp_seconds", Map.of())).hasValue(succeeded);
    }

    @Test
    void runStoppedBySigtermPushesItsValuesAsItEndsWithExit4() {
        // given pages of POs, and an ERP slow enough to signal the run in the middle of them
        for (int id = 1; id <= 30; id++) {
            harness.coupa.add(po(id).line(Line.amount(id * 10, "1", "Consulting", "100.00")));
        }
        harness.erp.answerAfter(40);
        ExportProcess run = ExportProcess.launchFromClassPath(
                harness.arguments(pushingTo(pushgateway.address(), "--coupa.page-size=10")), Map.of());
        harness.awaitErpDocuments(5, Duration.ofSeconds(60));

        // when
        run.terminate();

        // then the push made as the application closed carries the stopped run
        assertThat(run.exitCode(Duration.ofSeconds(30))).as(run.output()).isEqualTo(4);
        long marked = IntStream.rangeClosed(1, 30).filter(harness.coupa::isExported).count();
        assertThat(pushgateway.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status", "STOPPED")))
            .as(run.output()).hasValue(1);
        assertThat(pushgateway.value("coupa_po_export_purchase_orders_total", Map.of("outcome", "exported")))
            .hasValue(marked);
        assertThat(pushgateway.value("coupa_po_export_last_success_timestamp_seconds", Map.of())).isEmpty();
    }

    @Test
    void pushgatewayThatDoesNotAnswerIsAWarningAndTheExitCodeStaysTheRuns() {
        // given a Pushgateway address where nothing listens, with a password
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")));
        String nobody = "127.0.0.1:" + Pushgateway.freePort();

        // when
        ExportJobHarness.RunResult run = harness.run(pushingTo(nobody,
                "--management.prometheus.metrics.export.pushgateway.username=push",
                "--management.prometheus.metrics.export.pushgateway.password=pushgateway-s3cret"));

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Metrics not pushed: the Pushgateway at http://" + nobody
                + "/metrics/job/coupa-po-export did not answer").doesNotContain("pushgateway-s3cret");
    }

    @Test
    void aTokenThatCannotGoIntoAHeaderIsAWarningThatNeverShowsIt() {
        // given a Pushgateway token with the line break a secret file or a YAML block leaves at its end
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult run = harness.run(pushingTo(pushgateway.address(),
                "--management.prometheus.metrics.export.pushgateway.token=pushgateway-t0ken\n"));

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Metrics not pushed").doesNotContain("pushgateway-t0ken");
    }
}
