package io.github.coupapoexport;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ERP a guarantee scenario runs the job against ({@link ErpGuaranteeScenarios}), as the test sees it: the settings
 * that point the job at it, what it holds for a Coupa PO, and the faults it can be made to show. One implementation per
 * adapter, each over that adapter's fake, so that every scenario is written once.
 */
interface ErpUnderTest extends AutoCloseable {

    /** The settings of a deployment against this ERP, with credentials it takes unless {@link #refuseCredentials}. */
    List<String> settings();

    /** The setting that lets the adapter retry a call that failed in passing {@code retries} times. */
    String maxRetries(int retries);

    /** How many ERP documents it holds for the Coupa PO: one once the PO reached it, never two. */
    int documentsFor(String poNumber);

    /** The quantity its document for the PO holds on the line, or null when it holds no such line. */
    BigDecimal quantityHeld(String poNumber, String lineNumber);

    /** The next document, which must be this PO's, is applied, and the job never gets the answer. */
    void applyAndLoseTheAnswer(String poNumber);

    /** The next {@code times} calls of the adapter are answered 503, as by an ERP busy for a moment. */
    void failNextCalls(int times);

    /**
     * Documents for the supplier are refused, as the ERP refuses a PO: each adapter's fake does it in its own way.
     *
     * @return the ERP's message, which the job is to report in Coupa
     */
    String rejectSupplier(String supplierNumber);

    /** From now on the ERP refuses the job's credentials, or, with false, takes them again. */
    void refuseCredentials(boolean refuse);

    /**
     * Whether the ERP decides on a document later (staging tables): a run only queues it, the ERP's import program
     * decides, and the next run reads the verdict. False for an ERP that answers at once.
     */
    default boolean decidesLater() {
        return false;
    }

    /** The ERP's import program runs and decides on every queued document; nothing for an ERP that answers at once. */
    default void importQueued() {
    }

    @Override
    void close();
}
