package io.github.coupapoexport.coupa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeCoupa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's checkpoint, as its Javadoc states it: the id of the last PO handed to the step, saved on update, so
 * that a resumed execution asks Coupa for the ids above it. Against the fake Coupa, through the real client.
 */
class CoupaPurchaseOrderReaderTest {

    private final FakeCoupa coupa = new FakeCoupa();

    private CoupaClient client;

    @BeforeEach
    void startCoupa() {
        coupa.startServer();
        client = new CoupaWiring(coupa.baseUrl(), FakeCoupa.CLIENT_ID, FakeCoupa.CLIENT_SECRET, Map.of()).client();
    }

    @AfterEach
    void stopCoupa() {
        coupa.stopServer();
    }

    @Test
    void freshStartCheckpointsZeroAndAsksForTheIdsAboveIt() {
        // given
        coupa.add(CoupaPo.numbered(2));
        CoupaPurchaseOrderReader reader = reader(Selection.NOT_YET_EXPORTED, 50);
        ExecutionContext context = new ExecutionContext();

        // when
        reader.open(context);
        reader.update(context);
        CoupaPurchaseOrder first = reader.read();

        // then
        assertThat(CoupaPurchaseOrderReader.checkpoint(context)).isZero();
        assertThat(first.id()).isEqualTo(1);
        assertThat(pagesAskedAfter()).containsExactly("0");
    }

    @Test
    void checkpointIsTheLastPoHandedOutNotTheLastOneOfThePage() {
        // given a page of three POs of which the step took two
        coupa.add(CoupaPo.numbered(5));
        CoupaPurchaseOrderReader reader = reader(Selection.NOT_YET_EXPORTED, 3);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        reader.read();
        reader.read();

        // when
        reader.update(context);

        // then
        assertThat(CoupaPurchaseOrderReader.checkpoint(context)).isEqualTo(2);
    }

    @Test
    void reopenedWithASavedCheckpointResumesAfterIt() {
        // given an execution that handed out POs 1 and 2 and saved its checkpoint
        coupa.add(CoupaPo.numbered(5));
        ExecutionContext saved = new ExecutionContext();
        CoupaPurchaseOrderReader failed = reader(Selection.NOT_YET_EXPORTED, 3);
        failed.open(saved);
        failed.read();
        failed.read();
        failed.update(saved);
        coupa.server().resetRequests();

        // when
        CoupaPurchaseOrderReader resumed = reader(Selection.NOT_YET_EXPORTED, 3);
        resumed.open(saved);

        // then
        assertThat(readAll(resumed)).containsExactly(3L, 4L, 5L);
        assertThat(pagesAskedAfter()).startsWith("2");
    }

    @Test
    void pageShorterThanThePageSizeEndsTheReadWithoutAskingAgain() {
        // given
        coupa.add(CoupaPo.numbered(5));
        CoupaPurchaseOrderReader reader = reader(Selection.NOT_YET_EXPORTED, 3);
        reader.open(new ExecutionContext());

        // when
        List<Long> read = readAll(reader);

        // then
        assertThat(read).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reader.read()).isNull();
        assertThat(pagesAskedAfter()).containsExactly("0", "3");
    }

    @Test
    void fullPageIsFollowedByOneMoreRequest() {
        // given
        coupa.add(CoupaPo.numbered(6));
        CoupaPurchaseOrderReader reader = reader(Selection.NOT_YET_EXPORTED, 3);
        reader.open(new ExecutionContext());

        // when
        List<Long> read = readAll(reader);

        // then
        assertThat(read).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(pagesAskedAfter()).containsExactly("0", "3", "6");
    }

    @Test
    void scheduledRunReadsOnlyPosNotYetExportedAndSavesNoPoNumbers() {
        // given
        coupa.add(po(1), po(2).exported(true), po(3));
        CoupaPurchaseOrderReader reader = reader(Selection.NOT_YET_EXPORTED, 50);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);

        // when
        List<Long> read = readAll(reader);
        reader.update(context);

        // then
        assertThat(read).containsExactly(1L, 3L);
        assertThat(CoupaPurchaseOrderReader.poNumbersRead(context)).isEmpty();
        assertThat(pageRequests()).singleElement().satisfies(page -> {
            assertThat(page.queryParameter("exported").firstValue()).isEqualTo("false");
            assertThat(page.queryParameter("po-number[in]").isPresent()).isFalse();
        });
    }

    @Test
    void replayReadsTheNamedPosWhateverTheirExportedFlagAndSavesTheNumbersCoupaReturned() {
        // given --po=4821, 4823, 9999: 4823 already exported, 9999 unknown to Coupa
        coupa.add(po(1).number("4821"), po(2).number("4822"), po(3).number("4823").exported(true));
        CoupaPurchaseOrderReader reader = reader(Selection.of("4821, 4823, 9999"), 50);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);

        // when
        List<Long> read = readAll(reader);
        reader.update(context);

        // then
        assertThat(read).containsExactly(1L, 3L);
        assertThat(CoupaPurchaseOrderReader.poNumbersRead(context)).containsExactlyInAnyOrder("4821", "4823");
        assertThat(pageRequests()).singleElement().satisfies(page -> {
            assertThat(page.queryParameter("po-number[in]").firstValue()).isEqualTo("4821,4823,9999");
            assertThat(page.queryParameter("exported").isPresent()).isFalse();
        });
    }

    @Test
    void resumedReplayKeepsThePoNumbersItsFailedExecutionRead() {
        // given a replay that read 4821 and saved it before failing
        coupa.add(po(1).number("4821"), po(2).number("4822"));
        Selection selection = Selection.of("4821,4822");
        ExecutionContext saved = new ExecutionContext();
        CoupaPurchaseOrderReader failed = reader(selection, 1);
        failed.open(saved);
        failed.read();
        failed.update(saved);

        // when
        CoupaPurchaseOrderReader resumed = reader(selection, 1);
        resumed.open(saved);
        List<Long> read = readAll(resumed);
        resumed.update(saved);

        // then
        assertThat(read).containsExactly(2L);
        assertThat(CoupaPurchaseOrderReader.poNumbersRead(saved)).containsExactlyInAnyOrder("4821", "4822");
    }

    @Test
    void poOptionIsSplitOnCommasAndABlankOneIsTheScheduledSelection() {
        assertThat(Selection.of(" 4821, ,4822 ").poNumbers()).containsExactly("4821", "4822");
        assertThat(Selection.of(" 4821, ,4822 ").replay()).isTrue();
        assertThat(Selection.of(null)).isEqualTo(Selection.NOT_YET_EXPORTED);
        assertThat(Selection.of("  ")).isEqualTo(Selection.NOT_YET_EXPORTED);
        assertThat(Selection.NOT_YET_EXPORTED.replay()).isFalse();
    }

    private CoupaPurchaseOrderReader reader(Selection selection, int pageSize) {
        return new CoupaPurchaseOrderReader(client, selection, pageSize);
    }

    private static List<Long> readAll(CoupaPurchaseOrderReader reader) {
        List<Long> ids = new ArrayList<>();
        for (CoupaPurchaseOrder po = reader.read(); po != null; po = reader.read()) {
            ids.add(po.id());
        }
        return ids;
    }

    /** The pages Coupa was asked for, oldest first. */
    private List<LoggedRequest> pageRequests() {
        return coupa.server().findAll(getRequestedFor(urlPathEqualTo("/api/purchase_orders")));
    }

    /** The id cursor ({@code id[gt]}) of each page Coupa was asked for, oldest first. */
    private List<String> pagesAskedAfter() {
        return pageRequests().stream().map(page -> page.queryParameter("id[gt]").firstValue()).toList();
    }
}
