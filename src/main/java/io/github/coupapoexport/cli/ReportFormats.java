package io.github.coupapoexport.cli;

import java.time.format.DateTimeFormatter;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the reports of {@code status} and {@code failures} write times for a person and JSON for a script. */
final class ReportFormats {

    /** A time in a table: to the second, without a zone. */
    static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private ReportFormats() {
    }

    /** The value as indented JSON with kebab-case keys, as every {@code --json} writes it. */
    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
