package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/coupa-po-export.jar ...} as its own process, the way a scheduler starts it. */
public final class ExportProcess {

    /** When the process was started, System.nanoTime. */
    private final long started = System.nanoTime();


    static final Path JAR = Path.of("target", "coupa-po-export.jar");

    /** The JVM options the README recommends for a scheduled run: quick start, small heap. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;

    private final Path output;

    private ExportProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ExportProcess launch(List<String> arguments) {
        try {
            Path output = Files.createTempFile("coupa-po-export-process", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", JAR.toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new ExportProcess(process, output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Waits for the process to end and returns its exit code. */
    public int exitCode(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** SIGTERM, as a scheduler or Kubernetes sends before it kills. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: no chance to clean up, as with kill -9 or a power loss. */
    void kill() {
        process.destroyForcibly();
        exitCode(Duration.ofSeconds(10));
    }

    public long started() {
        return started;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String summary() {
        return output().lines().filter(line -> line.startsWith("coupa-po-export: execution=")).reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no summary line in:\n" + output()));
    }
}
