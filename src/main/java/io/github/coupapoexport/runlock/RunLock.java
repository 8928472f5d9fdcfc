package io.github.coupapoexport.runlock;

/**
 * One export at a time per job repository. The lock is released by the operating system or the database when its
 * holder dies, so holding it also proves that no live process owns an execution left STARTED.
 */
public interface RunLock {

    /** @return true if this process now holds the lock; false if another one does */
    boolean tryAcquire();

    /**
     * Proves, before a chunk writes and before it commits, that the lock taken by {@link #tryAcquire} is still this
     * process's: a lock lost mid-run (the database ended its session, its file was removed) would let a second run
     * start beside this one.
     *
     * @throws RunLockLostException if it is no longer held
     */
    void checkStillHeld();

    /** Lets the lock go; never throws, so that the run's own outcome is what its exit code reports. */
    void release();

    /** Who holds or held it, for messages. */
    String describe();
}
