package io.github.coupapoexport.cli;

/** The exit codes (README "Exit codes and scheduling"); a scheduler acts on these alone. */
public enum ExitCode {
    /** Completed; every selected PO exported, or nothing to do. */
    COMPLETED(0),
    /** Failed; the checkpoint is kept and the same command resumes. */
    FAILED(1),
    /** Usage or configuration error; a rerun will not help. */
    CONFIGURATION_ERROR(2),
    /** Completed, but at least one PO was rejected; each is recorded and comes back next run. */
    COMPLETED_WITH_REJECTIONS(3),
    /** Stopped on request or by SIGTERM; the same command resumes. */
    STOPPED(4),
    /** Another execution is running against the same job repository. */
    ALREADY_RUNNING(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
