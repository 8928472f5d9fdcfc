package io.github.coupapoexport.export;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a crash, a kill or an unanswered call left half-done, before any PO is read, so that nothing is left
 * in between.
 * <ul>
 * <li>A snapshot sent without a known outcome (the process died after posting it, or the ERP never answered) is
 * resent under its own key: the ERP's 409 says it was applied, a 201 applies it now, a 4xx says it was not. Only then
 * can a later snapshot of the PO be computed from what the ERP really holds.</li>
 * <li>A snapshot the ERP accepted that Coupa has not heard of (killed before the mark, or every retry of the mark
 * unanswered) is marked, with the same check that the PO has not moved on meanwhile. If a later snapshot of the PO
 * followed, there is nothing left to mark.</li>
 * <li>A snapshot waiting in the import queue of an ERP that decides later (staging tables): its verdict is read. An
 * acceptance is marked (if the policy did not mark it when queued) and reported as a success; a rejection is reported
 * with the ERP's messages and, if the PO was marked exported, it is put back so that it comes back to be sent again.
 * Still undecided, it waits for the next run.</li>
 * </ul>
 * Neither a few documents the ERP never answers nor a few marks Coupa fails holds up the export: those are left for
 * the next run, and only as many failures in a row as {@code erp.outage-threshold} stop the run.
 */
public class UnfinishedSnapshots {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedSnapshots.class);

    private final Erp erp;

    private final PurchaseOrderMarks coupa;

    private final ExportLedger ledger;

    private final CoupaMarking marking;

    private final ErpAnswerRecorder answers;

    private final int outageThreshold;

    private final Runnable checkRunLock;

    private final QueuedVerdicts verdicts;

    /**
     * @param checkRunLock throws when this run no longer holds the job repository's run lock: then another run may be
     * finishing the same snapshots
     */
    public UnfinishedSnapshots(Erp erp, PurchaseOrderMarks coupa, ExportLedger ledger, int outageThreshold,
            Runnable checkRunLock) {
        this(erp, coupa, ledger, outageThreshold, checkRunLock, null, Clock.systemUTC());
    }

    private UnfinishedSnapshots(Erp erp, PurchaseOrderMarks coupa, ExportLedger ledger, int outageThreshold,
            Runnable checkRunLock, @Nullable Duration verdictOverdue, Clock clock) {
        this.erp = erp;
        this.coupa = coupa;
        this.ledger = ledger;
        this.marking = new CoupaMarking(coupa, ledger);
        this.answers = new ErpAnswerRecorder(ledger);
        this.outageThreshold = outageThreshold;
        this.checkRunLock = checkRunLock;
        this.verdicts = new QueuedVerdicts(erp, coupa, ledger, verdictOverdue, clock);
    }

    /**
     * The same, with a PO queued in an ERP that imports later counted as failing once it has waited {@code overdue}
     * for the ERP's verdict, as now told by {@code clock}.
     */
    public UnfinishedSnapshots withVerdictsOverdueAfter(Duration overdue, Clock clock) {
        return new UnfinishedSnapshots(erp, coupa, ledger, outageThreshold, checkRunLock, overdue, clock);
    }

    /**
     * @return how the snapshots finished here ended, for the run's tally; a snapshot left for the next run, or with
     * nothing left to do, is not in it
     */
    public List<Result> finish(long jobExecutionId) {
        List<LedgerEntry> unfinished = ledger.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Finishing {} snapshot(s) an earlier run left half-done", unfinished.size());
        }
        List<Result> results = new ArrayList<>();
        List<String> unansweredInARow = new ArrayList<>();
        List<String> coupaFailuresInARow = new ArrayList<>();
        for (LedgerEntry entry : unfinished) {
            checkRunLock.run();
            if (entry.document() == null && entry.outcome() == LedgerOutcome.SENDING) {
                // Reported for a check, not counted: a PO still unexported is read and sent again by this very run.
                forgetUnresendable(entry);
                continue;
            }
            LedgerEntry finished = entry;
            if (entry.outcome() == LedgerOutcome.QUEUED) {
                if (unansweredInARow.size() >= outageThreshold) {
                    continue;
                }
                if (entry.verdictProblem() != null && ledger.laterSnapshotSent(entry)) {
                    // Replayed on purpose (--po) while its verdict could not be read: the later snapshot stands.
                    ledger.recordSuperseded(entry.idempotencyKey(), "replaced by a later snapshot of PO "
                            + entry.label() + " while the ERP's verdict on it could not be read");
                    continue;
                }
                QueuedVerdicts.Verdict read = verdicts.read(entry, jobExecutionId);
                ErpAnswer verdict = read.answer();
                if (verdict instanceof ErpAnswer.Unreachable) {
                    // Still queued; only many in a row mean that the ERP cannot be asked at all.
                    unansweredInARow.add(entry.label());
                    results.add(Result.UNANSWERED);
                    continue;
                }
                unansweredInARow.clear();
                if (read.problem()) {
                    // Overdue: counted as failing until the ERP decides.
                    results.add(Result.UNANSWERED);
                    continue;
                }
                if (verdict instanceof ErpAnswer.Rejected rejected) {
                    try {
                        verdicts.putBack(entry);
                        coupaFailuresInARow.clear();
                    }
                    catch (CoupaCredentialsRefusedException refused) {
                        throw refused;
                    }
                    catch (CoupaCallException failure) {
                        // Still QUEUED in the ledger: the next run reads the verdict and puts the PO back again.
                        coupaFailuresInARow.add(entry.label());
                        log.warn("PO {} ({}), rejected by the ERP, could not be put back yet: {}", entry.label(),
                                entry.idempotencyKey(), failure.getMessage());
                        if (coupaFailuresInARow.size() >= outageThreshold) {
                            throw failure;
                        }
                        continue;
                    }
                    answers.record(entry.idempotencyKey(), entry.label(), rejected);
                    ledger.recordHandledBy(entry.idempotencyKey(), jobExecutionId);
                    results.add(Result.REJECTED);
                    continue;
                }
                if (verdict instanceof ErpAnswer.Accepted accepted) {
                    answers.record(entry.idempotencyKey(), entry.label(), accepted);
                    log.info("PO {} ({}), queued for the ERP's import earlier, was accepted as {}", entry.label(),
                            entry.idempotencyKey(), accepted.erpDocumentId());
                    finished = ledger.find(entry.idempotencyKey()).orElseThrow();
                }
                else if (verdict instanceof ErpAnswer.Queued queued
                        && (!queued.countsAsExported() || entry.coupaMark() != null)) {
                    continue;
                }
                // Else queued and counted as exported, but the run stopped before Coupa heard of it: marked below.
            }
            else if (entry.outcomeUnknown()) {
                if (unansweredInARow.size() >= outageThreshold) {
                    // The ERP looks down: the export step holds back only the POs behind these, and finds out.
                    continue;
                }
                ErpAnswer answer = resend(entry, jobExecutionId);
                finished = ledger.find(entry.idempotencyKey()).orElseThrow();
                if (answer instanceof ErpAnswer.Queued queued && !queued.countsAsExported()) {
                    // The ERP had it, or has it now, in its import queue: marked once it accepts it.
                    unansweredInARow.clear();
                    ledger.recordHandledBy(entry.idempotencyKey(), jobExecutionId);
                    results.add(Result.QUEUED);
                    continue;
                }
                if (finished.outcome() == LedgerOutcome.ERP_UNREACHABLE) {
                    unansweredInARow.add(entry.label());
                    results.add(Result.UNANSWERED);
                    continue;
                }
                unansweredInARow.clear();
                if (finished.outcome() == LedgerOutcome.REJECTED) {
                    results.add(Result.REJECTED);
                    continue;
                }
            }
            boolean resent = finished != entry;
            ledger.recordHandledBy(entry.idempotencyKey(), jobExecutionId);
            CoupaMark mark;
            try {
                boolean toMark = finished.accepted() || finished.outcome() == LedgerOutcome.QUEUED;
                mark = toMark && finished.coupaMark() == null ? mark(finished) : finished.coupaMark();
                coupaFailuresInARow.clear();
            }
            catch (CoupaCredentialsRefusedException refused) {
                throw refused;
            }
            catch (CoupaCallException failure) {
                // Left for the next run; only several in a row mean that Coupa itself is failing.
                coupaFailuresInARow.add(entry.label());
                log.warn("PO {} ({}) could not be marked yet: {}", entry.label(), entry.idempotencyKey(),
                        failure.getMessage());
                if (coupaFailuresInARow.size() >= outageThreshold) {
                    throw failure;
                }
                continue;
            }
            if (mark == CoupaMark.REFUSED) {
                // Accepted by the ERP, and Coupa refused the mark: a failure, as in the export step.
                results.add(Result.REJECTED);
            }
            else if (finished.outcome() == LedgerOutcome.QUEUED) {
                results.add(Result.QUEUED);
            }
            else if (resent) {
                results.add(Result.EXPORTED);
            }
            else if (mark != CoupaMark.SUPERSEDED) {
                // Only marked, as the step does for a snapshot the ERP already holds.
                results.add(Result.SKIPPED);
            }
        }
        if (unansweredInARow.size() >= outageThreshold) {
            log.warn("The ERP did not answer for the earlier snapshots of POs {}; the rest are sent again next run",
                    String.join(", ", unansweredInARow));
        }
        return results;
    }

    private CoupaMark mark(LedgerEntry accepted) {
        if (ledger.laterSnapshotExists(accepted)) {
            ledger.recordMark(accepted.idempotencyKey(), CoupaMark.SUPERSEDED, "a later snapshot of PO "
                    + accepted.label() + " followed before this one was marked");
            return CoupaMark.SUPERSEDED;
        }
        CoupaMark mark = marking.mark(new CoupaMarking.Marked(accepted.idempotencyKey(), accepted.coupaId(),
                accepted.label(), accepted.poVersion(), accepted.poStatus()));
        log.info("PO {} ({}), {} by the ERP earlier, is now {}", accepted.label(), accepted.idempotencyKey(),
                accepted.accepted() ? "accepted" : "queued", mark.name().toLowerCase(Locale.ROOT));
        return mark;
    }

    /**
     * A snapshot an older version of this job was sending when it stopped, before the ledger kept documents: it cannot
     * be sent again, so it is recorded as unanswered and reported, for someone to check the PO in the ERP.
     */
    private void forgetUnresendable(LedgerEntry entry) {
        String reason = "PO " + entry.label() + " was being sent (" + entry.idempotencyKey() + ") when an earlier "
                + "version of this job stopped; whether the ERP applied it cannot be told: check the PO in the ERP";
        ledger.recordFailure(entry.idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, reason);
        log.warn("{}", reason);
    }

    /** Sends the snapshot again under its own key and records what the ERP made of it. */
    private ErpAnswer resend(LedgerEntry entry, long jobExecutionId) {
        String key = entry.idempotencyKey();
        ledger.recordResending(key, jobExecutionId);
        // The ERP's id of what it held before this snapshot: a later snapshot is held back while this one is unknown.
        String erpDocumentId = ledger.lastAcceptedEntry(entry.coupaId()).map(LedgerEntry::erpDocumentId).orElse(null);
        ErpAnswer answer = erp.deliver(ErpDelivery.again(key, entry.document(), erpDocumentId));
        if (answer instanceof ErpAnswer.Refused refused) {
            throw new ErpSetupException(refused.reason());
        }
        answers.record(key, entry.label(), answer);
        return answer;
    }
}
