package io.github.coupapoexport.job;

import java.nio.file.Path;

import io.github.coupapoexport.coupa.Selection;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of the three jobs. Never a secret: parameters are stored in the job repository.
 *
 * @see PurchaseOrderExportJobConfiguration
 */
public final class ExportJobParameters {

    /** Identifying: makes each scheduled run a job instance of its own. */
    public static final String RUN_ID = "run.id";

    /** Identifying, replay only: the PO numbers of {@code --po}. */
    public static final String PO_NUMBERS = "po";

    /** Dry run only: where the documents are written. */
    public static final String OUT = "out";

    private ExportJobParameters() {
    }

    public static JobParameters of(long runId, String poNumbers, Path out) {
        JobParametersBuilder parameters = new JobParametersBuilder().addLong(RUN_ID, runId);
        if (poNumbers != null) {
            parameters.addString(PO_NUMBERS, poNumbers);
        }
        if (out != null) {
            parameters.addString(OUT, out.toAbsolutePath().toString(), false);
        }
        return parameters.toJobParameters();
    }

    public static Selection selection(JobParameters parameters) {
        return Selection.of(parameters.getString(PO_NUMBERS));
    }

    public static boolean replay(JobParameters parameters) {
        return selection(parameters).replay();
    }
}
