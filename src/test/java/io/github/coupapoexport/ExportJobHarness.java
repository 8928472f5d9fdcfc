package io.github.coupapoexport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.FakeCoupa;
import io.github.coupapoexport.sandbox.FakeErp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the real application, as {@code java -jar} would, against a fake Coupa and a fake ERP and a job repository of
 * its own (an H2 file in a temporary folder). Each {@link #run} is a fresh Spring context, as each scheduler run is a
 * fresh process.
 */
public class ExportJobHarness implements AutoCloseable {

    public final FakeCoupa coupa = new FakeCoupa();

    public final FakeErp erp = new FakeErp();

    private final JobRepositoryDatabase database;

    /** Against an H2 file job repository, the default. */
    public ExportJobHarness() {
        this(JobRepositoryDatabase.h2());
    }

    public ExportJobHarness(JobRepositoryDatabase database) {
        this.database = database;
        coupa.startServer();
        erp.startServer();
    }

    /** The settings a real deployment would give, pointed at the fakes; {@code extra} can add or override keys. */
    public List<String> arguments(String... extra) {
        List<String> arguments = coupa.settingsFor(erp);
        arguments.addAll(List.of(
                "--coupa.requests-per-second=500",
                "--coupa.retry.initial-delay=5ms",
                "--coupa.retry.max-delay=20ms",
                "--erp.retry.initial-delay=5ms",
                "--erp.retry.max-delay=20ms",
                "--erp.retry.max-retries=2",
                "--spring.datasource.url=" + database.url()));
        for (String argument : extra) {
            // A key given again replaces the default instead of being joined to it, as Spring would do.
            String key = argument.contains("=") ? argument.substring(0, argument.indexOf('=') + 1) : null;
            if (key != null) {
                arguments.removeIf(existing -> existing.startsWith(key));
            }
            arguments.add(argument);
        }
        return arguments;
    }

    /** One run of the command line: its exit code and what it printed. */
    public RunResult run(String... extra) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream tee = new PrintStream(new TeeOutputStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exitCode = CoupaPoExportApplication.run(arguments(extra).toArray(String[]::new));
        }
        finally {
            System.setOut(original);
        }
        return new RunResult(exitCode, captured.toString(StandardCharsets.UTF_8));
    }

    /** The real jar in a process of its own ({@code java -jar}), against the same fakes and job repository. */
    public ExportProcess launch(String... extra) {
        return ExportProcess.launch(arguments(extra));
    }

    /** The real jar in a process of its own started in {@code workingFolder}, against the same fakes and repository. */
    public ExportProcess launchIn(Path workingFolder, String... extra) {
        return ExportProcess.launchIn(workingFolder, arguments(extra));
    }

    /** The real jar started by its launcher, as the README's scheduler definitions do. */
    public ExportProcess launchThroughLauncher(String... extra) {
        return ExportProcess.launchThroughLauncher(ExportProcess.TEST_CDS_FOLDER, arguments(extra));
    }

    /** Waits until the ERP has received at least {@code documents} POSTs. */
    public void awaitErpDocuments(int documents, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (erp.received().size() < documents) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ERP received only " + erp.received().size() + " documents in " + timeout);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    /** Waits until Coupa has received a request with this method and path. */
    public void awaitCoupaRequest(String method, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (coupaRequests().stream().map(ServeEvent::getRequest).noneMatch(request ->
                request.getMethod().getName().equals(method) && request.getUrl().split("\\?")[0].equals(path))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Coupa received no " + method + " " + path + " in " + timeout);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    /** The job's own database, read after a run has closed it. */
    /** A folder of this test's own, for files a run writes. */
    public Path folder() {
        try {
            return Files.createTempDirectory("coupa-po-export-files");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The folder of an H2 job repository's files, or null for one in a database server. */
    public Path jobRepositoryFolder() {
        String url = database.url();
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).getParent();
    }

    public JdbcTemplate database() {
        return database.jdbc();
    }

    public List<Map<String, Object>> ledger() {
        return database().queryForList("SELECT * FROM EXPORT_LEDGER ORDER BY COUPA_ID");
    }

    /** Requests Coupa received, oldest first. */
    public List<ServeEvent> coupaRequests() {
        List<ServeEvent> events = new ArrayList<>(coupa.server().getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /**
     * The selection calls, oldest first: GETs of POs with their full field list, leaving out the id-only calls that
     * count the selection for the integration run.
     */
    public List<ServeEvent> selectionRequests() {
        return coupaRequests().stream()
            .filter(event -> event.getRequest().getMethod().getName().equals("GET"))
            .filter(event -> event.getRequest().getUrl().startsWith("/api/purchase_orders?"))
            .filter(event -> event.getRequest().queryParameter("fields").firstValue().contains("po-number"))
            .toList();
    }

    @Override
    public void close() {
        coupa.stopServer();
        erp.stopServer();
        database.close();
    }

    /** What one run of the command line left behind. */
    public record RunResult(int exitCode, String output) {

        /** The one-line summary the contract promises on stdout. */
        public String summary() {
            return output.lines().filter(line -> line.startsWith("coupa-po-export: execution=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no summary line in:\n" + output));
        }
    }

    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;

        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
