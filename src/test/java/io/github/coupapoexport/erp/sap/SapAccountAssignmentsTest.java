package io.github.coupapoexport.erp.sap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Allocation;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.settings;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line's account reaches SAP as account assignments: one per allocation of a split line, distributed by
 * percentage, and one for a line with one account; the configured segments fill G/L account, cost center, WBS
 * element and profit center; a value SAP would refuse for its length rejects the PO before SAP is asked.
 */
class SapAccountAssignmentsTest {

    private static final String KEY = "coupa-4830-1-2026-03-02T09:20:11-08:00";

    private static final SapAccountSegments SEGMENTS = new SapAccountSegments("segment-3", "segment-2", null,
            "segment-1");

    private final JsonMapper json = JsonMapper.builder().build();

    private final FakeSap sap = startedSap(false);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void splitLineIsOneAssignmentPerAllocationDistributedByPercentage() {
        // given
        Line split = line(null, Map.of(), List.of(
                new Allocation("60", "600.00", "01-100-8100", segments("01", "100", "8100")),
                new Allocation("40", "400.00", "02-200-8100", segments("02", "200", "8100"))));

        // when
        JsonNode item = new SapPayloads(settings(sap, SEGMENTS)).item(split, document(ErpAction.CREATE, "jdoe"));

        // then
        assertThat(item.get("AccountAssignmentCategory").asString()).isEqualTo("K");
        assertThat(item.get("MultipleAcctAssgmtDistribution").asString()).isEqualTo("2");
        assertThat(item.get("to_AccountAssignment")).isEqualTo(json.readTree("""
                [{"AccountAssignmentNumber": "01", "MultipleAcctAssgmtDistrPercent": "60", "GLAccount": "8100",
                  "CostCenter": "100", "ProfitCenter": "01"},
                 {"AccountAssignmentNumber": "02", "MultipleAcctAssgmtDistrPercent": "40", "GLAccount": "8100",
                  "CostCenter": "200", "ProfitCenter": "02"}]"""));
    }

    @Test
    void accountWithSegmentsIsOneAssignmentWithoutDistribution() {
        // given
        Line charged = line("01-100-8000", segments("01", "100", "8000"), List.of());

        // when
        JsonNode item = new SapPayloads(settings(sap, SEGMENTS)).item(charged, document(ErpAction.CREATE, "jdoe"));

        // then
        assertThat(item.has("MultipleAcctAssgmtDistribution")).isFalse();
        assertThat(item.get("to_AccountAssignment")).isEqualTo(json.readTree("""
                [{"AccountAssignmentNumber": "01", "GLAccount": "8000", "CostCenter": "100", "ProfitCenter": "01"}]
                """));
    }

    @Test
    void withoutSegmentSettingsTheWholeCodeIsTheGlAccountAndTheCostCenterIsTheConfiguredOne() {
        // given
        Line split = line(null, Map.of(), List.of(new Allocation("50", null, "61000000", Map.of()),
                new Allocation("50", null, "61000100", Map.of())));

        // when
        JsonNode item = new SapPayloads(settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD)).item(split,
                document(ErpAction.CREATE, "jdoe"));

        // then
        assertThat(item.get("to_AccountAssignment")).isEqualTo(json.readTree("""
                [{"AccountAssignmentNumber": "01", "MultipleAcctAssgmtDistrPercent": "50", "GLAccount": "61000000",
                  "CostCenter": "10101101"},
                 {"AccountAssignmentNumber": "02", "MultipleAcctAssgmtDistrPercent": "50", "GLAccount": "61000100",
                  "CostCenter": "10101101"}]"""));
    }

    @Test
    void valuesSapWouldRefuseRejectThePoBeforeSapNamingLineAndField() {
        // given a whole code over GLAccount's 10 characters, and a split whose share has two decimals and whose
        // account lacks the segment of its cost center
        Line tooLong = line("01-100-8000", segments("01", "100", "8000"), List.of());
        Line split = new Line("2", 16002, "AMOUNT", "Installation", null, null, "900.00", "900.00", null, null,
                Map.of(), List.of(new Allocation("33.33", "300.00", "6100000001", Map.of()),
                        new Allocation("66.67", "600.00", "6100000002", Map.of())), "Services", false);

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", tooLong, split),
                null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(400, "not sent to SAP: line 1: GLAccount '01-100-8000'"
                + " has 11 characters, SAP takes at most 10 (erp.sap.account-segments.gl-account=code); line 2"
                + " allocation 1: SAP takes a distribution percentage from 0.1 to 99.9 with one decimal (was 33.33);"
                + " line 2 allocation 2: SAP takes a distribution percentage from 0.1 to 99.9 with one decimal (was"
                + " 66.67)"));
        assertThat(sap.calls()).isEmpty();
    }

    @Test
    void aConfiguredSegmentTheAccountLacksRejectsThePoBeforeSap() {
        // given
        Line charged = line("8000", segments("8000"), List.of());

        // when
        ErpAnswer answer = adapter(settings(sap, SEGMENTS)).deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE,
                "jdoe", charged), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(400, "not sent to SAP: line 1: account 8000 has no"
                + " segment-3 for SAP's GLAccount (erp.sap.account-segments.gl-account); line 1: account 8000 has no"
                + " segment-2 for SAP's CostCenter (erp.sap.account-segments.cost-center)"));
        assertThat(sap.calls()).isEmpty();
    }

    private static Line line(String accountCode, Map<String, String> segments, List<Allocation> allocations) {
        return new Line("1", 16001, "AMOUNT", "Installation service", null, null, "1000.00", "1000.00", null,
                accountCode, segments, allocations, "Services", false);
    }

    private static Map<String, String> segments(String... values) {
        Map<String, String> segments = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            segments.put("segment-" + (i + 1), values[i]);
        }
        return segments;
    }
}
