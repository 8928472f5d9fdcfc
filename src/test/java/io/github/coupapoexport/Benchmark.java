package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeCoupa;
import io.github.coupapoexport.sandbox.FakeErp;

/**
 * {@code ./mvnw -B -Pbenchmark -DskipTests package spring-boot:test-run}: the real jar, in a process of its own with
 * the README's JVM options ({@code -Xmx256m}), against the sandbox's fake Coupa and ERP, measured from outside.
 * First the start-up: launch to the first Coupa call, {@value #STARTS} starts each with {@code java -jar} and with the
 * launcher (class data sharing), against a job repository that exists (as on every scheduled run but the first).
 * Then, started by the launcher: the grid of {@link BenchmarkGrid} (1,000 POs per cell, {@code --grid-pos=N}; Coupa
 * at 40 to 500 ms, the ERP at 20 ms to 3 s, and the naive orchestration of Coupa's guide as a reference), and
 * 100,000 POs without latency or limit (fewer with {@code --large=N}), to see that memory stays flat.
 * {@code --start-up-only} measures the start-up alone (about a minute), {@code --large-only} the large run alone,
 * {@code --grid-only} the grid alone.
 * The figures go to stdout and to {@code target/benchmark.txt}.
 */
public final class Benchmark {

    private static final Pattern CALLS = Pattern.compile("Coupa calls: (\\d+) for (\\d+) POs read");

    private static final Pattern PEAK_HEAP = Pattern.compile("Peak heap used: (\\d+) MB of (\\d+) MB");

    private static final int STARTS = 7;

    private static final Path GC_LOG = Path.of("target", "benchmark-gc.log");

    /** A full collection in -Xlog:gc, e.g. "GC(9) Pause Full (System.gc()) 94M->33M(247M) 90.4ms": 33 MB live. */
    private static final Pattern FULL_COLLECTION = Pattern.compile("Pause Full .*?\\d+M->(\\d+)M\\(");

    private static final int LIVE_HEAP_SAMPLE_SECONDS = 20;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        int large = 100_000;
        int gridPurchaseOrders = 1_000;
        int naivePurchaseOrders = 300;
        boolean startUpOnly = false;
        boolean largeOnly = false;
        boolean gridOnly = false;
        int[] gridCoupa = BenchmarkGrid.COUPA_MILLIS;
        int[] gridErp = BenchmarkGrid.ERP_MILLIS;
        for (String arg : args) {
            if (arg.startsWith("--grid-coupa=")) {
                gridCoupa = millis(arg.substring("--grid-coupa=".length()));
            }
            if (arg.startsWith("--grid-erp=")) {
                gridErp = millis(arg.substring("--grid-erp=".length()));
            }
            if (arg.startsWith("--large=")) {
                large = Integer.parseInt(arg.substring("--large=".length()));
            }
            if (arg.startsWith("--grid-pos=")) {
                gridPurchaseOrders = Integer.parseInt(arg.substring("--grid-pos=".length()));
            }
            if (arg.startsWith("--naive-pos=")) {
                naivePurchaseOrders = Integer.parseInt(arg.substring("--naive-pos=".length()));
            }
            startUpOnly |= arg.equals("--start-up-only");
            largeOnly |= arg.equals("--large-only");
            gridOnly |= arg.equals("--grid-only");
        }
        List<String> report = new ArrayList<>();
        report.add("coupa-po-export benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", the job's JVM: " + String.join(" ", ExportProcess.JVM_OPTIONS));
        Path cds = Files.createTempDirectory("coupa-po-export-benchmark-cds");
        // The GC log gives the heap left after each collection: what the run really keeps, unlike the peak.
        List<String> jvmOptions = new ArrayList<>(ExportProcess.JVM_OPTIONS);
        jvmOptions.add("-Xlog:gc:file=" + GC_LOG.toAbsolutePath());
        Launch launcher = arguments -> ExportProcess.launchThroughLauncher(cds, jvmOptions, arguments);
        report.add(String.format(Locale.ROOT, "class data sharing prepared by the launcher in %.1f s (once per jar, JVM "
                + "and options)", ExportProcess.prepareClassDataSharing(cds, jvmOptions).toMillis() / 1000.0));
        if (!largeOnly && !gridOnly) {
            report.add(startUp("java -jar", ExportProcess::launch));
            report.add(startUp("launcher (class data sharing)", launcher));
        }
        if (!startUpOnly && !largeOnly) {
            report.addAll(BenchmarkGrid.measure(launcher, gridPurchaseOrders, naivePurchaseOrders, gridCoupa, gridErp));
        }
        if (!startUpOnly && !gridOnly) {
            report.add(run(launcher, large + " POs, no latency, no limit", large, 0, 0, 0, false).line());
        }
        Path out = Path.of("target", "benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        System.out.println();
        report.forEach(System.out::println);
        System.out.println("(written to " + out + ")");
    }

    private static int[] millis(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Launch to the first Coupa call (the token request): one start that creates the job repository, then
     * {@value #STARTS} starts against it, nothing to export.
     */
    private static String startUp(String name, Launch launch) throws IOException {
        System.out.println("=== start-up, " + name);
        try (Fakes fakes = Fakes.start(false)) {
            List<String> arguments = fakes.settings();
            double first = firstCoupaCall(fakes.coupa(), launch, arguments);
            double[] later = new double[STARTS];
            for (int start = 0; start < STARTS; start++) {
                later[start] = firstCoupaCall(fakes.coupa(), launch, arguments);
            }
            Arrays.sort(later);
            return String.format(Locale.ROOT, "start-up, %s: launch to first Coupa call %.2f s median, %.2f s min, "
                    + "%.2f s max of %d starts; the very first start %.2f s (creates the job repository)", name,
                    later[STARTS / 2], later[0], later[STARTS - 1], STARTS, first);
        }
    }

    private static double firstCoupaCall(FakeCoupa coupa, Launch launch, List<String> arguments) {
        coupa.forgetFirstRequest();
        ExportProcess process = launch.start(arguments);
        int exitCode = process.exitCode(Duration.ofMinutes(2));
        if (exitCode != 0) {
            throw new IllegalStateException("the start ended with exit " + exitCode + ":\n" + process.output());
        }
        return (coupa.firstRequest() - process.started()) / 1e9;
    }

    /** How the job's process is started. */
    interface Launch {

        ExportProcess start(List<String> arguments);
    }

    static Figures run(Launch launch, String name, int purchaseOrders, int coupaMillis, double coupaLimit,
            int erpMillis, boolean journal) throws IOException {
        System.out.println("=== " + name);
        try (Fakes fakes = Fakes.start(journal)) {
            FakeCoupa coupa = fakes.coupa();
            FakeErp erp = fakes.erp();
            coupa.add(CoupaPo.numbered(purchaseOrders));
            coupa.latency(coupaMillis);
            if (coupaLimit > 0) {
                coupa.faults().limitTo(coupaLimit, 20);
            }
            erp.answerAfter(erpMillis);
            List<String> arguments = fakes.settings();
            arguments.addAll(List.of("--coupa.page-size=50",
                    "--coupa.requests-per-second=" + (coupaLimit > 0 ? 20 : 100_000),
                    "--logging.level.io.github.coupapoexport.job.ExportProgress=INFO"));
            ExportProcess process = launch.start(arguments);
            ScheduledExecutorService sampler = journal ? null : sampleLiveHeap(process);
            int exitCode = process.exitCode(Duration.ofHours(2));
            long ended = System.nanoTime();
            if (sampler != null) {
                sampler.shutdownNow();
            }
            String output = process.output();
            if (exitCode != 0) {
                throw new IllegalStateException("the export ended with exit " + exitCode + ":\n" + output);
            }
            long[] span = coupa.apiCallSpan();
            double exportSeconds = (span[1] - span[0]) / 1e9;
            Matcher calls = CALLS.matcher(output);
            Matcher heap = PEAK_HEAP.matcher(output);
            return new Figures(name, purchaseOrders, (ended - process.started()) / 1e9,
                    (coupa.firstRequest() - process.started()) / 1e9, exportSeconds,
                    calls.find() ? Long.parseLong(calls.group(1)) : span[2], span[2], coupa.faults().rateLimited(),
                    journal ? erp.received().size() : -1,
                    heap.find() ? heap.group(1) + " of " + heap.group(2) + " MB" : "n/a", journal ? "n/a" : liveHeap(),
                    coupaLimit > 0 ? 20 : 0);
        }
    }

    /** The sandbox's fake Coupa and ERP, and a job repository of their own. */
    record Fakes(FakeCoupa coupa, FakeErp erp, Path folder) implements AutoCloseable {

        static Fakes start(boolean journal) throws IOException {
            Fakes fakes = new Fakes(new FakeCoupa(), new FakeErp(), Files.createTempDirectory("coupa-po-export-benchmark"));
            fakes.coupa.startServer(journal);
            fakes.erp.startServer(journal);
            return fakes;
        }

        /** The job's settings for these fakes and this job repository. */
        List<String> settings() {
            List<String> settings = coupa.settingsFor(erp);
            settings.add("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("repository")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
            return settings;
        }

        @Override
        public void close() {
            coupa.stopServer();
            erp.stopServer();
        }
    }

    /**
     * The live heap: what is left after each full collection of the last run (the benchmark asks for one every
     * {@value #LIVE_HEAP_SAMPLE_SECONDS} s of the large run). Young collections alone say little: what they leave
     * includes whatever has been promoted and has died since the last full collection.
     */
    private static String liveHeap() throws IOException {
        if (!Files.exists(GC_LOG)) {
            return "n/a";
        }
        List<Long> afterFull = new ArrayList<>();
        for (String line : Files.readAllLines(GC_LOG, StandardCharsets.UTF_8)) {
            Matcher collection = FULL_COLLECTION.matcher(line);
            if (collection.find()) {
                afterFull.add(Long.parseLong(collection.group(1)));
            }
        }
        if (afterFull.isEmpty()) {
            return "n/a (no full collection)";
        }
        return String.format(Locale.ROOT, "%d MB after the first full collection, %d MB after the last, at most %d MB "
                + "(%d full collections)", afterFull.get(0), afterFull.get(afterFull.size() - 1),
                afterFull.stream().mapToLong(Long::longValue).max().orElseThrow(), afterFull.size());
    }

    /** Asks the job's JVM for a full collection now and then, so that the GC log shows its live heap. */
    private static ScheduledExecutorService sampleLiveHeap(ExportProcess process) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        sampler.scheduleWithFixedDelay(() -> {
            try {
                new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, LIVE_HEAP_SAMPLE_SECONDS, LIVE_HEAP_SAMPLE_SECONDS, TimeUnit.SECONDS);
        return sampler;
    }

    record Figures(String name, int purchaseOrders, double wallSeconds, double startupSeconds,
            double exportSeconds, long coupaCallsCounted, long coupaCallsReceived, int rateLimited, int erpCalls,
            String peakHeap, String liveHeap, int ceiling) {

        String line() {
            double callsPerSecond = coupaCallsReceived / exportSeconds;
            return String.format(Locale.ROOT, "%s: wall %.1f s, %.1f POs/s, launch to first Coupa call %.2f s, "
                    + "%.2f Coupa calls per PO, %.1f Coupa calls/s%s, %d answered 429, %s ERP calls, peak heap %s, "
                    + "live heap %s",
                    name, wallSeconds, purchaseOrders / wallSeconds, startupSeconds,
                    (double) coupaCallsCounted / purchaseOrders, callsPerSecond,
                    ceiling > 0 ? String.format(Locale.ROOT, " (%.0f %% of coupa.requests-per-second=%d)",
                            callsPerSecond / ceiling * 100, ceiling) : "",
                    rateLimited, erpCalls < 0 ? "n/a" : String.valueOf(erpCalls), peakHeap, liveHeap);
        }
    }
}
