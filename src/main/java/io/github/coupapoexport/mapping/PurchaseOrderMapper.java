package io.github.coupapoexport.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;

/**
 * Turns a Coupa PO into the ERP document (README "The REST ERP adapter"), or into the list of everything a buyer has to fix
 * before it can become one. A pure function of the PO, what the ERP accepted last time, and the value maps.
 */
public class PurchaseOrderMapper {

    static final String QUANTITY = "QUANTITY";

    static final String AMOUNT = "AMOUNT";

    /** How much of a value a reason quotes: enough to find it in Coupa. */
    static final int QUOTED_LENGTH = 40;

    private final ValueMaps valueMaps;

    public PurchaseOrderMapper(ValueMaps valueMaps) {
        this.valueMaps = valueMaps;
    }

    /**
     * @param po the PO as Coupa returned it; its id is known (the reader refuses POs without one)
     * @param previous what the ERP accepted for this PO before, if anything
     */
    public PurchaseOrderExport map(CoupaPurchaseOrder po, Optional<PreviousExport> previous) {
        if (!po.readable()) {
            return new InvalidPurchaseOrder(snapshot(po, Problems.ignored()),
                    List.of("Coupa's answer for it cannot be read: " + po.unreadable()));
        }
        Problems problems = new Problems();
        PurchaseOrderSnapshot snapshot = snapshot(po, problems);

        String status = po.status() == null ? null : po.status().trim().toLowerCase(Locale.ROOT);
        if (status == null || status.isEmpty()) {
            problems.add("it has no status");
        }
        String currency = po.currency() == null ? null : blankToNull(po.currency().code());
        if (currency == null) {
            problems.add("it has no currency");
        }
        ErpPurchaseOrder.Supplier supplier = supplier(po, problems);
        List<ErpPurchaseOrder.Line> lines = lines(po, previous, problems);
        BigDecimal total = problems.decimal(po.total(), "the PO total");

        if (!problems.isEmpty()) {
            return new InvalidPurchaseOrder(snapshot, problems.list());
        }
        if (total == null) {
            total = lines.stream().filter(line -> !line.deleted() && line.amount() != null)
                .map(line -> new BigDecimal(line.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        ErpPurchaseOrder document = new ErpPurchaseOrder("coupa", po.id(), po.poNumber(), po.version(),
                action(status, previous), status, currency, Decimals.money(total), supplier,
                valueMaps.paymentTerm(po.paymentTerm() == null ? null : blankToNull(po.paymentTerm().code())),
                shipTo(po.shipToAddress()), requester(po), lines);
        return new ReadyForErp(snapshot, document);
    }

    static ErpAction action(String status, Optional<PreviousExport> previous) {
        return switch (status) {
            case "canceled", "cancelled" -> ErpAction.CANCEL;
            case "closed", "soft_closed" -> ErpAction.CLOSE;
            default -> previous.isPresent() ? ErpAction.UPDATE : ErpAction.CREATE;
        };
    }

    private static PurchaseOrderSnapshot snapshot(CoupaPurchaseOrder po, Problems problems) {
        String poNumber = blankToNull(po.poNumber());
        if (poNumber == null) {
            problems.add("it has no PO number");
        }
        if (po.version() == null) {
            problems.add("it has no version");
        }
        OffsetDateTime updatedAt = null;
        if (blankToNull(po.updatedAt()) == null) {
            problems.add("it has no updated-at time");
        }
        else {
            try {
                updatedAt = OffsetDateTime.parse(po.updatedAt().trim());
            }
            catch (DateTimeParseException ex) {
                problems.add("its updated-at time " + quoted(po.updatedAt()) + " is not an ISO date and time");
            }
        }
        return new PurchaseOrderSnapshot(po.id(), poNumber, po.version(), updatedAt, po.status(),
                PurchaseOrderSnapshot.idempotencyKey(po.id(), po.version(), po.updatedAt()));
    }

    private static ErpPurchaseOrder.Supplier supplier(CoupaPurchaseOrder po, Problems problems) {
        if (po.supplier() == null) {
            problems.add("it has no supplier");
            return null;
        }
        String number = blankToNull(po.supplier().number());
        if (number == null) {
            problems.add("supplier " + quoted(po.supplier().name()) + " has no supplier number in Coupa");
        }
        return new ErpPurchaseOrder.Supplier(number, po.supplier().name());
    }

    private List<ErpPurchaseOrder.Line> lines(CoupaPurchaseOrder po, Optional<PreviousExport> previous,
            Problems problems) {
        List<CoupaPurchaseOrder.Line> coupaLines = po.orderLines() == null ? List.of() : po.orderLines();
        if (coupaLines.isEmpty()) {
            problems.add("it has no lines");
        }
        List<ErpPurchaseOrder.Line> lines = new ArrayList<>();
        Set<Long> returnedIds = new HashSet<>();
        for (int i = 0; i < coupaLines.size(); i++) {
            CoupaPurchaseOrder.Line line = coupaLines.get(i);
            if (line == null) {
                problems.add("the line at position " + (i + 1) + " is empty");
                continue;
            }
            String name = blankToNull(line.lineNum()) == null ? "the line at position " + (i + 1)
                    : "line " + PurchaseOrderSnapshot.printable(line.lineNum(), QUOTED_LENGTH);
            if (line.id() == null) {
                problems.add(name + " has no Coupa line id");
                continue;
            }
            returnedIds.add(line.id());
            boolean deleted = blankToNull(line.deletedAt()) != null;
            // A deleted line only has to be identified for the ERP; what else it carries is not checked.
            Problems lineProblems = deleted ? Problems.ignored() : problems;
            lines.add(line(line, name, deleted, lineProblems));
        }
        // A line the ERP holds from last time that Coupa no longer returns at all is gone: send it as deleted, with the
        // values the ERP holds for it, since an ERP that validates the whole document refuses a line without them.
        previous.map(PreviousExport::lines).orElse(List.of()).stream()
            .filter(sent -> !returnedIds.contains(sent.coupaLineId()))
            .forEach(sent -> lines.add(sent.asDeleted()));
        return lines;
    }

    private ErpPurchaseOrder.Line line(CoupaPurchaseOrder.Line line, String name, boolean deleted, Problems problems) {
        String type = lineType(line, name, problems);
        BigDecimal quantity = problems.decimal(line.quantity(), name + " quantity");
        BigDecimal price = problems.decimal(line.price(), name + " price");
        BigDecimal total = problems.decimal(line.total(), name + " total");
        BigDecimal amount = total;
        String uom = line.uom() == null ? null : blankToNull(line.uom().code());
        if (QUANTITY.equals(type)) {
            if (quantity == null && blankToNull(line.quantity()) == null) {
                problems.add(name + " is a quantity line without a quantity");
            }
            if (price == null && blankToNull(line.price()) == null) {
                problems.add(name + " has no price");
            }
            if (amount == null && quantity != null && price != null) {
                // Both factors fit, so the product is cheap; its decimals beyond what an ERP holds are rounded, not
                // refused: 1.2345 x 0.1234567 is a price the buyer entered, not a PO to fix.
                amount = quantity.multiply(price).setScale(Math.min(quantity.scale() + price.scale(),
                        Decimals.MAX_FRACTION_DIGITS), RoundingMode.HALF_UP);
                if (!Decimals.fits(amount)) {
                    problems.add(name + " quantity times price is " + quoted(amount.toPlainString())
                            + ", not a number an ERP can hold" + Problems.BOUNDS);
                    amount = null;
                }
            }
        }
        else if (AMOUNT.equals(type)) {
            // An amount line has no quantity or unit of measure in the ERP, whatever Coupa carries.
            quantity = null;
            uom = null;
            if (price == null && amount == null && blankToNull(line.price()) == null
                    && blankToNull(line.total()) == null) {
                problems.add(name + " is an amount line without a price or total");
            }
            if (price == null) {
                price = amount;
            }
            if (amount == null) {
                amount = price;
            }
        }
        AccountMapping.Charged charged = AccountMapping.charged(line, name, amount, problems);
        return new ErpPurchaseOrder.Line(
                blankToNull(line.lineNum()),
                line.id(),
                type,
                line.description(),
                Decimals.quantity(quantity),
                valueMaps.unitOfMeasure(uom),
                Decimals.money(price),
                Decimals.money(amount),
                date(line.needByDate(), name + " need-by date", problems),
                charged.code(),
                charged.segments(),
                charged.allocations(),
                line.commodity() == null ? null : blankToNull(line.commodity().name()),
                deleted);
    }

    private static String lineType(CoupaPurchaseOrder.Line line, String name, Problems problems) {
        if (line.type() == null || line.type().isBlank()) {
            // Coupa always sends the type; without it, a quantity is what tells the two kinds apart.
            return blankToNull(line.quantity()) != null ? QUANTITY : AMOUNT;
        }
        return switch (line.type().trim()) {
            case "OrderQuantityLine" -> QUANTITY;
            case "OrderAmountLine" -> AMOUNT;
            default -> {
                problems.add(name + " has type " + quoted(line.type())
                        + ", which is neither OrderQuantityLine nor OrderAmountLine");
                yield null;
            }
        };
    }

    private static LocalDate date(String value, String what, Problems problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            // Coupa sends need-by dates as midnight in the buyer's zone; the date is what that zone calls the day.
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        }
        catch (DateTimeParseException ex) {
            problems.add(what + " " + quoted(value) + " is not a date");
            return null;
        }
    }

    private static ErpPurchaseOrder.ShipTo shipTo(CoupaPurchaseOrder.Address address) {
        if (address == null) {
            return null;
        }
        return new ErpPurchaseOrder.ShipTo(address.name(), address.street1(), blankToNull(address.street2()),
                address.city(), address.state(), address.postalCode(),
                address.country() == null ? null : address.country().code());
    }

    private static String requester(CoupaPurchaseOrder po) {
        if (po.requester() != null && blankToNull(po.requester().login()) != null) {
            return po.requester().login();
        }
        return po.shipToUser() == null ? null : blankToNull(po.shipToUser().login());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A value of Coupa's in a reason: quoted, short, and with any control character shown as {@code ?}. */
    static String quoted(String value) {
        return "'" + PurchaseOrderSnapshot.printable(value, QUOTED_LENGTH) + "'";
    }
}
