package io.github.coupapoexport.cli;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (and Ctrl-C) stop the export at its next chunk boundary instead of killing the JVM: the checkpoint and the
 * batch metadata are saved, the Coupa integration run is marked failed, and the command exits 4. The JVM's own
 * handling would run the shutdown hooks, close the database under the running chunk, and exit 143.
 * <p>
 * If the chunk cannot finish within the grace period (an ERP hanging in retries), the process halts with exit 4
 * anyway; its execution is then left STARTED and the next run, holding the run lock, recovers and resumes it.
 */
class StopOnSignal {

    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);

    private final Runnable stop;

    private final Duration gracePeriod;

    StopOnSignal(Runnable stop, Duration gracePeriod) {
        this.stop = stop;
        this.gracePeriod = gracePeriod;
    }

    void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), this::onSignal);
            }
            catch (IllegalArgumentException unsupported) {
                log.debug("SIG{} cannot be handled on this platform", name);
            }
        }
    }

    private void onSignal(Signal signal) {
        log.warn("SIG{} received: stopping at the next chunk boundary (at most {} s)", signal.getName(),
                gracePeriod.toSeconds());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(gracePeriod.toMillis());
                log.error("The chunk did not finish within {} s of SIG{}; halting. The next run resumes from the last "
                        + "checkpoint.", gracePeriod.toSeconds(), signal.getName());
                Runtime.getRuntime().halt(ExitCode.STOPPED.code());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        stop.run();
    }
}
