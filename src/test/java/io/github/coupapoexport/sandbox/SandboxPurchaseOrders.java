package io.github.coupapoexport.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;

import static io.github.coupapoexport.sandbox.CoupaPo.po;

/**
 * Thirty POs as a buyer's Coupa would hold them on the first day of the integration, and the changes buyers make
 * before the next run: a new version with a deleted line, a cancellation, a close, and a supplier number fixed.
 * Accounts carry their segments, and one line is split over two accounts.
 */
final class SandboxPurchaseOrders {

    static final long CHANGED = 4821;

    static final long CANCELED_LATER = 4822;

    static final long CLOSED_LATER = 4823;

    static final long NO_SUPPLIER_NUMBER = 4826;

    static final String BLOCKED_SUPPLIER = "SUP-0666";

    private static final String[][] SUPPLIERS = {
        {"Acme Industrial", "SUP-0077"}, {"Globex Corporation", "SUP-0012"}, {"Initrode Office Supply", "SUP-0140"},
        {"Umbrella Safety Co", "SUP-0211"}, {"Stark Facilities Services", "SUP-0305"}};

    private static final String[][] CATALOGUE = {
        {"Safety gloves, L", "EA", "5.00"}, {"Toner cartridge HP 59A", "EA", "42.00"}, {"Copy paper A4, 5 reams", "BX", "23.90"},
        {"Hard hat, white", "each", "18.50"}, {"Nitrile gloves, M", "box", "12.75"}, {"Ear defenders", "EA", "24.00"},
        {"Hi-vis vest, XL", "EA", "7.80"}, {"Cleaning supplies", "KG", "3.20"}};

    private SandboxPurchaseOrders() {
    }

    /** Coupa's default account with its segments (company, cost center, G/L account), as a dynamic chart has them. */
    private static Line charged(Line line) {
        return line.account("01-100-8000", "01", "100", "8000");
    }

    static List<CoupaPo> firstDay() {
        List<CoupaPo> pos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = 4801 + i;
            String[] supplier = SUPPLIERS[i % SUPPLIERS.length];
            CoupaPo po = po(id).supplier(supplier[0], supplier[1])
                .updatedAt(String.format("2026-11-2%dT0%d:15:00-08:00", 1 + i % 3, 1 + i % 8))
                .paymentTerm(i % 3 == 0 ? "Net 30" : "Net 45");
            for (int l = 0; l <= i % 3; l++) {
                String[] item = CATALOGUE[(i + l) % CATALOGUE.length];
                po.line(charged(Line.quantity(id * 10 + l, String.valueOf(l + 1), item[0],
                        String.valueOf(5 + (i * 7 + l) % 40), item[2], item[1])));
            }
            pos.add(po);
        }
        pos.add(po(CHANGED).updatedAt("2026-11-20T09:20:11-08:00")
            .line(charged(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA").total("250.00")))
            .line(Line.amount(15002, "2", "Installation service", "1000.00").account("01-100-8100", "01", "100", "8100")
                .commodity("Services"))
            .line(charged(Line.quantity(15003, "3", "Hard hat, white", "10", "18.50", "each").total("185.00"))));
        pos.add(po(CANCELED_LATER).supplier("Globex Corporation", "SUP-0012")
            .line(charged(Line.quantity(15101, "1", "Toner cartridge HP 59A", "10.0", "42.00", "EA"))));
        pos.add(po(CLOSED_LATER).supplier("Initrode Office Supply", "SUP-0140")
            .line(charged(Line.quantity(15201, "1", "Copy paper A4, 5 reams", "40", "23.90", "BX"))));
        pos.add(po(4824).exported(true).line(charged(Line.quantity(15301, "1", "Ear defenders", "5", "24.00", "EA"))));
        pos.add(po(4825).status("draft")
            .line(charged(Line.quantity(15401, "1", "Hi-vis vest, XL", "12", "7.80", "EA"))));
        pos.add(po(NO_SUPPLIER_NUMBER).supplier("Northwind Traders", null)
            .line(charged(Line.quantity(15501, "1", "Cleaning supplies", "25", "3.20", "KG"))));
        pos.add(po(4827).supplier("Initech", BLOCKED_SUPPLIER)
            .line(charged(Line.amount(15601, "1", "Printer maintenance contract", "1800.00").commodity("Services"))));
        pos.add(po(4828).status("cancelled").supplier("Stark Facilities Services", "SUP-0305")
            .line(charged(Line.amount(15701, "1", "Window cleaning, Q4", "640.00").commodity("Services"))));
        pos.add(po(4829).paymentTerm("2% 10 Net 30").supplier("Stark Facilities Services", "SUP-0305")
            .line(Line.amount(15801, "1", "Office move, labour", "4200.00").commodity("Services")
                .allocation("60", "2520.00", "01-100-8100", "01", "100", "8100")
                .allocation("40", "1680.00", "02-200-8100", "02", "200", "8100"))
            .line(charged(Line.amount(15802, "2", "Office move, crates", "350.00").commodity("Services"))));
        pos.add(po(4830).currency("EUR").supplier("Umbrella Safety Co", "SUP-0211")
            .shipTo("Lyon Warehouse", "12 Rue de la Republique", "Lyon", null, "69002", "FR")
            .line(charged(Line.quantity(15901, "1", "Nitrile gloves, M", "30", "12.75", "box"))));
        return pos;
    }

    /** What buyers do in Coupa between the two sandbox runs. */
    @SuppressWarnings("unchecked")
    static void buyersChangeTheirPos(FakeCoupa coupa) {
        coupa.change(CHANGED, "2026-11-24T11:02:44-08:00", po -> {
            po.put("version", 2);
            List<Map<String, Object>> lines = (List<Map<String, Object>>) po.get("order-lines");
            lines.get(0).put("quantity", "60.0");
            lines.get(0).put("total", "300.00");
            lines.get(1).put("deleted-at", "2026-11-24T11:02:40-08:00");
            lines.remove(2);
            lines.add(Map.of("id", 15007, "line-num", "4", "type", "OrderQuantityLine", "description", "Safety glasses",
                    "quantity", "20.0", "price", "5.00", "total", "100.00", "uom", Map.of("code", "EA")));
        });
        coupa.change(CANCELED_LATER, "2026-11-24T08:45:00-08:00", po -> po.put("status", "cancelled"));
        coupa.change(CLOSED_LATER, "2026-11-24T09:10:00-08:00", po -> po.put("status", "closed"));
        coupa.change(NO_SUPPLIER_NUMBER, "2026-11-24T10:30:00-08:00",
                po -> ((Map<String, Object>) po.get("supplier")).put("number", "SUP-0450"));
    }
}
