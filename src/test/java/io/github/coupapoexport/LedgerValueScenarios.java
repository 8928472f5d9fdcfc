package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values no ledger column can hold as they are (a NUL character, which PostgreSQL refuses in text; a PO number longer
 * than its column) never fail the write that records a PO: the PO fails alone, with its reason, and the others go on.
 */
abstract class LedgerValueScenarios {

    private ExportJobHarness harness;

    abstract JobRepositoryDatabase jobRepository();

    @BeforeEach
    void start() {
        harness = new ExportJobHarness(jobRepository());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void poWithANulCharacterAndAnOverlongNumberFailsAloneAndIsRecorded() {
        // given
        String longNumber = "PO-" + "9".repeat(80);
        harness.coupa.add(CoupaPo.numbered(2));
        harness.coupa.add(po(3).number(longNumber).supplier("Glo\u0000bex", null)
            .line(Line.quantity(31, "1", "Bolts \u0000 M8", "1", "2.00", "EA")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.summary()).contains("read=3", "exported=2", "failed=1");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
        List<Map<String, Object>> invalid = harness.ledger().stream()
            .filter(row -> "INVALID".equals(row.get("OUTCOME"))).toList();
        assertThat(invalid).singleElement().satisfies(row -> {
            assertThat(row.get("COUPA_ID")).isEqualTo(3L);
            assertThat((String) row.get("PO_NUMBER")).startsWith("PO-999").hasSizeLessThanOrEqualTo(50);
            assertThat((String) row.get("OUTCOME_MESSAGE")).contains("has no supplier number").doesNotContain("\u0000");
        });
        assertThat(harness.coupa.integrationErrors()).singleElement()
            .satisfies(error -> assertThat(error).containsEntry("document-id", 3));
    }
}
