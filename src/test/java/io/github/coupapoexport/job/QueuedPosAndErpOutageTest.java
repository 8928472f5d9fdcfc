package io.github.coupapoexport.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.coupa.PurchaseOrderState;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.export.ExportProtocol;
import io.github.coupapoexport.export.MarkExported;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.TickingClock;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An ERP that decides later, whose database is down: the POs that wait in its import queue (the policy
 * {@code when-accepted} leaves them unexported, so every run reads them again) are not answers of the ERP, so they do
 * not hide the outage that the new POs around them run into. The real ledger on H2, an ERP that never answers.
 */
class QueuedPosAndErpOutageTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    private final ExportLedger ledger = migratedLedger();

    private final List<String> delivered = new ArrayList<>();

    /** The staging database does not answer, retries included. */
    private final Erp erpDown = new Erp() {

        @Override
        public ErpAnswer deliver(ErpDelivery delivery) {
            delivered.add(delivery.idempotencyKey());
            return new ErpAnswer.Unreachable("connection refused (5 attempts)");
        }
    };

    @AfterEach
    void dropDatabase() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
    }

    @Test
    void posWaitingInTheImportQueueDoNotHideAnOutageOfTheErp() {
        // given POs 1 and 2 queued by an earlier run, unexported in Coupa until the ERP accepts them
        ReadyForErp waiting1 = po(1);
        ReadyForErp waiting2 = po(2);
        for (ReadyForErp waiting : List.of(waiting1, waiting2)) {
            ledger.recordSending(waiting.snapshot(), waiting.document(), 1);
            ledger.recordQueued(waiting.snapshot().idempotencyKey(), "HDR-" + waiting.snapshot().coupaId());
        }
        PurchaseOrderExportWriter writer = writer(3);

        // when a chunk of new POs, read between the waiting ones, goes to the ERP that does not answer
        Chunk<PurchaseOrderExport> chunk = new Chunk<>(List.of(po(11), waiting1, po(12), waiting2, po(13), po(14)));

        // then the third new PO unanswered stops the run as an outage, whatever waited in between
        assertThatThrownBy(() -> writer.write(chunk)).isInstanceOf(ErpUnavailableException.class)
            .hasMessageContaining("PO-11, PO-12, PO-13");
        assertThat(delivered).hasSize(3);
    }

    private PurchaseOrderExportWriter writer(int outageThreshold) {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        ExportProtocol protocol = new ExportProtocol(erpDown, coupaUntouched(), ledger, MarkExported.AFTER_ERP);
        return new PurchaseOrderExportWriter(protocol, new SyncTaskExecutor(), outageThreshold, step, result -> {
        });
    }

    private ExportLedger migratedLedger() {
        Flyway.configure().dataSource(dataSource).locations("filesystem:sql/h2").load().migrate();
        return new ExportLedger(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                new TickingClock());
    }

    /** Coupa is never asked: nothing is accepted, so nothing is marked. */
    private static PurchaseOrderMarks coupaUntouched() {
        return new PurchaseOrderMarks() {

            @Override
            public PurchaseOrderState markExported(long purchaseOrderId) {
                throw new AssertionError("marked " + purchaseOrderId);
            }

            @Override
            public PurchaseOrderState markNotExported(long purchaseOrderId) {
                throw new AssertionError("put back " + purchaseOrderId);
            }

            @Override
            public PurchaseOrderState state(long purchaseOrderId) {
                throw new AssertionError("read " + purchaseOrderId);
            }
        };
    }

    private static ReadyForErp po(long id) {
        String updatedAt = "2026-11-20T09:00:00Z";
        PurchaseOrderSnapshot snapshot = new PurchaseOrderSnapshot(id, "PO-" + id, 1, OffsetDateTime.parse(updatedAt),
                "issued", PurchaseOrderSnapshot.idempotencyKey(id, 1, updatedAt));
        ErpPurchaseOrder document = new ErpPurchaseOrder("coupa", id, "PO-" + id, 1, ErpAction.CREATE, "issued", "USD",
                "50.00", new ErpPurchaseOrder.Supplier("SUP-1", "Acme"), "NET30", null, "jdoe", List.of(
                        new ErpPurchaseOrder.Line("1", id * 10, "OrderQuantityLine", "Gloves", "10", "EA", "5.00",
                                "50.00", LocalDate.of(2026, 12, 1), "01-100", "Safety", false)));
        return new ReadyForErp(snapshot, document);
    }
}
