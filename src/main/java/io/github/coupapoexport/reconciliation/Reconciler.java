package io.github.coupapoexport.reconciliation;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.coupa.IdCursorPager;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.ledger.Acceptance;
import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import io.github.coupapoexport.ledger.ReconciliationSummary.Fix;
import io.github.coupapoexport.ledger.ReconciliationSummary;
import io.github.coupapoexport.ledger.Reconciliations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation: the POs Coupa shows exported since a time, page by page, each against the ledger's last
 * acceptance and, where the adapter reads the ERP, the ERP; then the POs the ERP accepted since that time that Coupa
 * did not list, asked for by id. Coupa calls: one per 50 exported POs, plus one per 50 of those not listed (none when
 * every accepted PO was marked), plus one un-mark per PO {@code --fix} puts back. ERP calls: one per PO compared.
 */
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final CoupaClient coupa;

    private final CoupaApi coupaCalls;

    private final Reconciliations ledger;

    private final Erp erp;

    public Reconciler(CoupaClient coupa, CoupaApi coupaCalls, Reconciliations ledger, Erp erp) {
        this.coupa = coupa;
        this.coupaCalls = coupaCalls;
        this.ledger = ledger;
        this.erp = erp;
    }

    /** Compares, puts back what differs when {@code fix}, and records the result in the ledger. */
    public ReconciliationSummary reconcile(OffsetDateTime since, boolean fix) {
        boolean erpRead = erp.readsHoldings();
        long callsBefore = coupaCalls.totalCalls();
        String id = ledger.begin(since, erpRead, fix);
        Set<Long> listed = new HashSet<>();
        OffsetDateTime jobStarted = ledger.firstAttempt().orElse(null);
        int beforeThisJob = 0;
        IdCursorPager exported = coupa.exportedSince(since);
        for (List<CoupaPurchaseOrder> page = exported.next(); !page.isEmpty(); page = exported.next()) {
            List<Long> ids = page.stream().map(CoupaPurchaseOrder::id).toList();
            Map<Long, Acceptance> acceptances = ledger.lastAcceptances(ids);
            Set<Long> unsettled = ledger.unsettled(ids);
            Set<Long> known = erpRead ? Set.of() : ledger.known(ids);
            for (CoupaPurchaseOrder po : page) {
                listed.add(po.id());
                if (unsettled.contains(po.id())) {
                    // Queued in the ERP's import, or sent without an answer: the next run settles it.
                    continue;
                }
                if (!erpRead && Comparison.exportedBeforeThisJob(po, known.contains(po.id()), jobStarted)) {
                    beforeThisJob++;
                    continue;
                }
                Acceptance acceptance = acceptances.get(po.id());
                // An outcome that only stands for the ERP holding the PO (a baseline) is taken at its word.
                ErpHolding holding = erpRead && (acceptance == null || acceptance.byErp()) ? holding(po, acceptance)
                        : null;
                Comparison.exported(po, acceptance, holding).ifPresent(difference -> settle(id, difference, fix));
            }
        }
        List<Acceptance> notListed = ledger.acceptedSince(since).stream()
            .filter(acceptance -> !listed.contains(acceptance.coupaId()))
            .toList();
        if (!notListed.isEmpty()) {
            Map<Long, CoupaPurchaseOrder> now = coupa.purchaseOrdersById(notListed.stream().map(Acceptance::coupaId)
                .toList()).stream().collect(Collectors.toMap(CoupaPurchaseOrder::id, Function.identity()));
            for (Acceptance acceptance : notListed) {
                CoupaPurchaseOrder po = now.get(acceptance.coupaId());
                if (po == null) {
                    log.info("PO {} accepted by the ERP is not in Coupa any more; not compared", acceptance.poNumber());
                    continue;
                }
                // The ERP is asked only about a PO that would differ by the ledger's word: most have moved on.
                Optional<Difference> byLedger = Comparison.notListed(po, acceptance, null);
                Optional<Difference> difference = byLedger.isPresent() && erpRead
                        ? Comparison.notListed(po, acceptance, holding(po, acceptance)) : byLedger;
                difference.ifPresent(found -> settle(id, found, fix));
            }
        }
        if (beforeThisJob > 0) {
            log.info("{} POs Coupa shows exported were last updated before this job first ran and never handled by it: "
                    + "exported before it, not compared (only the ERP could tell whether it holds them; for REST, set "
                    + "erp.lookup-path)", beforeThisJob);
        }
        return ledger.finish(id, listed.size(), coupaCalls.totalCalls() - callsBefore);
    }

    private ErpHolding holding(CoupaPurchaseOrder po, @Nullable Acceptance acceptance) {
        return erp.holding(new ErpHolding.Question(po.id(), po.poNumber(),
                acceptance == null ? null : acceptance.erpDocumentId()));
    }

    /**
     * Records a difference, after {@code --fix} did what it does: a PO exported in Coupa that the ERP does not hold
     * (or holds older) is put back to not exported, so that the next run sends it, unless the job never sent it and the
     * ERP holds it or was not read; one the ERP holds and Coupa does not show exported needs nothing, as the next run
     * finds it unexported and marks it.
     */
    private void settle(String reconciliationId, Difference difference, boolean fix) {
        Difference settled = difference;
        if (fix && !difference.kind().unmarkedByFix()) {
            settled = difference.fixed(Fix.NEXT_RUN, "the next run marks it exported without sending it");
        }
        else if (fix && !difference.putBackSafely()) {
            settled = difference.fixed(Fix.BY_HAND, "left to a person: the ERP never accepted it from the job, so the "
                    + "next run would send it as a CREATE, and the ERP " + (difference.erpHolds() == null ? "was not read and may hold it"
                    : "holds it") + "; baseline it, or put it back by hand once the ERP is known not to hold it");
            log.warn("PO {}: {}", label(difference), settled.fixMessage());
        }
        else if (fix) {
            // Recorded before Coupa is changed: the export sends a put-back PO only on this record (its content is what
            // the ledger says the ERP accepted), so an un-mark without it, left by a crash, would be marked again unsent.
            ledger.recordDifference(reconciliationId, difference.fixed(Fix.UNMARKED,
                    "put back to not exported: the next run sends it"));
            try {
                coupa.markNotExported(difference.coupaId());
            }
            catch (CoupaRefusedException refused) {
                settled = difference.fixed(Fix.REFUSED, "Coupa refused to put it back: " + refused.getMessage());
                log.warn("PO {}: {}", label(difference), settled.fixMessage());
                ledger.amendDifference(reconciliationId, settled);
            }
            return;
        }
        ledger.recordDifference(reconciliationId, settled);
    }

    private static String label(Difference difference) {
        return difference.poNumber() == null ? "with Coupa id " + difference.coupaId() : difference.poNumber();
    }
}
