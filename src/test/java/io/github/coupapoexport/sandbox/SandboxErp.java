package io.github.coupapoexport.sandbox;

import java.util.List;

/** The fake ERP a sandbox run exports into, chosen by {@code --erp.type}: its settings, and what it shows. */
interface SandboxErp {

    /** The job's settings for this ERP: its type, where it is, and what else it needs for the sandbox's POs. */
    List<String> settings();

    /** Whether the ERP decides later (staging tables): then a last run reads its verdicts on the second day's POs. */
    default boolean decidesLater() {
        return false;
    }

    /** Forgets what the previous run sent, so that each day prints its own. */
    void beforeRun();

    /** What the ERP received or holds after a run, for a person to read. */
    void printAfterRun();

    void stop();
}
