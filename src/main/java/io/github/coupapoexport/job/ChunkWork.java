package io.github.coupapoexport.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The POs of one chunk, worked on at the same time by the sender threads, and waited for together. */
final class ChunkWork {

    private ChunkWork() {
    }

    /**
     * Waits until the work of every PO of the chunk is done, so that the checkpoint saved after the chunk never passes
     * a PO whose outcome is not recorded.
     *
     * @param stopStarting called when the wait is interrupted (asked to stop): no further PO starts, and those in
     * flight are let finish and record what they did before the interruption goes on, so that none goes on posting
     * or marking after the step has ended
     * @return the first failure, the others suppressed in it, or null when every PO's work succeeded
     */
    static Exception awaitAll(List<CompletableFuture<Void>> work, Runnable stopStarting) throws InterruptedException {
        Exception failure = null;
        for (CompletableFuture<Void> each : work) {
            try {
                each.get();
            }
            catch (InterruptedException interrupted) {
                stopStarting.run();
                CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
                Thread.currentThread().interrupt();
                throw interrupted;
            }
            catch (ExecutionException ex) {
                Exception cause = ex.getCause() instanceof Exception exception ? exception : ex;
                if (failure == null) {
                    failure = cause;
                }
                else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        return failure;
    }
}
