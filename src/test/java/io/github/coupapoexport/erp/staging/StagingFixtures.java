package io.github.coupapoexport.erp.staging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Allocation;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings and documents the staging tests share. */
final class StagingFixtures {

    /** A supplier and units the stand-in import program knows. */
    static final String KNOWN_SUPPLIER = "S-100";

    static final String KNOWN_UNIT = "EA";

    private StagingFixtures() {
    }

    /** The settings as Spring binds them from {@code erp.staging-tables.*} keys; fails on any problem. */
    static StagingTablesProperties settings(Map<String, String> keys) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        prefixed.put("erp.staging-tables.retry.max-retries", "1");
        prefixed.put("erp.staging-tables.retry.initial-delay", "10ms");
        prefixed.put("erp.staging-tables.retry.max-delay", "20ms");
        prefixed.put("erp.staging-tables.timeout", "2s");
        keys.forEach((key, value) -> prefixed.put("erp.staging-tables." + key, value));
        StagingTablesProperties settings = new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(
                "erp.staging-tables", StagingTablesProperties.class);
        assertThat(settings.problems()).as("problems of the test's settings").isEmpty();
        return settings;
    }

    /**
     * A PO of two lines: line 1 split 60/40 between two cost centres (quantity 10), line 2 on one account
     * (quantity 3).
     */
    static ErpPurchaseOrder purchaseOrder(String poNumber, long coupaId, String supplier, String secondLineUnit) {
        Line split = new Line("1", coupaId * 10 + 1, "OrderQuantityLine", "Laptops", "10", KNOWN_UNIT, "1000.00",
                "10000.00", LocalDate.of(2026, 12, 20), null, Map.of(), List.of(
                        new Allocation("60", "6000.00", "1000-410-CC1", Map.of("segment-1", "1000", "segment-2",
                                "410", "segment-3", "CC1")),
                        new Allocation("40", "4000.00", "1000-410-CC2", Map.of("segment-1", "1000", "segment-2",
                                "410", "segment-3", "CC2"))), "IT", false);
        Line single = new Line("2", coupaId * 10 + 2, "OrderQuantityLine", "Docking stations", "3", secondLineUnit,
                "150.00", "450.00", LocalDate.of(2026, 12, 20), "1000-420-CC1", Map.of("segment-1", "1000",
                        "segment-2", "420", "segment-3", "CC1"), List.of(), "IT", false);
        return new ErpPurchaseOrder("coupa", coupaId, poNumber, 1, ErpAction.CREATE, "issued", "EUR", "10450.00",
                new ErpPurchaseOrder.Supplier(supplier, "Hardware GmbH"), "NET30", new ErpPurchaseOrder.ShipTo(
                        "HQ", "Main Street 1", null, "Berlin", null, "10115", "DE"), "jane.doe@example.com",
                List.of(split, single));
    }

    /** The PO with other account segments on its second line. */
    static ErpPurchaseOrder withSecondLineSegments(ErpPurchaseOrder document, Map<String, String> segments) {
        Line last = document.lines().get(1);
        Line changed = new Line(last.lineNumber(), last.coupaLineId(), last.type(), last.description(),
                last.quantity(), last.uom(), last.unitPrice(), last.amount(), last.needByDate(), last.accountCode(),
                segments, List.of(), last.commodity(), false);
        return new ErpPurchaseOrder(document.source(), document.coupaId(), document.poNumber(), document.revision(),
                document.action(), document.status(), document.currency(), document.total(), document.supplier(),
                document.paymentTerm(), document.shipTo(), document.requester(), List.of(document.lines().get(0),
                        changed));
    }

    /** A PO the stand-in import accepts. */
    static ErpDelivery accepted(String poNumber, long coupaId) {
        return delivery(purchaseOrder(poNumber, coupaId, KNOWN_SUPPLIER, KNOWN_UNIT));
    }

    static ErpDelivery delivery(ErpPurchaseOrder document) {
        return ErpDelivery.of("coupa-" + document.coupaId() + "-1-2026-12-01T10:00:00Z", document, null);
    }
}
