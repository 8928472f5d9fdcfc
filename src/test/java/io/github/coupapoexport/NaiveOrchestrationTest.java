package io.github.coupapoexport;

import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeCoupa;
import io.github.coupapoexport.sandbox.FakeErp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's reference does what Coupa's guide says, so that the multiple the README gives compares like with
 * like: every PO created in the ERP once, marked, and given a history record, although offset paging skips POs on
 * every pass but the last.
 */
class NaiveOrchestrationTest {

    private final FakeCoupa coupa = new FakeCoupa();

    private final FakeErp erp = new FakeErp();

    @AfterEach
    void stop() {
        coupa.stopServer();
        erp.stopServer();
    }

    @Test
    void exportsEveryPoOnceThoughOffsetPagingSkipsSomeOnEachPass() throws Exception {
        // given
        coupa.startServer();
        erp.startServer();
        coupa.add(CoupaPo.numbered(120));

        // when
        NaiveOrchestration naive = new NaiveOrchestration(coupa.baseUrl(), erp.baseUrl());
        int exported = naive.exportAll();

        // then
        assertThat(exported).isEqualTo(120);
        assertThat(coupa.exportedIds()).hasSize(120);
        assertThat(erp.received()).hasSize(120);
        assertThat(coupa.historyRecords()).hasSize(120);
        // three calls per PO (mark, look-up, history record) and a page per 50 skipped or read, on several passes
        assertThat(naive.coupaCalls()).isGreaterThan(3 * 120 + 3);
    }
}
