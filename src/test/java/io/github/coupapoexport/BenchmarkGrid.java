package io.github.coupapoexport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.coupapoexport.sandbox.CoupaPo;

/**
 * The rate budget at real latencies (issue 14): one 1,000-PO export per cell of Coupa answering in 40, 150, 300 and
 * 500 ms against an ERP answering in 20 ms, 1.5 s and 3 s, Coupa refusing more than 25 requests/s (burst 20) and the
 * job set to {@code coupa.requests-per-second=20}, in integration-run mode. Each cell gives the share of that rate the
 * job used, POs/s, Coupa calls per PO and the 429s; each Coupa latency the change of the wall time when the ERP's
 * latency doubles (1.5 s to 3 s). Then the naive orchestration of Coupa's guide ({@link NaiveOrchestration}) against
 * the same fakes at 150 ms, as a reference.
 */
final class BenchmarkGrid {

    static final int[] COUPA_MILLIS = {40, 150, 300, 500};

    static final int[] ERP_MILLIS = {20, 1_500, 3_000};

    static final int CONFIGURED_RATE = 20;

    private static final int NAIVE_COUPA_MILLIS = 150;

    private BenchmarkGrid() {
    }

    static List<String> measure(Benchmark.Launch launch, int purchaseOrders, int naivePurchaseOrders)
            throws IOException {
        return measure(launch, purchaseOrders, naivePurchaseOrders, COUPA_MILLIS, ERP_MILLIS);
    }

    /** Some cells only ({@code --grid-coupa=150 --grid-erp=20,1500}), for a quick look at one change. */
    static List<String> measure(Benchmark.Launch launch, int purchaseOrders, int naivePurchaseOrders,
            int[] coupaLatencies, int[] erpLatencies) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> table = new ArrayList<>();
        table.add("| Coupa | ERP | share of coupa.requests-per-second=" + CONFIGURED_RATE
                + " | POs/s | Coupa calls per PO | 429s | wall |");
        table.add("|---|---|---|---|---|---|---|");
        double ours = 0;
        for (int coupaMillis : coupaLatencies) {
            double[] wall = new double[erpLatencies.length];
            for (int cell = 0; cell < erpLatencies.length; cell++) {
                int erpMillis = erpLatencies[cell];
                Benchmark.Figures figures = Benchmark.run(launch, purchaseOrders + " POs, Coupa " + coupaMillis
                        + " ms + 25/s limit, ERP " + erpMillis + " ms", purchaseOrders, coupaMillis, 25, erpMillis, true);
                lines.add(figures.line());
                wall[cell] = figures.wallSeconds();
                double callsPerSecond = figures.coupaCallsReceived() / figures.exportSeconds();
                table.add(String.format(Locale.ROOT, "| %d ms | %s | %.0f %% | %.1f | %.2f | %d | %.1f s |",
                        coupaMillis, erpMillis < 1000 ? erpMillis + " ms" : erpMillis / 1000.0 + " s",
                        callsPerSecond / CONFIGURED_RATE * 100, purchaseOrders / figures.wallSeconds(),
                        (double) figures.coupaCallsCounted() / purchaseOrders, figures.rateLimited(),
                        figures.wallSeconds()));
                if (coupaMillis == NAIVE_COUPA_MILLIS && erpMillis == ERP_MILLIS[0]) {
                    ours = purchaseOrders / figures.wallSeconds();
                }
            }
            if (erpLatencies.length == ERP_MILLIS.length) {
                table.add(String.format(Locale.ROOT, "| %d ms | 1.5 s to 3 s | wall time %+.1f %% | | | | |",
                        coupaMillis, (wall[2] / wall[1] - 1) * 100));
            }
        }
        lines.addAll(table);
        lines.add(naive(naivePurchaseOrders, ours));
        return lines;
    }

    /** Coupa's guide followed literally, against the same fakes at 150 ms and an ERP at 20 ms. */
    private static String naive(int purchaseOrders, double oursPerSecond) throws IOException {
        System.out.println("=== naive orchestration, " + purchaseOrders + " POs, Coupa " + NAIVE_COUPA_MILLIS
                + " ms, ERP " + ERP_MILLIS[0] + " ms");
        try (Benchmark.Fakes fakes = Benchmark.Fakes.start(false)) {
            fakes.coupa().add(CoupaPo.numbered(purchaseOrders));
            fakes.coupa().latency(NAIVE_COUPA_MILLIS);
            fakes.coupa().faults().limitTo(25, 20);
            fakes.erp().answerAfter(ERP_MILLIS[0]);
            NaiveOrchestration naive = new NaiveOrchestration(fakes.coupa().baseUrl(), fakes.erp().baseUrl());
            long started = System.nanoTime();
            int exported;
            try {
                exported = naive.exportAll();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = exported / seconds;
            return String.format(Locale.ROOT, "naive orchestration (Coupa's guide literally: offset paging, one PO at a "
                    + "time, create + mark + look-up + resolve + history record), Coupa %d ms, ERP %d ms: %d POs in "
                    + "%.1f s, %.2f POs/s, %.2f Coupa calls per PO, %d answered 429; this job at the same latencies: "
                    + "%.1f POs/s, %.1fx", NAIVE_COUPA_MILLIS, ERP_MILLIS[0], exported, seconds, perSecond,
                    (double) naive.coupaCalls() / exported, fakes.coupa().faults().rateLimited(), oursPerSecond,
                    oursPerSecond / perSecond);
        }
    }
}
