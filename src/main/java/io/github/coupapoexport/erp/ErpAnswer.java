package io.github.coupapoexport.erp;

import org.jspecify.annotations.Nullable;

/** What the ERP made of one document, retries included (README "The REST ERP adapter" gives the REST answers). */
public sealed interface ErpAnswer {

    /** 200 or 201; or 409, the key was applied before ({@code alreadyApplied}). */
    record Accepted(int status, @Nullable String erpDocumentId, boolean alreadyApplied) implements ErpAnswer {
    }

    /** 400, 422 or another 4xx: the document itself is refused, and sending it again will not help. */
    record Rejected(int status, String message) implements ErpAnswer {
    }

    /**
     * 401 or 403 (the ERP refuses the job's credentials), 404 or 405 (no such endpoint): the setup is wrong, so no
     * document can get through until it is fixed. Nothing was applied.
     */
    record Refused(int status, String reason) implements ErpAnswer {
    }

    /** 429, 5xx, a timeout or a refused connection, still so after every retry. */
    record Unreachable(String reason) implements ErpAnswer {
    }
}
