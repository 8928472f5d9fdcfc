package io.github.coupapoexport.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;

import static io.github.coupapoexport.mapping.PurchaseOrderMapper.blankToNull;
import static io.github.coupapoexport.mapping.PurchaseOrderMapper.quoted;

/**
 * What a line is charged to: one account, or Coupa's split accounting (README "The REST ERP adapter"). Allocations
 * are checked against the line exactly, as decimals, before the ERP sees them: an ERP distributing by percentage
 * would otherwise book a remainder nowhere, or book more than the line.
 */
final class AccountMapping {

    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    /** One account, or its allocations with {@code code} null. */
    record Charged(String code, Map<String, String> segments, List<ErpPurchaseOrder.Allocation> allocations) {
    }

    private AccountMapping() {
    }

    /**
     * @param name the line as a buyer knows it, e.g. {@code line 2}
     * @param lineAmount the line's total as it goes to the ERP, null when it has none (then reported already)
     */
    static Charged charged(CoupaPurchaseOrder.Line line, String name, BigDecimal lineAmount, Problems problems) {
        List<CoupaPurchaseOrder.Allocation> coupaAllocations = line.accountAllocations();
        if (coupaAllocations == null || coupaAllocations.isEmpty()) {
            CoupaPurchaseOrder.Account account = line.account();
            return new Charged(account == null ? null : blankToNull(account.code()), segments(account), List.of());
        }
        List<ErpPurchaseOrder.Allocation> allocations = new ArrayList<>();
        BigDecimal percentages = BigDecimal.ZERO;
        BigDecimal amounts = BigDecimal.ZERO;
        int withAmount = 0;
        boolean complete = true;
        for (int i = 0; i < coupaAllocations.size(); i++) {
            CoupaPurchaseOrder.Allocation allocation = coupaAllocations.get(i);
            String which = name + " allocation " + (i + 1);
            if (allocation == null) {
                problems.add(which + " is empty");
                complete = false;
                continue;
            }
            BigDecimal percentage = notNegative(problems.decimal(allocation.pct(), which + " percentage"),
                    allocation.pct(), which + " percentage", problems);
            BigDecimal amount = notNegative(problems.decimal(allocation.amount(), which + " amount"),
                    allocation.amount(), which + " amount", problems);
            if (percentage == null) {
                if (blankToNull(allocation.pct()) == null) {
                    problems.add(which + " has no percentage");
                }
                complete = false;
            }
            else {
                percentages = percentages.add(percentage);
            }
            if (amount != null) {
                amounts = amounts.add(amount);
                withAmount++;
            }
            else if (blankToNull(allocation.amount()) != null) {
                complete = false;
            }
            String code = allocation.account() == null ? null : blankToNull(allocation.account().code());
            if (code == null) {
                problems.add(which + " has no account code");
            }
            allocations.add(new ErpPurchaseOrder.Allocation(Decimals.quantity(percentage), Decimals.money(amount),
                    code, segments(allocation.account())));
        }
        // Sums are checked only over allocations that could all be read: a sum with a gap says nothing more.
        if (complete && percentages.compareTo(ALL) != 0) {
            problems.add(name + " allocations add up to " + Decimals.quantity(percentages) + "%, not 100%");
        }
        if (complete && withAmount > 0 && withAmount < allocations.size()) {
            problems.add(name + " gives an amount for " + withAmount + " of its " + allocations.size()
                    + " allocations");
        }
        else if (complete && withAmount > 0 && lineAmount != null && amounts.compareTo(lineAmount) != 0) {
            problems.add(name + " allocations add up to " + Decimals.money(amounts) + ", not the line's total "
                    + Decimals.money(lineAmount));
        }
        return new Charged(null, Map.of(), allocations);
    }

    private static BigDecimal notNegative(BigDecimal value, String text, String what, Problems problems) {
        if (value != null && value.signum() < 0) {
            problems.add(what + " " + quoted(text) + " is negative");
            return null;
        }
        return value;
    }

    /** The account's non-empty segments, {@code segment-1} first. */
    private static Map<String, String> segments(CoupaPurchaseOrder.Account account) {
        Map<String, String> segments = new LinkedHashMap<>();
        if (account != null) {
            List<String> values = account.segments();
            for (int i = 0; i < values.size(); i++) {
                if (blankToNull(values.get(i)) != null) {
                    segments.put("segment-" + (i + 1), values.get(i));
                }
            }
        }
        return segments;
    }
}
