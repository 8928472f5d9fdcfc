package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.erp.ErpReadException;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.ledger.ReconciliationSummary;
import io.github.coupapoexport.reconciliation.Reconciler;
import io.github.coupapoexport.reconciliation.Since;
import org.springframework.boot.ApplicationArguments;

/**
 * {@code reconcile [--since=DATE] [--fix] [--json]}: Coupa against the ledger against the ERP. Exit 0 when they agree,
 * 3 when it found differences (fixed or not), 1 when Coupa or the ERP could not be read, 2 when either refused the
 * job's credentials or setup. With {@code --fix} it changes Coupa, so it holds the run lock, never beside an export.
 */
public class ReconcileCommand implements OperatorCommand {

    private final Reconciler reconciler;

    private final Clock clock;

    private final PrintStream out;

    private List<Throwable> failures = List.of();

    public ReconcileCommand(Reconciler reconciler, Clock clock, PrintStream out) {
        this.reconciler = reconciler;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public String name() {
        return "reconcile";
    }

    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return arguments.containsOption("fix");
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) {
        OffsetDateTime since = Since.of(value(arguments.getOptionValues("since")), clock);
        ReconciliationSummary summary;
        try {
            summary = reconciler.reconcile(since, arguments.containsOption("fix"));
        }
        catch (CoupaCredentialsRefusedException | ErpSetupException refused) {
            failures = List.of(refused);
            out.println("coupa-po-export: reconcile stopped: " + refused.getMessage() + "; exit 2");
            return ExitCode.CONFIGURATION_ERROR;
        }
        catch (CoupaCallException | ErpReadException unreadable) {
            failures = List.of(unreadable);
            out.println("coupa-po-export: reconcile stopped: " + unreadable.getMessage() + "; exit 1");
            return ExitCode.FAILED;
        }
        ExitCode exitCode = summary.agrees() ? ExitCode.COMPLETED : ExitCode.COMPLETED_WITH_REJECTIONS;
        ReconcileReport report = new ReconcileReport(summary);
        if (arguments.containsOption("json")) {
            report.printJson(out, exitCode);
        }
        else {
            report.print(out, exitCode);
        }
        return exitCode;
    }

    private static String value(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public List<Throwable> failures() {
        return failures;
    }
}
