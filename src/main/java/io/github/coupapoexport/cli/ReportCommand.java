package io.github.coupapoexport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.coupapoexport.job.PurchaseOrderExportJobConfiguration;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.github.coupapoexport.report.HtmlReport;
import io.github.coupapoexport.report.ReconciliationView;
import io.github.coupapoexport.report.ReportData;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;

/**
 * {@code report [--out=FILE.html]}: the last executions, a chart of their POs by outcome, the failing POs by class and
 * the last reconciliation, as one page that opens anywhere, from a mail attachment too. Reads the job repository
 * only: no call to Coupa or the ERP, so it runs beside an export.
 */
public class ReportCommand implements OperatorCommand {

    static final String DEFAULT_FILE = "coupa-po-export-report.html";

    private final JobRepository jobRepository;

    private final FailingPurchaseOrders failingPurchaseOrders;

    /** The last reconciliation as the page shows it, read from wherever the reconciliation keeps it. */
    private final Supplier<Optional<ReconciliationView>> lastReconciliation;

    private final Clock clock;

    private final PrintStream out;

    public ReportCommand(JobRepository jobRepository, FailingPurchaseOrders failingPurchaseOrders,
            Supplier<Optional<ReconciliationView>> lastReconciliation, Clock clock, PrintStream out) {
        this.jobRepository = jobRepository;
        this.failingPurchaseOrders = failingPurchaseOrders;
        this.lastReconciliation = lastReconciliation;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return false;
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) {
        List<String> outValues = arguments.getOptionValues("out");
        Path file = Path.of(outValues == null || outValues.isEmpty() ? DEFAULT_FILE : outValues.get(0))
            .toAbsolutePath();
        ReportData data = new ReportData(clock.instant(),
                new ExecutionReport(jobRepository, PurchaseOrderExportJobConfiguration.JOB_NAME).runRows(),
                failingPurchaseOrders.list(), lastReconciliation.get());
        if (Files.isDirectory(file)) {
            out.println("coupa-po-export: the report could not be written to " + file + ": it is a folder; give a "
                    + "file, as in --out=" + file.resolve(DEFAULT_FILE));
            return ExitCode.FAILED;
        }
        try {
            write(file, HtmlReport.render(data));
        }
        catch (IOException ex) {
            out.println("coupa-po-export: the report could not be written to " + file + ": "
                    + (ex instanceof NoSuchFileException ? "no such folder" : ex.getMessage()));
            return ExitCode.FAILED;
        }
        out.println("coupa-po-export: report written to " + file);
        return ExitCode.COMPLETED;
    }

    /**
     * Written beside the file and moved over it, so that a scheduler that mails the file never sends half of one.
     * Not a temporary file: that would be readable by its owner only, and the report is meant to be passed on.
     */
    private static void write(Path file, String html) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(partial);
        }
    }
}
