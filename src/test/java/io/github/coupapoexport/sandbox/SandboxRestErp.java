package io.github.coupapoexport.sandbox;

import java.util.List;

import io.github.coupapoexport.sandbox.FakeErp.Received;
import tools.jackson.databind.JsonNode;

/** The REST contract's fake ERP in the sandbox: it blocks one supplier, and the run prints every document it got. */
final class SandboxRestErp implements SandboxErp {

    private final FakeErp erp = new FakeErp();

    SandboxRestErp() {
        erp.startServer();
        erp.rejectSupplier(SandboxPurchaseOrders.BLOCKED_SUPPLIER,
                "Supplier " + SandboxPurchaseOrders.BLOCKED_SUPPLIER + " is blocked for purchasing in the ERP");
    }

    @Override
    public List<String> settings() {
        return List.of("--erp.base-url=" + erp.baseUrl());
    }

    @Override
    public void beforeRun() {
        erp.server().resetRequests();
    }

    @Override
    public void printAfterRun() {
        System.out.println("The ERP received:");
        for (Received received : erp.received()) {
            System.out.println("  " + describe(received));
        }
    }

    @Override
    public void stop() {
        erp.stopServer();
    }

    private static String describe(Received received) {
        JsonNode document = received.document();
        long deleted = 0;
        long live = 0;
        for (JsonNode line : document.get("lines")) {
            if (line.get("deleted").asBoolean()) {
                deleted++;
            }
            else {
                live++;
            }
        }
        String answer = received.status() == FakeErp.Received.NO_ANSWER ? "no answer" : "HTTP " + received.status();
        return String.format("PO %-5s rev %d %-6s %-8s %s %10s, %d line(s)%s  -> %s   [Idempotency-Key %s]",
                received.poNumber(), document.get("revision").asInt(), received.action(),
                document.get("supplier").get("number").asString(), document.get("currency").asString(),
                document.get("total").asString(), live, deleted == 0 ? "" : " + " + deleted + " deleted", answer,
                received.idempotencyKey());
    }
}
