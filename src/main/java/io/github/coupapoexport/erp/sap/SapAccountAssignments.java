package io.github.coupapoexport.erp.sap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.sap.SapAccountSegments.Target;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Allocation;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A line's account as SAP's account assignments ({@code A_PurOrdAccountAssignment}): one for a line charged to one
 * account, one per allocation for Coupa's split accounting, distributed by percentage. Which part of the account is
 * the G/L account, the cost center, the WBS element or the profit center is configuration
 * ({@link SapAccountSegments}); a value SAP would refuse for its length is told before SAP is asked.
 */
final class SapAccountAssignments {

    /**
     * The item's distribution indicator ({@code MultipleAcctAssgmtDistribution}) for shares by percentage. SAP's
     * domain value as we know it, not confirmed from a public source (README "The SAP S/4HANA adapter").
     */
    static final String BY_PERCENTAGE = "2";

    /** {@code MultipleAcctAssgmtDistrPercent} is {@code Edm.Decimal} precision 3, scale 1: 0.1 to 99.9. */
    private static final BigDecimal MAX_SHARE = new BigDecimal("99.9");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Target> targets;

    private final String costCenter;

    SapAccountAssignments(SapAccountSegments segments, String costCenter) {
        this.targets = segments.targets();
        this.costCenter = targets.stream().anyMatch(target -> target.field().equals("CostCenter")) ? null
                : costCenter;
    }

    /** Whether the line is charged to any account: only then does its item get an account assignment category. */
    static boolean charged(Line line) {
        return line.accountCode() != null || !line.allocations().isEmpty();
    }

    /** Whether the line is split over several account assignments, distributed by percentage. */
    static boolean split(Line line) {
        return charges(line).size() > 1;
    }

    /** Adds the line's account assignments, and with several of them the distribution by percentage, to its item. */
    void addTo(ObjectNode item, Line line) {
        ArrayNode assignments = item.putArray("to_AccountAssignment");
        if (split(line)) {
            item.put("MultipleAcctAssgmtDistribution", BY_PERCENTAGE);
        }
        assignments(line).forEach(assignments::add);
    }

    /**
     * The line's account assignments as SAP takes them, numbered {@code 01}, {@code 02}, ... in allocation order:
     * in a new item, and as a change patches (or posts) them onto an item SAP holds. None for a line without account.
     */
    List<ObjectNode> assignments(Line line) {
        List<Charge> charges = charges(line);
        List<ObjectNode> assignments = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            ObjectNode assignment = NODES.objectNode();
            assignment.put("AccountAssignmentNumber", number(i + 1));
            if (charges.size() > 1) {
                assignment.put("MultipleAcctAssgmtDistrPercent", charge.percentage());
            }
            for (Target target : targets) {
                String value = charge.value(target.source());
                if (value != null) {
                    assignment.put(target.field(), value);
                }
            }
            if (costCenter != null && !costCenter.isBlank()) {
                assignment.put("CostCenter", costCenter);
            }
            assignments.add(assignment);
        }
        return assignments;
    }

    /** SAP's {@code AccountAssignmentNumber} of the n-th assignment: two digits, {@code 01}. */
    static String number(int n) {
        return String.format("%02d", n);
    }

    /** What SAP would refuse of the line's account assignments, each naming the line (and allocation) and field. */
    List<String> problems(Line line) {
        List<String> problems = new ArrayList<>();
        List<Charge> charges = charges(line);
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            String which = "line " + line.lineNumber() + (charges.size() > 1 ? " allocation " + (i + 1) : "");
            if (charges.size() > 1 && !fitsShare(charge.percentage())) {
                problems.add(which + ": SAP takes a distribution percentage from 0.1 to 99.9 with one decimal (was "
                        + charge.percentage() + ")");
            }
            for (Target target : targets) {
                String value = charge.value(target.source());
                if (value == null) {
                    problems.add(which + ": account " + charge.code() + " has no " + target.source() + " for SAP's "
                            + target.field() + " (" + target.key() + ")");
                }
                else if (value.length() > target.length()) {
                    problems.add(which + ": " + target.field() + " '" + value + "' has " + value.length()
                            + " characters, SAP takes at most " + target.length() + " (" + target.key() + "="
                            + target.source() + ")");
                }
            }
        }
        return problems;
    }

    /**
     * One allocation is the whole line: one account assignment without a distribution, as for a line with one
     * account.
     */
    private static List<Charge> charges(Line line) {
        if (!line.allocations().isEmpty()) {
            return line.allocations().stream().map(Charge::of).toList();
        }
        return line.accountCode() == null ? List.of()
                : List.of(new Charge(line.accountCode(), line.accountSegments(), null));
    }

    private static boolean fitsShare(String percentage) {
        if (percentage == null) {
            return false;
        }
        try {
            BigDecimal share = new BigDecimal(percentage);
            return share.signum() > 0 && share.compareTo(MAX_SHARE) <= 0 && share.stripTrailingZeros().scale() <= 1;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    /** An account and, in a split, its share of the line. */
    private record Charge(String code, Map<String, String> segments, String percentage) {

        static Charge of(Allocation allocation) {
            return new Charge(allocation.accountCode(), allocation.accountSegments(), allocation.percentage());
        }

        String value(String source) {
            String value = source.equals(SapAccountSegments.CODE) ? code : segments.get(source);
            return value == null || value.isBlank() ? null : value;
        }
    }
}
