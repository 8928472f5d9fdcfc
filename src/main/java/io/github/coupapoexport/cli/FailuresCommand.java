package io.github.coupapoexport.cli;

import java.io.PrintStream;

import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import org.springframework.boot.ApplicationArguments;

/**
 * {@code failures [--json|--csv]}: every PO not in the ERP as far as the ledger knows. Exit 3 while any PO is failing,
 * as after a run that left one, so that a scheduler or a script can act on it.
 */
public class FailuresCommand implements OperatorCommand {

    private final FailingPurchaseOrders failingPurchaseOrders;

    private final PrintStream out;

    public FailuresCommand(FailingPurchaseOrders failingPurchaseOrders, PrintStream out) {
        this.failingPurchaseOrders = failingPurchaseOrders;
        this.out = out;
    }

    @Override
    public String name() {
        return "failures";
    }

    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return false;
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) {
        FailureReport report = new FailureReport(failingPurchaseOrders.list());
        if (arguments.containsOption("json")) {
            report.printJson(out);
        }
        else if (arguments.containsOption("csv")) {
            report.printCsv(out);
        }
        else {
            report.print(out);
        }
        return report.anyFailing() ? ExitCode.COMPLETED_WITH_REJECTIONS : ExitCode.COMPLETED;
    }
}
