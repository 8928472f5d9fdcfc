package io.github.coupapoexport.coupa;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import io.github.coupapoexport.foundation.Texts;
import tools.jackson.core.JacksonException.Reference;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.util.TokenBuffer;

/**
 * One element of a page of POs, bound on its own so that one PO in an odd shape fails alone instead of failing the
 * page (and every rerun with it). It holds the PO, whole or {@linkplain CoupaPurchaseOrder#partlyRead read in part}
 * with the reason, or, when the element has no readable id and so can be neither recorded nor marked, no PO and a
 * snippet of it for the log.
 */
@JsonDeserialize(using = PageElement.Binding.class)
record PageElement(CoupaPurchaseOrder purchaseOrder, String snippet) {

    private static final int FOUND_LENGTH = 40;

    /** Binds with the page's own mapper (hyphenated keys), from a copy of the element, so a failure stays in it. */
    static final class Binding extends ValueDeserializer<PageElement> {

        @Override
        public PageElement deserialize(JsonParser page, DeserializationContext context) {
            // A broken stream (truncated JSON) fails here, outside the catch below: that is the page's fault.
            TokenBuffer element = context.bufferAsCopyOfValue(page);
            JsonNode tree;
            try (JsonParser parser = element.asParserOnFirstToken(context)) {
                CoupaPurchaseOrder po = context.readValue(parser, CoupaPurchaseOrder.class);
                if (po.id() != null) {
                    return new PageElement(po, null);
                }
                tree = tree(element, context);
            }
            catch (JacksonException unbound) {
                tree = tree(element, context);
                Long id = wholeNumber(tree.get("id"), Long.MAX_VALUE);
                if (id != null) {
                    return new PageElement(CoupaPurchaseOrder.partlyRead(id, text(tree.get("po-number")),
                            version(tree.get("version")), text(tree.get("status")), text(tree.get("updated-at")),
                            problem(unbound, tree)), null);
                }
            }
            return new PageElement(null, CoupaApi.snippet(tree.toString().getBytes(StandardCharsets.UTF_8)));
        }

        private static JsonNode tree(TokenBuffer element, DeserializationContext context) {
            try (JsonParser parser = element.asParserOnFirstToken(context)) {
                return context.readTree(parser);
            }
        }
    }

    /** In words: which field, what Coupa sent in it, and what belongs there. */
    static String problem(JacksonException unbound, JsonNode tree) {
        List<Reference> path = unbound.getPath();
        JsonNode found = tree;
        StringBuilder field = new StringBuilder();
        for (Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
                found = found == null ? null : found.get(step.getPropertyName());
            }
            else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
                found = found == null ? null : found.get(step.getIndex());
            }
        }
        if (field.isEmpty() || found == null) {
            String message = unbound.getOriginalMessage() == null ? unbound.getClass().getSimpleName()
                    : unbound.getOriginalMessage().lines().findFirst().orElse("");
            return "it is not a purchase order Jackson can read (" + clip(message, 200) + ")";
        }
        return "the field '" + field + "'" + lineNumber(path, tree) + " holds " + described(found) + " where "
                + expected(unbound) + " belongs";
    }

    /** Buyers know lines by number: {@code order-lines[2]} is told as {@code (line 3)} when Coupa sent one. */
    private static String lineNumber(List<Reference> path, JsonNode tree) {
        if (path.size() < 2 || !"order-lines".equals(path.get(0).getPropertyName()) || path.get(1).getIndex() < 0) {
            return "";
        }
        String lineNum = text(tree.path("order-lines").path(path.get(1).getIndex()).get("line-num"));
        return lineNum == null ? "" : " (line " + clip(lineNum, FOUND_LENGTH) + ")";
    }

    private static String described(JsonNode found) {
        if (found.isObject()) {
            return "an object";
        }
        if (found.isArray()) {
            return "a list";
        }
        if (found.isString()) {
            return "the text '" + clip(found.stringValue(), FOUND_LENGTH) + "'";
        }
        if (found.isNumber()) {
            return "the number " + clip(found.asString(), FOUND_LENGTH);
        }
        if (found.isBoolean()) {
            return "the value " + found.asBoolean();
        }
        return "nothing";
    }

    private static String expected(JacksonException unbound) {
        Class<?> target = unbound instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : unbound instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        if (target == null) {
            return "another kind of value";
        }
        if (target == String.class) {
            return "text";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number up to " + Integer.MAX_VALUE;
        }
        if (target == Long.class || target == long.class) {
            return "a whole number up to " + Long.MAX_VALUE;
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** As the binding would take it: a whole number, or text that is one, within {@code max}; else null. */
    private static Long wholeNumber(JsonNode node, long max) {
        Long value = null;
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        }
        else if (node != null && node.isString()) {
            try {
                value = Long.parseLong(node.stringValue().trim());
            }
            catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return value != null && value >= -max && value <= max ? value : null;
    }

    private static Integer version(JsonNode node) {
        Long version = wholeNumber(node, Integer.MAX_VALUE);
        return version == null ? null : version.intValue();
    }

    private static String text(JsonNode node) {
        return node != null && (node.isString() || node.isNumber()) ? node.asString() : null;
    }

    /** Short, on one line, and without control characters, so that it can go into a log line or a reason. */
    private static String clip(String value, int length) {
        return Texts.clip(Texts.printable(value), length);
    }
}
