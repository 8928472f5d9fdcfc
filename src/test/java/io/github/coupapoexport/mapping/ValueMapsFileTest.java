package io.github.coupapoexport.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueMapsFileTest {

    @TempDir
    Path folder;

    @Test
    void readsUnitsOfMeasureAndPaymentTermsWithSpacesInTheirCodes() throws IOException {
        Path file = write("""
                units-of-measure:
                  each: EA
                payment-terms:
                  "Net 45": NET45
                """);

        ValueMaps maps = ValueMapsFile.load(file);

        assertThat(maps.unitOfMeasure("each")).isEqualTo("EA");
        assertThat(maps.paymentTerm("Net 45")).isEqualTo("NET45");
        assertThat(maps.paymentTerm("Net 90")).isEqualTo("Net 90");
    }

    @Test
    void emptyFileMapsNothing() throws IOException {
        assertThat(ValueMapsFile.load(write(""))).isEqualTo(ValueMaps.NONE);
    }

    @Test
    void theBundledFileLoads() {
        assertThat(ValueMapsFile.load(Path.of("config/value-maps.yml")).paymentTerm("Net 45")).isEqualTo("NET45");
    }

    @Test
    void missingFileIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> ValueMapsFile.load(folder.resolve("nope.yml")))
            .withMessageContaining("nope.yml does not exist");
    }

    @Test
    void misspelledSectionIsRefused() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> ValueMapsFile.load(write("payment-term:\n  a: b\n")))
            .withMessageContaining("unknown section 'payment-term'");
    }

    @Test
    void valueThatIsNotASingleCodeIsRefused() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> ValueMapsFile.load(write("units-of-measure:\n  EA:\n    - x\n")))
            .withMessageContaining("maps 'EA' to no single ERP value");
    }

    @Test
    void brokenYamlIsRefused() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> ValueMapsFile.load(write("units-of-measure: [unclosed\n")))
            .withMessageContaining("cannot be read");
    }

    private Path write(String yaml) throws IOException {
        Path file = folder.resolve("value-maps.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
