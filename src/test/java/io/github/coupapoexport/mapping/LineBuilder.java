package io.github.coupapoexport.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder.Account;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder.Allocation;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder.Code;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder.Line;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;

/** A valid quantity line in Coupa's shape. */
final class LineBuilder {

    static LineBuilder quantityLine(long id, String lineNum) {
        return new LineBuilder(id, lineNum);
    }

    static LineBuilder amountLine(long id, String lineNum) {
        return new LineBuilder(id, lineNum).type("OrderAmountLine").quantity(null).uom(null).price("1000.00")
            .total("1000.00");
    }

    private final Long id;

    private final String lineNum;

    private String type = "OrderQuantityLine";

    private String quantity = "50.0";

    private String price = "5.00";

    private String total = "250.00";

    private String uom = "EA";

    private String needBy = "2026-03-20T00:00:00-07:00";

    private String deletedAt;

    private Account account = Account.of("01-100-8000");

    private List<Allocation> allocations;

    LineBuilder(Long id, String lineNum) {
        this.id = id;
        this.lineNum = lineNum;
    }

    LineBuilder type(String value) {
        type = value;
        return this;
    }

    LineBuilder quantity(String value) {
        quantity = value;
        return this;
    }

    LineBuilder price(String value) {
        price = value;
        return this;
    }

    LineBuilder total(String value) {
        total = value;
        return this;
    }

    LineBuilder uom(String value) {
        uom = value;
        return this;
    }

    LineBuilder needBy(String value) {
        needBy = value;
        return this;
    }

    LineBuilder deletedAt(String value) {
        deletedAt = value;
        return this;
    }

    /** The line's one account, with segments 1, 2, ... (a null is a segment left empty). */
    LineBuilder account(String code, String... segments) {
        account = Account.segmented(code, Arrays.asList(segments));
        return this;
    }

    /** A share of split accounting, charged to an account with segments 1, 2, ... */
    LineBuilder allocation(String pct, String amount, String code, String... segments) {
        return allocation(new Allocation(pct, amount, code == null && segments.length == 0 ? null
                : Account.segmented(code, Arrays.asList(segments))));
    }

    /** A share as Coupa may send it, a null one included. */
    LineBuilder allocation(Allocation allocation) {
        if (allocations == null) {
            allocations = new ArrayList<>();
        }
        allocations.add(allocation);
        return this;
    }

    Line build() {
        return new Line(id, lineNum, type, "Item " + id, quantity, price, total, uom == null ? null : new Code(uom),
                needBy, account, new CoupaPurchaseOrder.Named("Safety Equipment"), deletedAt, allocations);
    }

}
