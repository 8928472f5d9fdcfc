package io.github.coupapoexport.report;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text from the data as HTML may hold it. PO numbers come from Coupa and reasons from Coupa or the ERP: anyone who can
 * type into either could otherwise put markup, or a script, into a page an operator opens.
 */
final class Html {

    /** A time in a table: to the second, as {@code status} and {@code failures} print it. */
    static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Html() {
    }

    /** The value escaped for an element's text or a quoted attribute; null as "-", as the other reports show it. */
    static String text(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A word from the data as a CSS class: only lower-case letters, digits and dashes survive. */
    static String cssClass(String word) {
        return word == null ? "none" : word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
