package io.github.coupapoexport.mapping;

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

    Line build() {
        return new Line(id, lineNum, type, "Item " + id, quantity, price, total, uom == null ? null : new Code(uom),
                needBy, new Code("01-100-8000"), new CoupaPurchaseOrder.Named("Safety Equipment"), deletedAt);
    }
}
