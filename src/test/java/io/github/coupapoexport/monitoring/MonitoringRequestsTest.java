package io.github.coupapoexport.monitoring;

import io.github.coupapoexport.coupa.CoupaClientConfiguration;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring bodies as Coupa's JSON mapper puts them on the wire: Coupa's keys, exactly. */
class MonitoringRequestsTest {

    private final JsonMapper coupaJson = CoupaClientConfiguration.coupaJson();

    @Test
    void statusFieldKeepsTheConfiguredFieldNameAsItIs() {
        // when
        String json = coupaJson.writeValueAsString(MonitoringRequests.statusField("cf_integrationStatus", "Success"));

        // then the outer key is Coupa's, the inner one the field's name as configured, not hyphenated
        assertThat(json).isEqualTo("{\"custom-fields\":{\"cf_integrationStatus\":\"Success\"}}");
    }

    @Test
    void integrationRunBodiesNameTheIntegrationAndCountRecordsAsCoupaSpellsIt() {
        assertThat(coupaJson.writeValueAsString(MonitoringRequests.newRun("PO_TO_ERP")))
            .isEqualTo("{\"integration\":{\"code\":\"PO_TO_ERP\"}}");
        // total_records with an underscore, as Coupa's sample writes it; records-processed hyphenated
        assertThat(coupaJson.writeValueAsString(new MonitoringRequests.RunStart(12)))
            .isEqualTo("{\"total_records\":12}");
        assertThat(coupaJson.writeValueAsString(new MonitoringRequests.RunProgress(11)))
            .isEqualTo("{\"records-processed\":11}");
    }

    @Test
    void historyRecordOfAHistoryModeSuccessBelongsToTheIntegrationOnly() {
        // when
        String json = coupaJson.writeValueAsString(MonitoringRequests.historyRecord(accepted(), "PO_TO_ERP", null));

        // then
        assertThat(json).isEqualTo("{\"document-type\":\"OrderHeader\",\"document-id\":4821,"
                + "\"document-status\":\"issued\",\"contact-alert-type\":\"Functional\",\"status\":\"Success\","
                + "\"responses\":[{\"response-code\":\"Success-201\",\"response-message\":\"PO 4821 (CREATE) accepted by "
                + "the ERP as ERP-77\"}],\"integration\":{\"code\":\"PO_TO_ERP\"}}");
    }

    @Test
    void historyRecordInIntegrationRunModeBelongsToTheRunAsWell() {
        String json = coupaJson.writeValueAsString(MonitoringRequests.historyRecord(accepted(), "PO_TO_ERP", 901L));

        assertThat(json).endsWith(",\"integration\":{\"code\":\"PO_TO_ERP\"},\"integration-run\":{\"id\":901}}");
    }

    @Test
    void integrationErrorNamesItsRunByIdAsText() {
        // given an ERP that never answered: for the technical contacts
        UnreportedOutcome unreachable = new UnreportedOutcome("coupa-4821-2-x", 4821, "4821", 2, "issued", "CREATE",
                LedgerOutcome.ERP_UNREACHABLE, "the ERP did not answer", null, null, null, null);

        // when
        String json = coupaJson.writeValueAsString(MonitoringRequests.integrationError(unreachable, 901));

        // then
        assertThat(json).isEqualTo("{\"document-type\":\"OrderHeader\",\"document-id\":4821,"
                + "\"document-status\":\"issued\",\"contact-alert-type\":\"Technical\",\"status\":\"Error\","
                + "\"responses\":[{\"response-code\":\"Error-ERP-UNREACHABLE\",\"response-message\":\"the ERP did not "
                + "answer\"}],\"integration-run-id\":\"901\"}");
    }

    private static UnreportedOutcome accepted() {
        return new UnreportedOutcome("coupa-4821-2-x", 4821, "4821", 2, "issued", "CREATE", LedgerOutcome.ACCEPTED, null,
                201, "ERP-77", CoupaMark.MARKED, null);
    }
}
