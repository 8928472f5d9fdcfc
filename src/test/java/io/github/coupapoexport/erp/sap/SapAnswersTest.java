package io.github.coupapoexport.erp.sap;

import java.nio.charset.StandardCharsets;

import io.github.coupapoexport.erp.ErpAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SAP's own words reach the PO's outcome or the log, whatever shape SAP or something in front of it gives them. */
@ExtendWith(OutputCaptureExtension.class)
class SapAnswersTest {

    private static final String CALL = "POST https://s4.example.com/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV"
            + "/A_PurchaseOrder";

    private final SapAnswers answers = new SapAnswers(JsonMapper.builder().build());

    @Test
    void rejectionCarriesTheMessageAndEveryDetailOnce() {
        // given SAP's error body, its main message repeated among the details
        String body = """
                {"error": {"code": "ME/083", "message": {"lang": "en", "value": "Enter a plant"},
                 "innererror": {"errordetails": [
                   {"code": "ME/083", "message": "Enter a plant", "propertyref": "", "severity": "error"},
                   {"code": "06/045", "message": "Supplier 9000123 is blocked", "propertyref": "", "severity": "error"}
                 ]}}}""";

        // when
        ErpAnswer answer = answers.failed(response(422, body, new HttpHeaders())).answer();

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(422, "Enter a plant; Supplier 9000123 is blocked"));
    }

    @Test
    void rejectionWithoutSapsErrorBodyCarriesTheBodysText() {
        // when
        ErpAnswer answer = answers.failed(response(400, "<html>\n  Bad   request\n</html>", new HttpHeaders()))
            .answer();

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(400, "<html> Bad request </html>"));
    }

    @Test
    void successWithoutSapsJsonIsAskedAgain() {
        assertThatThrownBy(() -> answers.data(response(200, "<html>Sign in</html>", new HttpHeaders())))
            .isInstanceOf(SapAnswers.Transient.class)
            .hasMessage(CALL + " answered HTTP 200 without SAP's {\"d\": ...}: <html>Sign in</html>");
    }

    @Test
    void sapsWarningsOnASuccessAreLogged(CapturedOutput output) {
        // given
        HttpHeaders headers = new HttpHeaders();
        headers.set("sap-message", """
                {"code": "06/862", "message": "Delivery date is in the past", "severity": "warning",
                 "details": [{"code": "ME/664", "message": "Price is lower than the last price",
                              "severity": "info"}]}""");

        // when
        answers.logWarnings(response(201, "{\"d\": {}}", headers), "4821");

        // then
        assertThat(output.getOut()).contains("SAP says of PO 4821 (warning): Delivery date is in the past; Price is"
                + " lower than the last price");
    }

    private static SapResponse response(int status, String body, HttpHeaders headers) {
        return new SapResponse(CALL, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
