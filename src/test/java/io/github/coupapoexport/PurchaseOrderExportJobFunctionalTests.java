package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseOrderExportJobFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void newPurchaseOrderReachesTheErpAsTheContractDocumentAndIsMarkedExported() {
        // given
        harness.coupa.add(po(4821).version(1).total("1250.00")
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA").total("250.00"))
            .line(Line.amount(15002, "2", "Installation service", "1000.00").account("01-100-8100")
                .commodity("Services").needBy("2026-03-25T00:00:00-07:00")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.summary()).contains("status=COMPLETED", "read=1", "exported=1", "failed=0", "exit=0");
        List<Received> received = harness.erp.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).idempotencyKey()).isEqualTo("coupa-4821-1-2026-03-02T09:20:11-08:00");
        assertThat(received.get(0).document().toString()).isEqualTo(("""
                {"source":"coupa","coupaId":4821,"poNumber":"4821","revision":1,"action":"CREATE","status":"issued",
                "currency":"USD","total":"1250.00","supplier":{"number":"SUP-0077","name":"Acme Industrial"},
                "paymentTerm":"NET45","shipTo":{"name":"HQ Dock","street1":"250 Sycamore Ave","street2":null,
                "city":"Redwood City","state":"CA","postalCode":"94063","country":"US"},"requester":"jdoe","lines":[
                {"lineNumber":"1","coupaLineId":15001,"type":"QUANTITY","description":"Safety gloves, L","quantity":"50",
                "uom":"EA","unitPrice":"5.00","amount":"250.00","needByDate":"2026-03-20","accountCode":"01-100-8000",
                "commodity":"Safety Equipment","deleted":false},
                {"lineNumber":"2","coupaLineId":15002,"type":"AMOUNT","description":"Installation service","quantity":null,
                "uom":null,"unitPrice":"1000.00","amount":"1000.00","needByDate":"2026-03-25","accountCode":"01-100-8100",
                "commodity":"Services","deleted":false}]}""").replace("\n", ""));
        assertThat(harness.coupa.isExported(4821)).isTrue();
        assertThat(harness.ledger()).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED");
            assertThat(row.get("ERP_DOCUMENT_ID")).isEqualTo("ERP-4821-r1");
            assertThat(row.get("ACTION")).isEqualTo("CREATE");
            assertThat(row.get("MARKED_EXPORTED_AT")).isNotNull();
        });
    }

    @Test
    void selectionAsksCoupaForUnexportedPosInTheConfiguredStatusesByIdCursor() {
        // given
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));

        // when
        harness.run("--coupa.api-filter=erp_export", "--coupa.page-size=25");

        // then
        List<ServeEvent> selections = harness.selectionRequests();
        assertThat(selections).hasSize(1);
        var request = selections.get(0).getRequest();
        assertThat(request.queryParameter("exported").firstValue()).isEqualTo("false");
        assertThat(request.queryParameter("status[in]").firstValue()).isEqualTo("issued,canceled,cancelled,closed,soft_closed");
        assertThat(request.queryParameter("show_deleted_lines").firstValue()).isEqualTo("true");
        assertThat(request.queryParameter("id[gt]").firstValue()).isEqualTo("0");
        assertThat(request.queryParameter("order_by").firstValue()).isEqualTo("id");
        assertThat(request.queryParameter("dir").firstValue()).isEqualTo("asc");
        assertThat(request.queryParameter("limit").firstValue()).isEqualTo("25");
        assertThat(request.queryParameter("filter").firstValue()).isEqualTo("erp_export");
        assertThat(request.queryParameter("fields").firstValue()).startsWith("[\"id\",\"po-number\",\"version\"")
            .contains("{\"order-lines\":[").contains("\"deleted-at\"");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
        var marks = harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getUrl().startsWith("/api/purchase_orders/1?"))
            .toList();
        assertThat(marks).singleElement().satisfies(event -> {
            assertThat(event.getRequest().getMethod().getName()).isEqualTo("PUT");
            assertThat(event.getRequest().queryParameter("exported").firstValue()).isEqualTo("true");
            assertThat(event.getRequest().queryParameter("fields").firstValue()).isEqualTo("[\"id\",\"exported\",\"version\",\"status\"]");
            assertThat(event.getRequest().getBody()).isEmpty();
        });
        String tokenRequest = harness.coupaRequests().get(0).getRequest().getBodyAsString();
        assertThat(tokenRequest).contains("grant_type=client_credentials", "client_id=po-export",
                "scope=core.purchase_order.read+core.purchase_order.write+core.integration.read+core.integration.write");
        assertThat(harness.coupa.tokensIssued()).isEqualTo(1);
    }

    @Test
    void changedPurchaseOrderIsSentAsUpdateWithLinesDeletedBothWays() {
        // given a PO the ERP already holds with three lines
        harness.coupa.add(po(4821)
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA"))
            .line(Line.amount(15002, "2", "Installation service", "1000.00"))
            .line(Line.quantity(15003, "3", "Hard hats", "10", "20.00", "EA")));
        assertThat(harness.run().exitCode()).isZero();
        // and a new version in which line 2 is deleted (Coupa still shows it), line 3 is gone and line 4 is new
        harness.coupa.change(4821, "2026-03-05T11:02:44-08:00", order -> {
            order.put("version", 2);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("order-lines");
            lines.get(0).put("quantity", "60.0");
            lines.get(1).put("deleted-at", "2026-03-05T11:02:40-08:00");
            lines.remove(2);
            lines.add(Map.of("id", 15107, "line-num", "4", "type", "OrderQuantityLine", "description",
                    "Safety glasses", "quantity", "20.0", "price", "5.00", "total", "100.00", "uom", Map.of("code", "EA")));
        });

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        List<Received> received = harness.erp.received();
        assertThat(received).hasSize(2);
        Received update = received.get(1);
        assertThat(update.action()).isEqualTo("UPDATE");
        assertThat(update.idempotencyKey()).isEqualTo("coupa-4821-2-2026-03-05T11:02:44-08:00");
        assertThat(update.document().get("revision").asInt()).isEqualTo(2);
        var lines = update.document().get("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("quantity").asString()).isEqualTo("60");
        assertThat(lines.get(0).get("deleted").asBoolean()).isFalse();
        assertThat(lines.get(1).get("coupaLineId").asLong()).isEqualTo(15002);
        assertThat(lines.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(lines.get(2).get("coupaLineId").asLong()).isEqualTo(15107);
        assertThat(lines.get(2).get("deleted").asBoolean()).isFalse();
        assertThat(lines.get(3).get("coupaLineId").asLong()).isEqualTo(15003);
        assertThat(lines.get(3).get("lineNumber").asString()).isEqualTo("3");
        assertThat(lines.get(3).get("deleted").asBoolean()).isTrue();
        assertThat(harness.coupa.isExported(4821)).isTrue();
    }

    @Test
    void canceledAndClosedPurchaseOrdersAreSentAsCancelAndClose() {
        // given
        harness.coupa.add(
                po(1).status("canceled").line(Line.amount(11, "1", "Toner", "42.00")),
                po(2).status("cancelled").line(Line.amount(21, "1", "Toner", "42.00")),
                po(3).status("closed").line(Line.amount(31, "1", "Toner", "42.00")),
                po(4).status("soft_closed").line(Line.amount(41, "1", "Toner", "42.00")),
                po(5).status("draft").line(Line.amount(51, "1", "Toner", "42.00")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(harness.erp.received()).extracting(Received::poNumber, Received::action)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1", "CANCEL"),
                    org.assertj.core.groups.Tuple.tuple("2", "CANCEL"), org.assertj.core.groups.Tuple.tuple("3", "CLOSE"),
                    org.assertj.core.groups.Tuple.tuple("4", "CLOSE"));
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void invalidPurchaseOrderIsRecordedWithItsReasonAndNotMarkedExported() {
        // given
        harness.coupa.add(po(7).supplier("Globex", null).line(Line.quantity(71, "1", "Toner", "ten", "42.00", "EA")),
                po(8).line(Line.amount(81, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.summary()).contains("read=2", "exported=1", "failed=1", "exit=3");
        assertThat(result.output()).contains("PO 7 cannot be sent to the ERP: supplier 'Globex' has no supplier number "
                + "in Coupa; line 1 quantity 'ten' is not a number");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactly("8");
        assertThat(harness.coupa.isExported(7)).isFalse();
        assertThat(harness.ledger().get(0)).containsEntry("OUTCOME", "INVALID");

        // and the PO comes back next run
        ExportJobHarness.RunResult again = harness.run();
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.summary()).contains("read=1", "failed=1");
    }

    @Test
    void poRejectedByTheErpIsNotMarkedExportedAndDoesNotFailTheJob() {
        // given
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked for purchasing");
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Initech", "SUP-0666").line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).line(Line.amount(31, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.summary()).contains("status=COMPLETED", "exported=2", "failed=1");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 3L);
        assertThat(harness.ledger().get(1)).containsEntry("OUTCOME", "REJECTED")
            .containsEntry("OUTCOME_MESSAGE", "PO 2 was rejected by the ERP (HTTP 422): Supplier SUP-0666 is blocked for purchasing");
    }

    @Test
    void beforeErpModeMarksExportedFirstAsCoupaDocumentsIt() {
        // given
        harness.erp.rejectSupplier("SUP-0666", "blocked");
        harness.coupa.add(po(2).supplier("Initech", "SUP-0666").line(Line.amount(21, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run("--export.mark-exported=before-erp");

        // then the PO was marked before the ERP saw it, and stays exported though the ERP refused it
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(harness.coupa.isExported(2)).isTrue();
        ServeEvent mark = harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getMethod().getName().equals("PUT")).findFirst().orElseThrow();
        ServeEvent post = harness.erp.server().getAllServeEvents().get(0);
        assertThat(mark.getRequest().getLoggedDate()).isBeforeOrEqualTo(post.getRequest().getLoggedDate());
    }
}
