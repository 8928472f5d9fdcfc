package io.github.coupapoexport.alerting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the alerts remember in the job repository ({@code ALERT_STATE}, migration V6): each problem's key, when it was
 * first and last seen, how often, and when its message was last sent. Only keys and times: never a PO or a reason.
 */
class AlertState {

    /** What the table knows of one problem, after this run's sighting was counted. */
    record Sighting(String key, OffsetDateTime firstSeen, OffsetDateTime lastSeen, long timesSeen,
            OffsetDateTime lastSent) {
    }

    private final JdbcTemplate jdbc;

    AlertState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more sighting of {@code key}, the first one included. */
    Sighting seen(String key, OffsetDateTime now) {
        if (countSighting(key, now) == 0) {
            try {
                jdbc.update("INSERT INTO ALERT_STATE (PROBLEM_KEY, FIRST_SEEN, LAST_SEEN, TIMES_SEEN) "
                        + "VALUES (?, ?, ?, 1)", key, now, now);
            }
            catch (DuplicateKeyException raced) {
                // Another process (the run that holds the lock, say) inserted it first: count on its row.
                countSighting(key, now);
            }
        }
        return all().stream().filter(sighting -> sighting.key().equals(key)).findFirst().orElseThrow();
    }

    void sent(String key, OffsetDateTime now) {
        jdbc.update("UPDATE ALERT_STATE SET LAST_SENT = ? WHERE PROBLEM_KEY = ?", now, key);
    }

    /**
     * Forgets every problem but {@code keep}, since the run showed them gone, and returns those whose message was sent:
     * they get their "resolved" message.
     */
    List<Sighting> resolveAllBut(Set<String> keep) {
        List<Sighting> gone = all().stream().filter(sighting -> !keep.contains(sighting.key())).toList();
        gone.forEach(sighting -> jdbc.update("DELETE FROM ALERT_STATE WHERE PROBLEM_KEY = ?", sighting.key()));
        return gone.stream().filter(sighting -> sighting.lastSent() != null).toList();
    }

    private int countSighting(String key, OffsetDateTime now) {
        return jdbc.update("UPDATE ALERT_STATE SET LAST_SEEN = ?, TIMES_SEEN = TIMES_SEEN + 1 WHERE PROBLEM_KEY = ?",
                now, key);
    }

    private List<Sighting> all() {
        return jdbc.query("SELECT PROBLEM_KEY, FIRST_SEEN, LAST_SEEN, TIMES_SEEN, LAST_SENT FROM ALERT_STATE "
                + "ORDER BY FIRST_SEEN, PROBLEM_KEY",
                (rs, row) -> new Sighting(rs.getString("PROBLEM_KEY"), rs.getObject("FIRST_SEEN", OffsetDateTime.class),
                        rs.getObject("LAST_SEEN", OffsetDateTime.class), rs.getLong("TIMES_SEEN"),
                        rs.getObject("LAST_SENT", OffsetDateTime.class)));
    }
}
