package io.github.coupapoexport.job;

import io.github.coupapoexport.runlock.RunLock;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.Ordered;

/**
 * Checks the run lock before a chunk writes and again before it commits. Failing in {@code afterWrite} rolls the
 * chunk's transaction back, so the checkpoint never moves past a chunk written while the lock was lost, and the
 * failed step fails the job (exit 1).
 */
public class RunLockGuard implements ItemWriteListener<Object>, Ordered {

    /**
     * Last in order: Spring Batch calls {@code afterWrite} in reverse order, so this check comes before any other
     * listener (such as {@link CoupaMonitoringListener}) reports the chunk.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    private final RunLock runLock;

    public RunLockGuard(RunLock runLock) {
        this.runLock = runLock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        runLock.checkStillHeld();
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        runLock.checkStillHeld();
    }
}
