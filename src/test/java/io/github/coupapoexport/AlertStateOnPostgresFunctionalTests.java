package io.github.coupapoexport;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts' memory (ALERT_STATE, migration V6) in the production job repository, PostgreSQL: one message per
 * problem per period, again after it, and forgotten once an export ends well.
 */
class AlertStateOnPostgresFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness(JobRepositoryDatabase.postgres());

    private final AlertReceivers receivers = new AlertReceivers();

    @AfterEach
    void stop() {
        receivers.close();
        harness.close();
    }

    @Test
    void oneMessagePerProblemPerPeriodThenAgainThenResolved() throws IOException {
        // given
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
        String coupaDown = "--coupa.base-url=http://127.0.0.1:" + closedPort();

        // when Coupa cannot be reached twice within the period
        harness.run(receivers.settings(coupaDown));
        harness.run(receivers.settings(coupaDown));

        // then one message, two sightings
        assertThat(receivers.mails()).hasSize(1);
        assertThat(harness.database().queryForMap("SELECT TIMES_SEEN, LAST_SENT FROM ALERT_STATE WHERE PROBLEM_KEY = "
                + "'exit-1:coupa-unreachable'")).containsEntry("times_seen", 2L).extractingByKey("last_sent").isNotNull();

        // when the period has passed
        harness.database().update("UPDATE ALERT_STATE SET LAST_SENT = ?", OffsetDateTime.now().minusHours(7));
        harness.run(receivers.settings(coupaDown));

        // then it is sent again
        assertThat(receivers.mails()).hasSize(2);
        assertThat(receivers.mails().get(1).body()).contains("Seen 3 times since ");

        // when Coupa answers again
        ExportJobHarness.RunResult result = harness.run(receivers.settings());

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(receivers.mails()).hasSize(3);
        assertThat(receivers.mails().get(2).body()).contains("- exit-1:coupa-unreachable: seen 3 times from ");
        assertThat(harness.database().queryForObject("SELECT COUNT(*) FROM ALERT_STATE", Long.class)).isZero();
    }

    /** A port on 127.0.0.1 that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
