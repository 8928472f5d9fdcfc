package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's writes, each committed in a transaction of its own: the ERP and Coupa calls of a chunk cannot be rolled
 * back, so neither may their record when a later PO fails the chunk. Times are UTC, from the one clock.
 */
final class LedgerWrites {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    private final Clock clock;

    LedgerWrites(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void update(String sql, Object... arguments) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(sql, arguments));
    }

    void batchUpdate(String sql, List<Object[]> arguments) {
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(sql, arguments));
    }

    /** Several statements that commit together, on their own. */
    void together(Runnable statements) {
        ownTransaction.executeWithoutResult(status -> statements.run());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
