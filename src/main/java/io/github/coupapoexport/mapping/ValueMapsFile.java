package io.github.coupapoexport.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the value maps from a YAML file an integration team edits, e.g. {@code config/value-maps.yml}:
 * <pre>
 * units-of-measure:
 *   EA: EA
 *   Box: BX
 * payment-terms:
 *   "Net 45": NET45
 * </pre>
 */
public final class ValueMapsFile {

    static final String UNITS_OF_MEASURE = "units-of-measure";

    static final String PAYMENT_TERMS = "payment-terms";

    private ValueMapsFile() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static ValueMaps load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("value maps file " + file.toAbsolutePath() + " does not exist");
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        catch (IOException | YAMLException ex) {
            throw new IllegalArgumentException("value maps file " + file + " cannot be read: " + ex.getMessage(), ex);
        }
        if (document == null) {
            return ValueMaps.NONE;
        }
        if (!(document instanceof Map<?, ?> sections)) {
            throw new IllegalArgumentException("value maps file " + file + " must hold the sections "
                    + UNITS_OF_MEASURE + " and " + PAYMENT_TERMS);
        }
        for (Object section : sections.keySet()) {
            if (!Set.of(UNITS_OF_MEASURE, PAYMENT_TERMS).contains(String.valueOf(section))) {
                throw new IllegalArgumentException("value maps file " + file + " has an unknown section '" + section
                        + "' (known: " + UNITS_OF_MEASURE + ", " + PAYMENT_TERMS + ")");
            }
        }
        return new ValueMaps(section(file, sections, UNITS_OF_MEASURE), section(file, sections, PAYMENT_TERMS));
    }

    private static Map<String, String> section(Path file, Map<?, ?> sections, String name) {
        Object section = sections.get(name);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("value maps file " + file + ": " + name
                    + " must map Coupa values to ERP values");
        }
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach((coupa, erp) -> {
            if (erp == null || erp instanceof Map || erp instanceof Iterable) {
                throw new IllegalArgumentException("value maps file " + file + ": " + name + " maps '" + coupa
                        + "' to no single ERP value");
            }
            map.put(String.valueOf(coupa), String.valueOf(erp));
        });
        return map;
    }
}
