package io.github.coupapoexport.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.foundation.Texts;
import io.github.coupapoexport.ledger.UnreportedOutcome;

/**
 * Option 1: the latest outcome in a PO header custom field ({@code coupa.monitoring.status-field}), to follow in the
 * Standard PO data table at {@code /order_headers}.
 */
public class StatusFieldReporter implements OutcomeReporter {

    /** Coupa's single-line text custom fields hold 255 characters. */
    static final int FIELD_LENGTH = 255;

    private final CoupaMonitoringClient coupa;

    private final Clock clock;

    public StatusFieldReporter(CoupaMonitoringClient coupa, Clock clock) {
        this.coupa = coupa;
        this.clock = clock;
    }

    @Override
    public void report(List<UnreportedOutcome> outcomes, Long integrationRunId, Progress progress) {
        for (UnreportedOutcome outcome : Latest.perPurchaseOrder(outcomes)) {
            try {
                coupa.writeStatusField(outcome.coupaId(), statusText(outcome));
                progress.reported(outcome.coupaId());
            }
            catch (CoupaRefusedException ex) {
                progress.refused(outcome.coupaId(), ex.getMessage());
            }
        }
    }

    /**
     * UTC to the second, always with its seconds: {@code OffsetDateTime.toString()} leaves out {@code :00}, and a
     * buyer's filter or a script reading the field would then find two formats.
     */
    static String statusTime(Instant now) {
        return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    }

    String statusText(UnreportedOutcome outcome) {
        String time = statusTime(clock.instant());
        String text = outcome.success()
                ? "Success " + time + ": ERP document " + (outcome.erpDocumentId() == null ? "(no id returned)"
                        : outcome.erpDocumentId())
                : "Error " + time + ": " + outcome.responseMessage();
        return Texts.fit(text, FIELD_LENGTH);
    }
}
