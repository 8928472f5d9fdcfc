package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import io.github.coupapoexport.sandbox.FakeSap;
import tools.jackson.databind.JsonNode;

/** SAP with its own numbers: a Coupa PO's document is the SAP PO whose "Your Reference" is its number. */
final class SapErpUnderTest implements ErpUnderTest {

    private final FakeSap sap;

    private boolean refused;

    /** Against a fake SAP of its own, started on 127.0.0.1, that gives its own numbers. */
    SapErpUnderTest() {
        try {
            this.sap = new FakeSap(false).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public List<String> settings() {
        List<String> settings = sap.settings();
        if (refused) {
            settings.add("--erp.sap.password=not-" + FakeSap.PASSWORD);
        }
        return settings;
    }

    @Override
    public String maxRetries(int retries) {
        return "--erp.sap.retry.max-retries=" + retries;
    }

    @Override
    public int documentsFor(String poNumber) {
        return held(poNumber).size();
    }

    @Override
    public BigDecimal quantityHeld(String poNumber, String lineNumber) {
        String itemNumber = String.valueOf(Integer.parseInt(lineNumber) * 10);
        for (JsonNode po : held(poNumber)) {
            for (JsonNode item : po.path("to_PurchaseOrderItem")) {
                if (item.path("PurchaseOrderItem").asString("").equals(itemNumber)) {
                    return new BigDecimal(item.path("OrderQuantity").asString());
                }
            }
        }
        return null;
    }

    /** SAP's fake loses the answer to its next create: this PO's when the job sends one PO at a time. */
    @Override
    public void applyAndLoseTheAnswer(String poNumber) {
        sap.loseNextCreateAnswer();
    }

    @Override
    public void failNextCalls(int times) {
        sap.failNext(503, times);
    }

    /** SAP refuses a supplier number over its 10 characters with its own error body. */
    @Override
    public String rejectSupplier(String supplierNumber) {
        if (supplierNumber.length() <= 10) {
            throw new IllegalArgumentException("SAP's fake refuses only supplier numbers over 10 characters");
        }
        return "Value '" + supplierNumber + "' of property 'Supplier' exceeds the maximum length of 10";
    }

    @Override
    public void refuseCredentials(boolean refuse) {
        refused = refuse;
    }

    @Override
    public void close() {
        sap.stop();
    }

    private List<JsonNode> held(String poNumber) {
        return sap.purchaseOrders().values().stream()
            .filter(po -> po.path("CorrespncExternalReference").asString("").equals(poNumber)).toList();
    }
}
