package io.github.coupapoexport.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * {@code --dry-run}: each document goes to a file under {@code --out} as the selected ERP adapter would send it
 * ({@link Erp#preview}: the REST contract's JSON, SAP's calls), and an invalid PO, or one the adapter would reject
 * without sending it, to a {@code .rejected.txt} file with its reason. Nothing is sent, marked or recorded.
 * <p>
 * One writer per step execution (step scope): its tally starts afresh with each.
 */
public class DryRunDocumentWriter implements ItemWriter<PurchaseOrderExport>, StepExecutionListener {

    private final Erp erp;

    private final Path out;

    private final StepExecution stepExecution;

    private ExportTally tally = ExportTally.NONE;

    public DryRunDocumentWriter(Erp erp, Path out, StepExecution stepExecution) {
        this.erp = erp;
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
                preview(ready);
            }
            else if (export instanceof InvalidPurchaseOrder invalid) {
                rejected(invalid.snapshot(), invalid.reason());
            }
        }
        tally.writeTo(stepExecution.getExecutionContext());
    }

    /** No ERP document id: the dry run reads no ledger, so an adapter that needs one says how it would find it. */
    private void preview(ReadyForErp ready) throws IOException {
        String sent;
        try {
            sent = erp.preview(ErpDelivery.of(ready.snapshot().idempotencyKey(), ready.document(), null));
        }
        catch (IllegalArgumentException ex) {
            rejected(ready.snapshot(), "PO " + ready.snapshot().label() + " cannot be sent to the ERP: "
                    + ex.getMessage());
            return;
        }
        Files.writeString(file(ready.snapshot(), ".json"), sent, StandardCharsets.UTF_8);
        tally = tally.plusExported();
    }

    private void rejected(PurchaseOrderSnapshot snapshot, String reason) throws IOException {
        Files.writeString(file(snapshot, ".rejected.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        tally = tally.plusFailed();
    }

    private Path file(PurchaseOrderSnapshot snapshot, String suffix) {
        String name = "PO-" + (snapshot.poNumber() == null ? "id-" + snapshot.coupaId() : snapshot.poNumber());
        return out.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + suffix);
    }
}
