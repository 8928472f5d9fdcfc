package io.github.coupapoexport.coupa;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemStreamItemReader;

/**
 * Reads the POs Coupa selects for export, page by page with an id cursor. Its checkpoint is the id of the last PO
 * handed to the step: Spring Batch saves it when a chunk commits, so a resumed execution asks Coupa for ids above it
 * and never reads a committed PO again.
 */
public class CoupaPurchaseOrderReader extends AbstractItemStreamItemReader<CoupaPurchaseOrder> {

    static final String LAST_ID = "last.id";

    static final String NAME = "coupaPurchaseOrderReader";

    static final String PO_NUMBERS_READ = "po.numbers.read";

    private final CoupaClient coupa;

    private final Selection selection;

    private final int pageSize;

    private IdCursorPager pages;

    private Iterator<CoupaPurchaseOrder> page = Collections.emptyIterator();

    private long lastHandedId;

    /** A replay's PO numbers that Coupa returned, so that a number it does not know can be told to the operator. */
    private final Set<String> poNumbersRead = new LinkedHashSet<>();

    public CoupaPurchaseOrderReader(CoupaClient coupa, Selection selection, int pageSize) {
        this.coupa = coupa;
        this.selection = selection;
        this.pageSize = pageSize;
        this.pages = coupa.purchaseOrdersToExport(selection, 0, pageSize);
        setName(NAME);
    }

    /** The id the next read starts after, as saved in a step's execution context (0 for a fresh start). */
    public static long checkpoint(ExecutionContext executionContext) {
        return executionContext.getLong(NAME + "." + LAST_ID, 0L);
    }

    /** The PO numbers of a replay ({@code --po}) that this step execution read, as saved in its execution context. */
    public static Set<String> poNumbersRead(ExecutionContext executionContext) {
        return Set.copyOf(Selection.of(executionContext.getString(NAME + "." + PO_NUMBERS_READ, "")).poNumbers());
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        lastHandedId = executionContext.getLong(getExecutionContextKey(LAST_ID), 0L);
        pages = coupa.purchaseOrdersToExport(selection, lastHandedId, pageSize);
        page = Collections.emptyIterator();
        poNumbersRead.clear();
        poNumbersRead.addAll(poNumbersRead(executionContext));
    }

    @Override
    public CoupaPurchaseOrder read() {
        if (!page.hasNext()) {
            // A page is asked for once every PO of the one before was handed on: its cursor is the last id handed.
            page = pages.next().iterator();
            if (!page.hasNext()) {
                return null;
            }
        }
        CoupaPurchaseOrder po = page.next();
        lastHandedId = po.id();
        if (selection.replay()) {
            poNumbersRead.add(po.poNumber());
        }
        return po;
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        executionContext.putLong(getExecutionContextKey(LAST_ID), lastHandedId);
        if (selection.replay()) {
            // Only a replay's: the handful of numbers an operator typed, never a scheduled run's thousands.
            executionContext.putString(getExecutionContextKey(PO_NUMBERS_READ), String.join(",", poNumbersRead));
        }
    }
}
