package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house's floors, read from the sources: each package uses only the packages below it, so no two packages depend
 * on each other, however indirectly. A new package must take its floor here (README "Design notes").
 */
class PackageLayersTest {

    private static final String ROOT = "io.github.coupapoexport";

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "coupapoexport");

    /** Bottom first. */
    private static final List<String> FLOORS = List.of("foundation", "settings", "coupa", "mapping", "ledger", "erp",
            "erp.rest", "erp.sap", "erp.staging", "export", "reconciliation", "monitoring", "metrics", "runlock",
            "job", "alerting", "report", "cli", "");

    /** An import (a wildcard one too), or a name written out in full, of a class of this application. */
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT)
            + "\\.((?:[a-z]\\w*\\.)*)(?:[A-Z]|\\*)");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        List<String> upwards = new ArrayList<>();
        for (Path source : sources()) {
            String from = packageOf(SOURCES.relativize(source.getParent()));
            assertThat(FLOORS).as("the floor of package '%s' (%s)", from, source).contains(from);
            Matcher reference = REFERENCE.matcher(read(source));
            while (reference.find()) {
                String to = reference.group(1).isEmpty() ? "" : reference.group(1).substring(0,
                        reference.group(1).length() - 1);
                if (FLOORS.indexOf(to) > FLOORS.indexOf(from)) {
                    upwards.add(source.getFileName() + " (" + name(from) + ") uses " + name(to));
                }
            }
        }
        assertThat(upwards).as("references to a package above").isEmpty();
    }

    @Test
    void theRootPackageHoldsOnlyTheApplication() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                .containsExactly("CoupaPoExportApplication.java");
        }
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String packageOf(Path folder) {
        return folder.toString().replace(folder.getFileSystem().getSeparator(), ".");
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String name(String floor) {
        return floor.isEmpty() ? "the root package" : floor;
    }
}
