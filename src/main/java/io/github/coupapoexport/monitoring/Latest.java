package io.github.coupapoexport.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.ledger.UnreportedOutcome;

/** Only the newest outcome of each PO is worth a record: Coupa keeps at most one open record per PO. */
final class Latest {

    private Latest() {
    }

    static List<UnreportedOutcome> perPurchaseOrder(List<UnreportedOutcome> oldestFirst) {
        Map<Long, UnreportedOutcome> latest = new LinkedHashMap<>();
        for (UnreportedOutcome outcome : oldestFirst) {
            latest.remove(outcome.coupaId());
            latest.put(outcome.coupaId(), outcome);
        }
        return new ArrayList<>(latest.values());
    }
}
