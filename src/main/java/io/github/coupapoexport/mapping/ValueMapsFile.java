package io.github.coupapoexport.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** Read from the folder the job was started from when {@code export.value-maps} is not set. */
    public static final String DEFAULT_FILE = "config/value-maps.yml";

    private static final Logger log = LoggerFactory.getLogger(ValueMapsFile.class);

    private ValueMapsFile() {
    }

    /**
     * The value maps file of a run: the one set in {@code export.value-maps} (null when not set), else the default one
     * if the folder the job was started from has it. A scheduler may start the job elsewhere: without a file, codes go
     * to the ERP as Coupa has them, as with an empty file.
     */
    public static Optional<Path> configured(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Path standard = Path.of(DEFAULT_FILE);
        return Files.isRegularFile(standard) ? Optional.of(standard) : Optional.empty();
    }

    /** The value maps of a run, from {@link #configured}; none, with a line in the log saying why, without a file. */
    public static ValueMaps loadConfigured(Path explicit) {
        Optional<Path> file = configured(explicit);
        if (file.isEmpty()) {
            log.info("No value maps: {} does not exist, so units of measure and payment terms are sent as Coupa has "
                    + "them (set export.value-maps to read a file elsewhere)", Path.of(DEFAULT_FILE).toAbsolutePath());
            return ValueMaps.NONE;
        }
        return load(file.get());
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
