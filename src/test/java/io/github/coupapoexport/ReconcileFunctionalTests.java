package io.github.coupapoexport;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code reconcile}: Coupa against the ledger (the REST ERP without a look-up) against the real job's own records; the
 * three kinds of difference, {@code --fix} putting two of them back and the next run sending them, exit 0 and 3.
 */
class ReconcileFunctionalTests {

    /** Before every fake PO's {@code updated-at}, which the fake Coupa's marks leave as it is. */
    private static final String SINCE = "--since=2026-01-01";

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everythingTheJobExportedAgreesAndExits0() {
        // given POs 1 and 2 exported by the job, and PO 3 exported before it ever ran (by the integration it
        // replaced), which only the ERP could judge
        harness.coupa.add(po(1).line(line(1)), po(2).line(line(2)), po(3).exported(true).line(line(3)));
        assertThat(harness.run().exitCode()).isZero();

        // when
        ExportJobHarness.RunResult reconcile = harness.run("reconcile", SINCE);

        // then
        assertThat(reconcile.exitCode()).as(reconcile.output()).isZero();
        assertThat(reconcile.output()).contains("Coupa was compared with the ledger only")
            .contains("1 POs Coupa shows exported were last updated before this job first ran")
            .contains("coupa-po-export: reconcile since=2026-01-01T00:00:00Z exported-in-coupa=3 not-in-erp=0 "
                    + "not-exported=0 newer-in-coupa=0 erp=not-read fix=false coupa-calls=1 exit=0");
        assertThat(harness.database().queryForObject("SELECT COUNT(*) FROM RECONCILIATION WHERE FINISHED_AT IS NOT NULL "
                + "AND NOT_IN_ERP = 0 AND EXPORTED_IN_COUPA = 3", Integer.class)).isEqualTo(1);
    }

    @Test
    void aPoTheBaselineTookAsKeyedInByHandAgreesThoughTheErpNeverAcceptedIt() {
        // given PO 1 exported by the job, PO 2 baselined at go-live (marked exported, never sent)
        harness.coupa.add(po(1).line(line(1)));
        assertThat(harness.run().exitCode()).isZero();
        harness.coupa.add(po(2).line(line(2)));
        ExportJobHarness.RunResult baseline = harness.run("baseline", "--before=2030-01-01");
        assertThat(baseline.exitCode()).as(baseline.output()).isZero();

        // when
        ExportJobHarness.RunResult reconcile = harness.run("reconcile", SINCE);

        // then
        assertThat(reconcile.exitCode()).as(reconcile.output()).isZero();
        assertThat(reconcile.output()).contains("exported-in-coupa=2 not-in-erp=0 not-exported=0 newer-in-coupa=0");
    }

    @Test
    void theThreeKindsAreFoundThenFixPutsTwoBackAndTheNextRunSendsThem() {
        // given POs 1 to 3 exported by the job; then PO 4 marked exported by hand, never sent; PO 2 not exported any
        // more at the version the ERP accepted; PO 3 exported at a version the ERP never got
        harness.coupa.add(po(1).line(line(1)), po(2).line(line(2)), po(3).line(line(3)));
        assertThat(harness.run().exitCode()).isZero();
        harness.coupa.add(po(4).exported(true).updatedAt(OffsetDateTime.now(ZoneOffset.UTC).toString()).line(line(4)));
        harness.coupa.change(2, "2026-03-03T09:00:00-08:00", po -> {
        });
        harness.coupa.change(3, "2026-03-03T09:00:00-08:00", po -> po.put("version", 2));
        harness.coupa.purchaseOrder(3).put("exported", true);

        // when
        ExportJobHarness.RunResult listed = harness.run("reconcile", SINCE);

        // then each kind is listed, nothing changed, exit 3; Coupa was asked for 1 page and for PO 2 by id
        assertThat(listed.exitCode()).as(listed.output()).isEqualTo(3);
        assertThat(listed.output()).containsPattern("\\n  2 +2  not-exported +v1 issued +v1 +not read +the next run marks")
            .containsPattern("\\n  3 +3  newer-in-coupa +v2 issued +v1 +not read +--fix puts it back")
            .containsPattern("\\n  4 +4  not-in-erp +v1 issued +none +not read +--fix leaves it to a person")
            .contains("exported-in-coupa=3 not-in-erp=1 not-exported=1 newer-in-coupa=1 erp=not-read fix=false "
                    + "coupa-calls=2 exit=3");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 3L, 4L);
        Path page = harness.folder().resolve("report.html");
        assertThat(harness.run("report", "--out=" + page).exitCode()).isZero();
        assertThat(page).content()
            .contains("PO 4 (Coupa id 4): not-in-erp; Coupa v1 issued, ledger none, ERP not read; --fix leaves it to a "
                    + "person");
        assertThat(reconcileQueries()).extracting(this::query).containsExactly(
                "exported=true updated-at[gt]=2026-01-01T00:00Z id[gt]=0 id[in]=null",
                "exported=null updated-at[gt]=null id[gt]=0 id[in]=2");

        // when fixed
        ExportJobHarness.RunResult fixed = harness.run("reconcile", SINCE, "--fix", "--json");

        // then PO 3 is put back, and the ledger says so; PO 4, which the job never sent, is left marked: the ERP was not
        // read, and a PO marked exported by hand is most likely keyed into the ERP by hand, where a CREATE would post it
        // a second time
        assertThat(fixed.exitCode()).as(fixed.output()).isEqualTo(3);
        JsonNode report = JsonMapper.builder().build().readTree(fixed.output().substring(fixed.output().indexOf('{')));
        assertThat(report.get("differences")).extracting(row -> row.get("po").asString() + " " + row.get("kind")
                .asString() + " " + row.get("fix").asString()).containsExactly("2 not-exported next-run",
                "3 newer-in-coupa unmarked", "4 not-in-erp by-hand");
        assertThat(report.get("exit").asInt()).isEqualTo(3);
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 4L);
        assertThat(harness.database().queryForList("SELECT COUPA_ID FROM RECONCILIATION_DIFFERENCE WHERE FIX = "
                + "'UNMARKED' ORDER BY COUPA_ID", Long.class)).containsExactly(3L);

        // when the next run comes
        assertThat(harness.run().exitCode()).isZero();

        // then PO 3's version 2 updated it, PO 2 was only marked, PO 4 was not sent; only PO 4 is still listed
        assertThat(harness.erp.applied()).extracting(FakeErp.Applied::poNumber, FakeErp.Applied::action)
            .containsExactlyInAnyOrder(tuple("1", "CREATE"), tuple("2", "CREATE"), tuple("3", "CREATE"),
                    tuple("3", "UPDATE"));
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L, 4L);
        ExportJobHarness.RunResult after = harness.run("reconcile", SINCE);
        assertThat(after.exitCode()).as(after.output()).isEqualTo(3);
        assertThat(after.output()).contains("exported-in-coupa=4 not-in-erp=1 not-exported=0 newer-in-coupa=0");
    }

    /** The list calls of reconcile that Coupa received, oldest first. */
    private List<ServeEvent> reconcileQueries() {
        return harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getUrl().startsWith("/api/purchase_orders?"))
            .filter(event -> event.getRequest().queryParameter("fields").firstValue().equals(
                    "[\"id\",\"po-number\",\"version\",\"status\",\"updated-at\",\"exported\"]"))
            .toList();
    }

    private String query(ServeEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("exported", "updated-at[gt]", "id[gt]", "id[in]")) {
            values.put(name, event.getRequest().queryParameter(name).isPresent()
                    ? event.getRequest().queryParameter(name).firstValue() : "null");
        }
        return String.join(" ", values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
            .toList());
    }

    private static Line line(long po) {
        return Line.amount(po * 10 + 1, "1", "Consulting", "100.00");
    }
}
