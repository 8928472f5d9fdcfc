package io.github.coupapoexport.foundation;

import java.nio.charset.StandardCharsets;

/**
 * The one way this job shortens text for a log line, a message, a Coupa field or a database column, so that an odd or
 * long value from Coupa or the ERP never fails the place it is written to, and every cut looks the same.
 */
public final class Texts {

    /** How a cut text ends. */
    static final String MORE = "...";

    private Texts() {
    }

    /** At most {@code maxLength} characters: a longer text is cut and ends with {@code ...} within them. */
    public static String fit(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength - MORE.length()) + MORE;
    }

    /** The first {@code length} characters, and {@code ...} after them when there was more. */
    public static String clip(String text, int length) {
        return text.length() > length ? text.substring(0, length) + MORE : text;
    }

    /** Control characters shown as {@code ?}, so that a value can go into a log line or a reason. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        return text.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    }

    /** Every run of white space as one space, and none at the ends: an answer's body on one line. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** An answer's body as a reason may quote it: on one line, its first {@code length} characters. */
    public static String bodySnippet(byte[] body, int length) {
        String text = oneLine(new String(body, StandardCharsets.UTF_8));
        return text.isEmpty() ? "(no message)" : clip(text, length);
    }
}
