package io.github.coupapoexport.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One execution as the report shows it: its outcome counts, as {@code status} shows them, and what it cost.
 *
 * @param start null when it never started
 * @param end null while it runs, or when its process died before recording one
 * @param read the POs its steps read
 * @param coupaCalls the Coupa calls it made; empty for an execution that recorded none (older versions, a killed
 * process)
 * @param exit the exit code its process returned; null while it runs
 */
public record RunRow(long execution, String status, LocalDateTime start, LocalDateTime end, long read, long exported,
        long failed, long skipped, long queued, OptionalLong coupaCalls, String exitStatus, Integer exit) {

    /** Every PO counted, whatever became of it: the height of its bar. */
    public long total() {
        return exported + failed + skipped + queued;
    }

    /** How long it ran, for an execution that started and ended. */
    public String duration() {
        if (start == null || end == null) {
            return "-";
        }
        Duration duration = Duration.between(start, end);
        if (duration.toMinutes() == 0) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return duration.toHours() == 0 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    /** Coupa calls per PO read: the cost the rate budget pays; "-" when unknown or nothing was read. */
    public String callsPerPo() {
        if (coupaCalls.isEmpty() || read == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", (double) coupaCalls.getAsLong() / read);
    }
}
