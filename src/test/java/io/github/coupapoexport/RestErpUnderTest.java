package io.github.coupapoexport;

import java.math.BigDecimal;
import java.util.List;

import io.github.coupapoexport.sandbox.FakeErp.Applied;
import io.github.coupapoexport.sandbox.FakeErp;
import tools.jackson.databind.JsonNode;

/** The REST contract's ERP: it holds a document per CREATE it applied, and knows the keys it applied. */
record RestErpUnderTest(FakeErp erp) implements ErpUnderTest {

    @Override
    public List<String> settings() {
        // Shorter than the fake's late answer, so that a lost answer is a timeout.
        return List.of("--erp.read-timeout=2s");
    }

    @Override
    public String maxRetries(int retries) {
        return "--erp.retry.max-retries=" + retries;
    }

    @Override
    public int documentsFor(String poNumber) {
        return (int) applied(poNumber).stream().filter(applied -> applied.action().equals("CREATE")).count();
    }

    @Override
    public BigDecimal quantityHeld(String poNumber, String lineNumber) {
        // What the ERP holds is what the last document it applied for the PO says.
        List<Applied> applied = applied(poNumber);
        JsonNode last = applied.isEmpty() ? null : applied.get(applied.size() - 1).document();
        for (JsonNode line : last == null ? List.<JsonNode>of() : last.get("lines")) {
            if (line.get("lineNumber").asString().equals(lineNumber)) {
                return new BigDecimal(line.get("quantity").asString());
            }
        }
        return null;
    }

    @Override
    public void applyAndLoseTheAnswer(String poNumber) {
        erp.applyThenTimeOut(poNumber, 1);
    }

    @Override
    public void failNextCalls(int times) {
        erp.failNext(503, times);
    }

    @Override
    public String rejectSupplier(String supplierNumber) {
        String message = "Supplier " + supplierNumber + " is blocked for purchasing";
        erp.rejectSupplier(supplierNumber, message);
        return message;
    }

    @Override
    public void refuseCredentials(boolean refuse) {
        if (refuse) {
            erp.answerEveryDocument(401, "application/json", "{\"error\": \"invalid_token\"}");
        }
        else {
            erp.answerNormally();
        }
    }

    @Override
    public void close() {
        // The harness stops the fake ERP with the fake Coupa.
    }

    private List<Applied> applied(String poNumber) {
        return erp.applied().stream().filter(applied -> applied.poNumber().equals(poNumber)).toList();
    }
}
