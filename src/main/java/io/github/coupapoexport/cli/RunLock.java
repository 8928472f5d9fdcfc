package io.github.coupapoexport.cli;

/**
 * One export at a time per job repository. The lock is released by the operating system or the database when its
 * holder dies, so holding it also proves that no live process owns an execution left STARTED.
 */
public interface RunLock {

    /** @return true if this process now holds the lock; false if another one does */
    boolean tryAcquire();

    void release();

    /** Who holds or held it, for messages. */
    String describe();
}
