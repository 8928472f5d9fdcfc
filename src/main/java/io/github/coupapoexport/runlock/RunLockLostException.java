package io.github.coupapoexport.runlock;

/**
 * The run lock was lost while the run held it, so another run may already be exporting: the run stops before it
 * writes more, fails, and its next run resumes from the last checkpoint once it holds the lock again.
 */
public class RunLockLostException extends RuntimeException {

    public RunLockLostException(String lock, String cause) {
        this(lock, cause, null);
    }

    public RunLockLostException(String lock, String cause, Throwable source) {
        super("The run lock was lost (" + lock + "): " + cause + "; stopped before writing more, so that two runs never "
                + "export at once; rerun to resume from the last checkpoint", source);
    }
}
