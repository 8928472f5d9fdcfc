package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The fake SAP S/4HANA in the sandbox ({@code --erp.type=sap-s4hana}), with SAP's own numbers. The sandbox's Coupa
 * codes are longer than SAP's fields (payment term "Net 45", account 01-100-8000), so the run maps them as an SAP
 * deployment would: SAP-style value maps, and the account's third segment as the G/L account, its second as the
 * cost center. After each run it prints what SAP holds: POs, items, account assignments, deletion and completion.
 */
final class SandboxSapErp implements SandboxErp {

    private final FakeSap sap;

    private int callsBefore;

    SandboxSapErp() throws IOException {
        sap = new FakeSap(false).start();
    }

    @Override
    public List<String> settings() {
        // The sandbox's own arguments choose the type: given twice, Spring would read it as a list.
        List<String> settings = new ArrayList<>(sap.settings().stream()
            .filter(setting -> !setting.startsWith("--erp.type="))
            .toList());
        settings.addAll(List.of("--erp.sap.account-segments.gl-account=segment-3",
                "--erp.sap.account-segments.cost-center=segment-2", "--export.value-maps=config/value-maps-sap.yml"));
        return settings;
    }

    @Override
    public void beforeRun() {
        callsBefore = sap.calls().size();
    }

    @Override
    public void printAfterRun() {
        List<String> calls = sap.calls().subList(callsBefore, sap.calls().size());
        Map<String, Integer> changes = new TreeMap<>();
        for (String call : calls) {
            if (!call.startsWith("GET")) {
                changes.merge(call.replaceAll("\\([^)]*\\)", ""), 1, Integer::sum);
            }
        }
        System.out.println("SAP was sent " + (changes.isEmpty() ? "no change" : changes) + ", and holds:");
        new TreeMap<>(sap.purchaseOrders()).forEach((number, po) -> {
            System.out.printf("  PO %s  Your Reference %-5s %-8s %s  payment terms %s%n", number,
                    po.path("CorrespncExternalReference").asString(""), po.path("Supplier").asString("-"),
                    po.path("DocumentCurrency").asString(""), po.path("PaymentTerms").asString("-"));
            for (JsonNode item : po.path("to_PurchaseOrderItem")) {
                System.out.printf("    item %-3s %-30s %6s %-3s at %8s  %s%s%n",
                        item.path("PurchaseOrderItem").asString(""), item.path("PurchaseOrderItemText").asString(""),
                        item.path("OrderQuantity").asString(""), item.path("PurchaseOrderQuantityUnit").asString(""),
                        item.path("NetPriceAmount").asString(""), accounts(item), flags(item));
            }
        });
    }

    @Override
    public void stop() {
        sap.stop();
    }

    /** Each account assignment as {@code G/L account/cost center}, with its share when the item is split. */
    private static String accounts(JsonNode item) {
        List<String> accounts = new ArrayList<>();
        for (JsonNode account : item.path("to_AccountAssignment")) {
            String share = account.path("MultipleAcctAssgmtDistrPercent").asString("");
            accounts.add(account.path("GLAccount").asString("-") + "/" + account.path("CostCenter").asString("-")
                    + (share.isEmpty() ? "" : " " + share + "%"));
        }
        return accounts.isEmpty() ? "no account" : "G/L/cost center " + String.join(" + ", accounts);
    }

    private static String flags(JsonNode item) {
        String deletion = item.path("PurchasingDocumentDeletionCode").asString("");
        return (deletion.isEmpty() ? "" : "  deletion code " + deletion)
                + (item.path("IsCompletelyDelivered").asBoolean(false) ? "  delivered" : "")
                + (item.path("IsFinallyInvoiced").asBoolean(false) ? "  finally invoiced" : "");
    }
}
