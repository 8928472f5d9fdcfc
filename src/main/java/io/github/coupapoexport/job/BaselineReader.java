package io.github.coupapoexport.job;

import java.time.Instant;

import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.coupa.Selection;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The baseline's reader: the export's id-cursor reader over the POs not yet exported that Coupa created before the
 * baseline's date, with the same checkpoint (the last id handed to the step), so that a resumed baseline asks Coupa for
 * ids above it. A type of its own, so that it never competes with the export's reader where steps take one.
 */
public class BaselineReader implements ItemStreamReader<CoupaPurchaseOrder> {

    private final CoupaPurchaseOrderReader reader;

    public BaselineReader(CoupaClient coupa, Instant createdBefore, int pageSize) {
        this.reader = new CoupaPurchaseOrderReader(coupa, Selection.notYetExportedCreatedBefore(createdBefore), pageSize);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        reader.open(executionContext);
    }

    @Override
    public CoupaPurchaseOrder read() {
        return reader.read();
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        reader.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        reader.close();
    }
}
