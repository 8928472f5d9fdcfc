package io.github.coupapoexport.mapping;

import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder.Code;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;

import static io.github.coupapoexport.mapping.LineBuilder.quantityLine;

/** A valid issued PO with one quantity line, in Coupa's shape, to change one thing at a time. */
final class PoBuilder {

    static PoBuilder po() {
        return new PoBuilder();
    }

    private String poNumber = "PO-4821";

    private Integer version = 2;

    private String status = "issued";

    private String updatedAt = "2026-03-05T11:02:44-08:00";

    private String currency = "USD";

    private String total = "250.00";

    private CoupaPurchaseOrder.Supplier supplier = new CoupaPurchaseOrder.Supplier("Acme Industrial", "SUP-0077");

    private String paymentTerm = "Net 45";

    private CoupaPurchaseOrder.User requester;

    private final List<LineBuilder> lines = new ArrayList<>();

    private boolean defaultLine = true;

    PoBuilder poNumber(String value) {
        poNumber = value;
        return this;
    }

    PoBuilder version(Integer value) {
        version = value;
        return this;
    }

    PoBuilder status(String value) {
        status = value;
        return this;
    }

    PoBuilder updatedAt(String value) {
        updatedAt = value;
        return this;
    }

    PoBuilder currency(String value) {
        currency = value;
        return this;
    }

    PoBuilder total(String value) {
        total = value;
        return this;
    }

    PoBuilder supplier(String name, String number) {
        supplier = new CoupaPurchaseOrder.Supplier(name, number);
        return this;
    }

    PoBuilder noSupplier() {
        supplier = null;
        return this;
    }

    PoBuilder paymentTerm(String value) {
        paymentTerm = value;
        return this;
    }

    PoBuilder requester(String login) {
        requester = new CoupaPurchaseOrder.User(login);
        return this;
    }

    PoBuilder line(LineBuilder line) {
        if (defaultLine) {
            defaultLine = false;
        }
        lines.add(line);
        return this;
    }

    /** A null where Coupa's list of lines should have a line. */
    PoBuilder emptyLine() {
        defaultLine = false;
        lines.add(null);
        return this;
    }

    PoBuilder noLines() {
        defaultLine = false;
        lines.clear();
        return this;
    }

    CoupaPurchaseOrder build() {
        List<LineBuilder> all = defaultLine ? List.of(quantityLine(15001, "1")) : lines;
        return new CoupaPurchaseOrder(4821L, poNumber, version, status, updatedAt, false,
                currency == null ? null : new Code(currency), total, supplier,
                paymentTerm == null ? null : new Code(paymentTerm),
                new CoupaPurchaseOrder.Address("HQ Dock", "250 Sycamore Ave", "", "Redwood City", "CA", "94063",
                        new Code("US")),
                new CoupaPurchaseOrder.User("jdoe"), requester, all.stream().map(line -> line == null ? null : line.build()).toList());
    }
}

