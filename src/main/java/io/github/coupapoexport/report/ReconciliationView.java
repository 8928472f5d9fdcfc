package io.github.coupapoexport.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last comparison of Coupa's POs with the ERP's documents, as the report shows it: the reconciliation's own result
 * is mapped onto this, so that the page does not depend on how that result is stored.
 *
 * @param since the start of the period it compared, as it was given (a date or a time)
 * @param compared how many POs it compared
 * @param differencesByKind how many differences of each kind it found (e.g. "missing in ERP": 2), in the order shown
 * @param lines the differences themselves, one line each, as the reconciliation wrote them
 */
public record ReconciliationView(Instant finishedAt, String since, int compared,
        Map<String, Integer> differencesByKind, List<String> lines) {

    public ReconciliationView {
        // Copied in the order given: a plain Map.copyOf would shuffle the kinds.
        differencesByKind = Collections.unmodifiableMap(new LinkedHashMap<>(differencesByKind));
        lines = List.copyOf(lines);
    }

    /** Every difference found, of whatever kind. */
    public int differences() {
        return differencesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
