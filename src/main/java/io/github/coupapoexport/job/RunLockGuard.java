package io.github.coupapoexport.job;

import io.github.coupapoexport.runlock.RunLock;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Checks the run lock before a chunk writes and again before it commits. Failing in {@code afterWrite} rolls the
 * chunk's transaction back, so the checkpoint never moves past a chunk written while the lock was lost, and the
 * failed step fails the job (exit 1). Registered last on a step: write listeners are called in reverse for
 * {@code afterWrite}, so this check comes before any other listener reports the chunk.
 */
public class RunLockGuard implements ItemWriteListener<Object> {

    private final RunLock runLock;

    public RunLockGuard(RunLock runLock) {
        this.runLock = runLock;
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
