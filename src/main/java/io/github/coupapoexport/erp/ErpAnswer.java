package io.github.coupapoexport.erp;

import org.jspecify.annotations.Nullable;

/**
 * What the ERP made of one document, retries included (README "The REST ERP adapter" gives the REST answers). A
 * status is the ERP's HTTP status; it is null for an ERP reached otherwise (a database).
 */
public sealed interface ErpAnswer {

    /** 200 or 201; or 409, the key was applied before ({@code alreadyApplied}). */
    record Accepted(@Nullable Integer status, @Nullable String erpDocumentId, boolean alreadyApplied)
            implements ErpAnswer {
    }

    /** 400, 422 or another 4xx: the document itself is refused, and sending it again will not help. */
    record Rejected(@Nullable Integer status, String message) implements ErpAnswer {
    }

    /**
     * The ERP took the document into its import queue (staging rows its import program reads later) and has not
     * decided yet: its verdict is read back by {@link Erp#verdict} in a later run.
     *
     * @param queueId the ERP's id of the queued document (its interface row), for a person to look it up
     * @param countsAsExported whether the PO is marked exported in Coupa while it waits ({@code when-queued}), or
     * only once the ERP accepted it ({@code when-accepted})
     */
    record Queued(String queueId, boolean countsAsExported) implements ErpAnswer {
    }

    /**
     * 401 or 403 (the ERP refuses the job's credentials), 404 or 405 (no such endpoint): the setup is wrong, so no
     * document can get through until it is fixed. Nothing was applied. The status is null for an ERP reached
     * otherwise (a database that refuses the user or lacks a table).
     */
    record Refused(@Nullable Integer status, String reason) implements ErpAnswer {
    }

    /**
     * Asked for its verdict on a queued document, the ERP holds no trace of it any more (its rows purged before the
     * verdict was read): it may have applied it, so it is not sent again unless an operator, having checked, asks.
     */
    record Vanished(String reason) implements ErpAnswer {
    }

    /** 429, 5xx, a timeout or a refused connection, still so after every retry. */
    record Unreachable(String reason) implements ErpAnswer {
    }
}
