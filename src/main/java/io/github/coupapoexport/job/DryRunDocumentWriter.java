package io.github.coupapoexport.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * {@code --dry-run}: each document goes to a file under {@code --out} exactly as it would be posted, and an invalid
 * PO to a {@code .rejected.txt} file with its reason. Nothing is sent, marked or recorded.
 * <p>
 * One writer per step execution (step scope): its tally starts afresh with each.
 */
public class DryRunDocumentWriter implements ItemWriter<PurchaseOrderExport>, StepExecutionListener {

    private final Path out;

    private final StepExecution stepExecution;

    private ExportTally tally = ExportTally.NONE;

    public DryRunDocumentWriter(Path out, StepExecution stepExecution) {
        this.out = out;
        this.stepExecution = stepExecution;
    }

    /** Made before the first PO is read, so that a folder that cannot be made fails the step before any work. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            Files.createDirectories(out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create the dry-run folder " + out, ex);
        }
    }

    @Override
    public void write(Chunk<? extends PurchaseOrderExport> chunk) throws IOException {
        for (PurchaseOrderExport export : chunk) {
            if (export instanceof ReadyForErp ready) {
                Files.writeString(file(ready.snapshot(), ".json"), ErpDocumentJson.writeIndented(ready.document()),
                        StandardCharsets.UTF_8);
                tally = tally.plusExported();
            }
            else if (export instanceof InvalidPurchaseOrder invalid) {
                Files.writeString(file(invalid.snapshot(), ".rejected.txt"), invalid.reason() + System.lineSeparator(),
                        StandardCharsets.UTF_8);
                tally = tally.plusFailed();
            }
        }
        tally.writeTo(stepExecution.getExecutionContext());
    }

    private Path file(PurchaseOrderSnapshot snapshot, String suffix) {
        String name = "PO-" + (snapshot.poNumber() == null ? "id-" + snapshot.coupaId() : snapshot.poNumber());
        return out.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + suffix);
    }
}
