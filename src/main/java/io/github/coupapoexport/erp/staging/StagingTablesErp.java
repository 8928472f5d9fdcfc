package io.github.coupapoexport.erp.staging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.foundation.Backoff;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging-tables adapter ({@code erp.type=staging-tables}): a PO snapshot becomes header, line and distribution
 * rows, written in one transaction into the ERP's interface tables; the ERP's import program later marks the header
 * accepted or rejected, with its messages in an errors table, and {@link #verdict} reads that back. The key column
 * makes a repeat harmless: the rows under a key are looked up in the same transaction before anything is written, and
 * only a rejected attempt is followed by a new one ({@code key#2}). Thread-safe: each delivery has its own
 * transaction on a connection of a small pool of its own, closed with the application.
 */
public class StagingTablesErp implements Erp, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagingTablesErp.class);

    private final StagingLayout layout;

    private final StagingSql sql;

    private final StagingKeys keys;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Backoff retry;

    private final StagingFailures failures;

    private final StagingRowCheck rowCheck;

    private final boolean countsAsExportedWhenQueued;

    private final AutoCloseable pool;

    StagingTablesErp(StagingLayout layout, JdbcTemplate jdbc, TransactionTemplate transactions, Backoff retry,
            StagingFailures failures, boolean countsAsExportedWhenQueued, AutoCloseable pool) {
        this.layout = layout;
        this.sql = new StagingSql(layout);
        this.keys = new StagingKeys(layout.keyLength());
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retry = retry;
        this.failures = failures;
        this.rowCheck = new StagingRowCheck(jdbc);
        this.countsAsExportedWhenQueued = countsAsExportedWhenQueued;
        this.pool = pool;
    }

    @Override
    public ErpAnswer deliver(ErpDelivery delivery) {
        StagedPurchaseOrder staged;
        try {
            staged = StagedPurchaseOrder.of(delivery.document(), layout);
        }
        catch (RuntimeException unwritable) {
            // A document that does not read, or a value no column could take: nothing is written, the PO is reported.
            return new ErpAnswer.Rejected(null, "not written to the staging tables: " + unwritable.getMessage());
        }
        return retry.run(() -> {
            try {
                return write(delivery.idempotencyKey(), staged);
            }
            catch (RowRefused refused) {
                return new ErpAnswer.Rejected(null, rowCheck.explain(staged.poNumber(), layout.table(
                        refused.insert.table()), refused.insert, failures.message(refused.getCause()))
                        + "; nothing was written");
            }
            catch (RuntimeException failure) {
                throw failures.classify(failure);
            }
        }, failures::givenUp);
    }

    /** The ERP's verdict on the key, decided over all its attempts ({@link #deciding}). */
    @Override
    public ErpAnswer verdict(String idempotencyKey) {
        return retry.run(() -> {
            try {
                Attempt latest = deciding(keys.base(idempotencyKey));
                if (latest == null) {
                    // Not a rejection: the rows were written, and the ERP may have imported them before purging
                    // them. Sent again, they could be applied twice; the export keeps the snapshot queued and names it.
                    return new ErpAnswer.Vanished("no staging row under key " + idempotencyKey + " in "
                            + layout.table(StagingTable.HEADERS) + ": purged before its verdict was read? Check the "
                            + "PO in the ERP; if the ERP does not hold it, send it again with --po");
                }
                return answer(latest, false);
            }
            catch (RuntimeException failure) {
                throw failures.classify(failure);
            }
        }, failures::givenUp);
    }

    /** The rows {@link #deliver} would write, asking the database nothing. */
    @Override
    public String preview(ErpDelivery delivery) {
        ErpPurchaseOrder document = delivery.document();
        return StagingPreview.rows(sql, layout, StagedPurchaseOrder.of(document, layout),
                keys.base(delivery.idempotencyKey()));
    }

    @Override
    public void close() throws Exception {
        pool.close();
    }

    /** One transaction; a concurrent writer of the same key that won the unique index is answered as a repeat. */
    private ErpAnswer write(String idempotencyKey, StagedPurchaseOrder staged) {
        try {
            return transactions.execute(status -> writeOnce(idempotencyKey, staged));
        }
        catch (DuplicateKeyException lostRace) {
            log.info("another writer staged key {} first: reading its rows", idempotencyKey);
            return transactions.execute(status -> writeOnce(idempotencyKey, staged));
        }
    }

    private ErpAnswer writeOnce(String idempotencyKey, StagedPurchaseOrder staged) {
        String base = keys.base(idempotencyKey);
        Attempt latest = deciding(base);
        int attempt = 1;
        if (latest != null) {
            if (layout.status(latest.status()) != StagingLayout.Status.REJECTED) {
                log.info("key {} is staged already as {} ({}): nothing written", idempotencyKey, latest.headerId(),
                        latest.status());
                return answer(latest, true);
            }
            attempt = latest.number() + 1;
        }
        String stored = StagingKeys.attempt(base, attempt);
        Map<String, Object> headerLinks = new LinkedHashMap<>();
        headerLinks.put("key", stored);
        insert(sql.insert(StagingTable.HEADERS, staged.header(), headerLinks));
        Object headerId = jdbc.queryForObject(sql.headerId(), Object.class, stored);
        for (StagedPurchaseOrder.StagedLine line : staged.lines()) {
            insert(sql.insert(StagingTable.LINES, line.values(), Map.of("header-id", headerId)));
            Object lineId = jdbc.queryForObject(sql.lineId(), Object.class, headerId, line.lineNumber());
            for (Map<String, Object> distribution : line.distributions()) {
                insert(sql.insert(StagingTable.DISTRIBUTIONS, distribution, Map.of("header-id", headerId, "line-id",
                        lineId)));
            }
        }
        log.info("PO {} staged as {} {} (attempt {})", staged.poNumber(), layout.table(StagingTable.HEADERS),
                headerId, attempt);
        return new ErpAnswer.Queued(String.valueOf(headerId), countsAsExportedWhenQueued);
    }

    private void insert(StagingSql.Insert insert) {
        try {
            jdbc.update(insert.sql(), insert.parameters());
        }
        catch (DuplicateKeyException duplicate) {
            throw duplicate;
        }
        catch (DataIntegrityViolationException refused) {
            // The transaction rolls back as this leaves it: no header stays without its lines.
            throw new RowRefused(insert, refused);
        }
    }

    /** What the deciding attempt's status says. */
    private ErpAnswer answer(Attempt latest, boolean repeat) {
        return switch (layout.status(latest.status())) {
            case PENDING -> new ErpAnswer.Queued(latest.headerId(), countsAsExportedWhenQueued);
            case ACCEPTED -> new ErpAnswer.Accepted(null, latest.erpDocumentId() != null ? latest.erpDocumentId()
                    : latest.headerId(), repeat);
            case REJECTED -> new ErpAnswer.Rejected(null, rejection(latest));
        };
    }

    /** Every error row of the header: line, column and message, as the ERP's import wrote them. */
    private String rejection(Attempt latest) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(latest.headerIdValue());
        parameters.addAll(sql.errorFilter());
        List<String> messages = jdbc.query(sql.errors(), (row, number) -> {
            Object line = row.getObject(1);
            String column = row.getString(2);
            return (line == null ? "header" : "line " + line) + (column == null || column.isBlank() ? ""
                    : " " + column) + ": " + row.getString(3);
        }, parameters.toArray());
        return messages.isEmpty() ? "the ERP's import rejected " + layout.table(StagingTable.HEADERS) + " "
                + latest.headerId() + " without a message in " + layout.table(StagingTable.ERRORS)
                : String.join("; ", messages);
    }

    /**
     * The attempt that says what the ERP made of the key: the first it accepted, else the latest still pending, else
     * the latest (rejected). Not simply the latest: the ERP's people may resubmit a rejected attempt after a later one
     * was written, and the ERP then holds the PO whatever became of the later one; a further attempt would apply it
     * twice, and a rejection read from the later one would send its next version as a second CREATE.
     */
    private @Nullable Attempt deciding(String base) {
        List<Attempt> attempts = jdbc.query(sql.attempts(), (row, number) -> new Attempt(row.getObject(1),
                row.getString(2), row.getString(3), row.getString(4)), base, StagingKeys.laterAttempts(base)).stream()
            .filter(found -> StagingKeys.attemptOf(found.storedKey(), base) > 0)
            .map(found -> found.numbered(StagingKeys.attemptOf(found.storedKey(), base)))
            .sorted(Comparator.comparingInt(Attempt::number))
            .toList();
        if (attempts.isEmpty()) {
            return null;
        }
        List<Attempt> notRejected = attempts.stream()
            .filter(each -> layout.status(each.status()) != StagingLayout.Status.REJECTED).toList();
        if (notRejected.size() > 1) {
            log.warn("key {} has {} attempts that the ERP did not reject: the ERP's people should check that it holds "
                    + "the PO once", base, notRejected.size());
        }
        return notRejected.stream().filter(each -> layout.status(each.status()) == StagingLayout.Status.ACCEPTED)
            .findFirst()
            .or(() -> notRejected.stream().reduce((earlier, later) -> later))
            .orElse(attempts.get(attempts.size() - 1));
    }

    /** One header row under the key. */
    private record Attempt(Object headerIdValue, String storedKey, @Nullable String status,
            @Nullable String erpDocumentId, int number) {

        Attempt(Object headerIdValue, String storedKey, @Nullable String status, @Nullable String erpDocumentId) {
            this(headerIdValue, storedKey, status, erpDocumentId, 0);
        }

        Attempt numbered(int attempt) {
            return new Attempt(headerIdValue, storedKey, status, erpDocumentId, attempt);
        }

        String headerId() {
            return String.valueOf(headerIdValue);
        }
    }

    /** A row the database would not hold (too long, a missing value): the delivery is rejected. */
    private static final class RowRefused extends RuntimeException {

        private final transient StagingSql.Insert insert;

        RowRefused(StagingSql.Insert insert, DataIntegrityViolationException cause) {
            super(cause.getMessage(), cause);
            this.insert = insert;
        }
    }
}
