package io.github.coupapoexport.erp.sap;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code erp.sap.account-segments.*} keys: which part of a Coupa account goes in which field of SAP's account
 * assignment. Each is {@code code} (the account's whole code) or one of its segments, {@code segment-1} to
 * {@code segment-20}; a field left unset is not sent (the cost center then comes from {@code erp.sap.cost-center}).
 *
 * @param glAccount where the G/L account is ({@code GLAccount}, at most 10 characters in SAP)
 * @param costCenter where the cost center is ({@code CostCenter}, 10); unset, {@code erp.sap.cost-center} for every
 * account assignment
 * @param wbsElement where the WBS element is ({@code WBSElement}, 24); unset, none is sent
 * @param profitCenter where the profit center is ({@code ProfitCenter}, 10); unset, none is sent
 */
public record SapAccountSegments(
        @DefaultValue(SapAccountSegments.CODE) String glAccount,
        String costCenter,
        String wbsElement,
        String profitCenter) {

    static final String CODE = "code";

    private static final String PREFIX = "erp.sap.account-segments.";

    /** Every setting that names a part of the account, with the SAP field it fills and that field's length. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        add(targets, glAccount, "GLAccount", 10, "gl-account");
        add(targets, costCenter, "CostCenter", 10, "cost-center");
        add(targets, wbsElement, "WBSElement", 24, "wbs-element");
        add(targets, profitCenter, "ProfitCenter", 10, "profit-center");
        return targets;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Target target : targets()) {
            if (!target.source().equals(CODE) && !target.source().matches("segment-([1-9]|1[0-9]|20)")) {
                problems.add(target.key() + " must be code or segment-1 to segment-20 (was '" + target.source()
                        + "')");
            }
        }
        return problems;
    }

    private static void add(List<Target> targets, String source, String field, int length, String key) {
        if (source != null && !source.isBlank()) {
            targets.add(new Target(source.trim(), field, length, PREFIX + key));
        }
    }

    /**
     * One field of the account assignment and where its value comes from.
     *
     * @param source {@code code} or {@code segment-<n>}
     * @param field the SAP property, e.g. {@code GLAccount}
     * @param length SAP's length of it
     * @param key the setting that chose the source, for messages
     */
    record Target(String source, String field, int length, String key) {
    }
}
