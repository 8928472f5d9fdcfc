package io.github.coupapoexport.job;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Maps each Coupa PO against what the ERP accepted for it before. Never filters: every PO reaches the writer. */
public class PurchaseOrderMappingProcessor implements ItemProcessor<CoupaPurchaseOrder, PurchaseOrderExport> {

    private final PurchaseOrderMapper mapper;

    private final ExportLedger ledger;

    public PurchaseOrderMappingProcessor(PurchaseOrderMapper mapper, ExportLedger ledger) {
        this.mapper = mapper;
        this.ledger = ledger;
    }

    @Override
    public PurchaseOrderExport process(CoupaPurchaseOrder po) {
        return mapper.map(po, ledger.lastAccepted(po.id()));
    }
}
