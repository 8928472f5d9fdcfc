package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real job as a process of its own, the way a scheduler starts it: {@code java -jar target/coupa-po-export.jar}
 * or the launcher {@code target/coupa-po-export} that goes beside it.
 */
public final class ExportProcess {

    static final Path JAR = Path.of("target", "coupa-po-export.jar");

    static final Path LAUNCHER = Path.of("target", "coupa-po-export");

    /** The launcher's class data sharing archives for the process tests, prepared by the first of them. */
    static final Path TEST_CDS_FOLDER = Path.of("target", "process-test-cds");

    /** The JVM options the README recommends for a scheduled run: quick start, small heap. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** When the process was started, System.nanoTime. */
    private final long started;

    private final Process process;

    private final Path output;

    private ExportProcess(long started, Process process, Path output) {
        this.started = started;
        this.process = process;
        this.output = output;
    }

    /** {@code java -jar target/coupa-po-export.jar} with {@link #JVM_OPTIONS}. */
    public static ExportProcess launch(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        return start(new ProcessBuilder(command));
    }

    /**
     * The application from the test class path in a process of its own, with {@code environment} added to its
     * environment: what a setting read only from an environment variable (e.g. {@code OTEL_*}) needs.
     */
    public static ExportProcess launchFromClassPath(List<String> arguments, Map<String, String> environment) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, CoupaPoExportApplication.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return start(builder);
    }

    /** {@code java -jar .../coupa-po-export.jar} started in {@code workingFolder}, as a scheduler may start it. */
    public static ExportProcess launchIn(Path workingFolder, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        return start(new ProcessBuilder(command).directory(workingFolder.toFile()));
    }

    /**
     * {@code target/coupa-po-export} with {@link #JVM_OPTIONS} and class data sharing kept in {@code cdsFolder}: the
     * first start with a new jar prepares the archive, later ones use it.
     */
    public static ExportProcess launchThroughLauncher(Path cdsFolder, List<String> arguments) {
        return launchThroughLauncher(cdsFolder, JVM_OPTIONS, arguments);
    }

    /** The launcher with other JVM options (they are part of the archive's key). */
    public static ExportProcess launchThroughLauncher(Path cdsFolder, List<String> jvmOptions, List<String> arguments) {
        return start(launcher(cdsFolder, jvmOptions, arguments));
    }

    /** {@code COUPA_PO_EXPORT_CDS=prepare-only}, as an installation step would; returns how long it took. */
    public static Duration prepareClassDataSharing(Path cdsFolder, List<String> jvmOptions) {
        ProcessBuilder builder = launcher(cdsFolder, jvmOptions, List.of());
        builder.environment().put("COUPA_PO_EXPORT_CDS", "prepare-only");
        ExportProcess preparation = start(builder);
        if (preparation.exitCode(Duration.ofMinutes(2)) != 0) {
            throw new IllegalStateException("class data sharing was not prepared:\n" + preparation.output());
        }
        return Duration.ofNanos(System.nanoTime() - preparation.started);
    }

    private static ProcessBuilder launcher(Path cdsFolder, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("COUPA_PO_EXPORT_JAVA_OPTS", String.join(" ", jvmOptions));
        builder.environment().put("COUPA_PO_EXPORT_CDS_DIR", cdsFolder.toAbsolutePath().toString());
        return builder;
    }

    private static ExportProcess start(ProcessBuilder builder) {
        try {
            Path output = Files.createTempFile("coupa-po-export-process", ".log");
            long started = System.nanoTime();
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new ExportProcess(started, process, output);
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

    public long pid() {
        return process.pid();
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
