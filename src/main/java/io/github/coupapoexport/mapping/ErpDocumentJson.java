package io.github.coupapoexport.mapping;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ERP document's one JSON form: what the REST adapter posts, what the ledger keeps and compares, and what the dry
 * run writes. Money and quantities are strings in the document, so that a document read back and written again is
 * the same text.
 */
public final class ErpDocumentJson {

    private static final TypeReference<List<ErpPurchaseOrder.Line>> LINES = new TypeReference<>() {
    };

    /** Immutable. Older ledger rows hold only each line's id and number: a missing {@code deleted} reads as false. */
    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private ErpDocumentJson() {
    }

    public static String write(ErpPurchaseOrder document) {
        return JSON.writeValueAsString(document);
    }

    /** The same JSON, indented for a person to read (the dry run's files). */
    public static String writeIndented(ErpPurchaseOrder document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    public static ErpPurchaseOrder read(String document) {
        return JSON.readValue(document, ErpPurchaseOrder.class);
    }

    public static String writeLines(List<ErpPurchaseOrder.Line> lines) {
        return JSON.writeValueAsString(lines);
    }

    public static List<ErpPurchaseOrder.Line> readLines(String lines) {
        return JSON.readValue(lines, LINES);
    }

    /** Whether two documents kept as JSON hold the same but for their action (a CREATE, now an UPDATE). */
    public static boolean sameContentButAction(@Nullable String held, String now) {
        if (held == null) {
            return false;
        }
        // Both read from text, so that numbers compare as the same kind of node.
        JsonNode heldTree = JSON.readTree(held);
        JsonNode nowTree = JSON.readTree(now);
        if (heldTree instanceof ObjectNode heldObject && nowTree instanceof ObjectNode nowObject) {
            heldObject.remove("action");
            nowObject.remove("action");
            return heldObject.equals(nowObject);
        }
        return false;
    }
}
