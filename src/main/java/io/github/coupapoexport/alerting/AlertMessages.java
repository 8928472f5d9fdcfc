package io.github.coupapoexport.alerting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.coupapoexport.foundation.Texts;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;

/** The words of each alert: what failed, what a person does about it, and how often it was seen. */
final class AlertMessages {

    /** A reason longer than this is cut: a chat message is read at a glance, the log has the rest. */
    private static final int REASON_LENGTH = 600;

    /** PO numbers listed per class in a digest; {@code failures} lists them all. */
    private static final int NUMBERS_PER_CLASS = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final String host;

    private final Duration repeatAfter;

    AlertMessages(String host, Duration repeatAfter) {
        this.host = host;
        this.repeatAfter = repeatAfter;
    }

    /** @param sighting null when the job repository could not be reached to count it */
    Alert problem(Problem problem, AlertState.Sighting sighting, String stateFailure) {
        List<String> lines = new ArrayList<>();
        lines.add("What failed: " + problem.what() + ".");
        lines.add("Reason: " + Texts.fit(Texts.printable(problem.reason()), REASON_LENGTH));
        lines.add("What to do: " + advice(problem.exitCode()));
        if (sighting != null) {
            lines.add("Seen " + times(sighting.timesSeen()) + " since " + time(sighting.firstSeen()) + "; this message "
                    + "is repeated at most once every " + duration(repeatAfter) + " (alerts.repeat-after) while it lasts.");
        }
        else {
            lines.add("The job repository could not be reached to check whether this was already sent ("
                    + stateFailure + "), so it is sent anyway.");
        }
        lines.add("Problem key: " + problem.key());
        return new Alert(title(problem.what() + " (exit " + problem.exitCode() + ")"), lines, Alert.Severity.PROBLEM);
    }

    Alert resolved(int exitCode, List<AlertState.Sighting> gone) {
        List<String> lines = new ArrayList<>();
        lines.add("An export ended with exit " + exitCode + "; these problems no longer occur:");
        gone.forEach(sighting -> lines.add("- " + sighting.key() + ": seen " + times(sighting.timesSeen()) + " from "
                + time(sighting.firstSeen()) + " to " + time(sighting.lastSeen())));
        return new Alert(title("resolved (exit " + exitCode + ")"), lines, Alert.Severity.RESOLVED);
    }

    Alert rejections(List<FailingPurchaseOrder> failing) {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        failing.forEach(po -> byClass.computeIfAbsent(po.failureClass().label(), label -> new ArrayList<>())
            .add(po.poNumber() == null ? "Coupa id " + po.coupaId() : po.poNumber()));
        List<String> lines = new ArrayList<>();
        lines.add("The export completed, but " + failing.size() + " PO(s) are not in the ERP (exit 3):");
        byClass.forEach((label, numbers) -> lines.add("- " + label + ": " + numbers.size() + " ("
                + String.join(", ", numbers.subList(0, Math.min(numbers.size(), NUMBERS_PER_CLASS)))
                + (numbers.size() > NUMBERS_PER_CLASS ? ", and " + (numbers.size() - NUMBERS_PER_CLASS) + " more" : "")
                + ")"));
        lines.add("Each is recorded in Coupa with its reason and comes back next run; `failures` lists them, "
                + "`retry --class=CLASS` sends a class again once it is fixed.");
        lines.add("This digest is sent at most once every " + duration(repeatAfter) + " (alerts.repeat-after).");
        return new Alert(title(failing.size() + " PO(s) rejected (exit 3)"), lines, Alert.Severity.WARNING);
    }

    private String title(String what) {
        return "coupa-po-export on " + host + ": " + what;
    }

    private static String advice(int exitCode) {
        return switch (exitCode) {
            case 1 -> "nothing is lost: the checkpoint is kept and the scheduler's next run resumes. If this repeats, "
                    + "check the system named above.";
            case 2 -> "fix the setup (settings or credentials); reruns fail the same way until then.";
            case 5 -> "another execution holds the run lock. If none should be running, look for a hung run "
                    + "(status, stop).";
            default -> "see the job's log.";
        };
    }

    private static String times(long times) {
        return times == 1 ? "once" : times + " times";
    }

    private static String time(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).format(TIME);
    }

    private static String duration(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
