package io.github.coupapoexport.erp.staging;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.erp.staging.StagingFixtures.KNOWN_SUPPLIER;
import static io.github.coupapoexport.erp.staging.StagingFixtures.accepted;
import static io.github.coupapoexport.erp.staging.StagingFixtures.delivery;
import static io.github.coupapoexport.erp.staging.StagingFixtures.purchaseOrder;
import static io.github.coupapoexport.erp.staging.StagingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A dry run shows the rows a delivery would write, and asks the database nothing (there is none here). */
class StagingPreviewTest {

    @Test
    void thePreviewListsEveryRowWithItsColumnsWithoutADatabase() throws Exception {
        // given an adapter whose database does not answer
        try (StagingTablesErp erp = StagingTablesConfiguration.erp(settings(Map.of("url",
                "jdbc:postgresql://127.0.0.1:1/erp", "timeout", "250ms")))) {

            // when
            String preview = erp.preview(accepted("PO-1", 1));

            // then
            assertThat(preview).contains("STAGING_PO_HEADERS\n", "  SOURCE_KEY = coupa-1-1-2026-12-01T10:00:00Z\n",
                    "  STATUS = PENDING\n", "  HEADER_ID = <given by the database>\n",
                    "  CREATED_AT = CURRENT_TIMESTAMP\n",
                    "STAGING_PO_LINES\n", "  HEADER_ID = <header's id>\n", "STAGING_PO_DISTRIBUTIONS\n",
                    "  LINE_ID = <line 1's id>\n", "  QUANTITY = 6.00\n", "  QUANTITY = 4.00\n", "  SEGMENT_3 = CC2\n");
            assertThat(preview.split("STAGING_PO_DISTRIBUTIONS\n", -1)).hasSize(4);
        }
    }

    @Test
    void theEbsPreviewNumbersRowsByEbsSequences() throws Exception {
        try (StagingTablesErp erp = StagingTablesConfiguration.erp(settings(Map.of("layout", "oracle-ebs",
                "constants.headers.org-id", "204")))) {
            // when
            String preview = erp.preview(accepted("PO-1", 1));

            // then
            assertThat(preview).contains("PO_HEADERS_INTERFACE\n",
                    "  INTERFACE_HEADER_ID = PO_HEADERS_INTERFACE_S.NEXTVAL\n", "  ACTION = ORIGINAL\n",
                    "  ORG_ID = 204\n", "  DOCUMENT_TYPE_CODE = STANDARD\n",
                    "  QUANTITY_ORDERED = 6.00\n", "  CHARGE_ACCOUNT_SEGMENT3 = CC1\n");
        }
    }

    @Test
    void aDocumentNoRowCanHoldIsToldAsTheDeliveryWouldRejectIt() throws Exception {
        // given a line numbered "1a"
        ErpPurchaseOrder document = purchaseOrder("PO-1", 1, KNOWN_SUPPLIER, "EA");
        Line first = document.lines().get(0);
        ErpPurchaseOrder oddLine = new ErpPurchaseOrder(document.source(), 1, "PO-1", 1, document.action(),
                document.status(), document.currency(), document.total(), document.supplier(),
                document.paymentTerm(), document.shipTo(), document.requester(), List.of(new Line("1a",
                        first.coupaLineId(), first.type(), first.description(), first.quantity(), first.uom(),
                        first.unitPrice(), first.amount(), first.needByDate(), "1000", "IT", false)));
        try (StagingTablesErp erp = StagingTablesConfiguration.erp(settings(Map.of()))) {
            // then
            assertThatIllegalArgumentException().isThrownBy(() -> erp.preview(delivery(oddLine)))
                .withMessage("PO-1 line 1a: the line number is not a whole number");
            assertThat(erp.deliver(delivery(oddLine))).hasToString("Rejected[status=null, message=not written to"
                    + " the staging tables: PO-1 line 1a: the line number is not a whole number]");
        }
    }
}
