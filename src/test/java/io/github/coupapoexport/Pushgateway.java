package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}, which {@code .ci/run} installs) started on a
 * free port of 127.0.0.1 for one test class, without persistence, and what was pushed to it read back from its
 * {@code /metrics} page, as Prometheus would scrape it.
 */
final class Pushgateway implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

    private final Process process;

    private final int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private Pushgateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Pushgateway start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install prometheus-pushgateway (.ci/run "
                    + "installs it)");
        }
        int port = freePort();
        try {
            Path log = Files.createTempFile("pushgateway", ".log");
            // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: an empty file name keeps
            // the metrics in memory only, so that no run of the tests sees another's. The admin API wipes them.
            Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                    "--persistence.file=", "--web.enable-admin-api")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
            Pushgateway pushgateway = new Pushgateway(process, port);
            pushgateway.awaitReady(log);
            return pushgateway;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** host:port, as {@code management.prometheus.metrics.export.pushgateway.address} takes it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Everything the Pushgateway would give Prometheus now, in the text exposition format. */
    String metrics() {
        return get("/metrics").body();
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}, if there is one. */
    OptionalDouble value(String name, Map<String, String> labels) {
        List<Double> values = samples(name, labels);
        if (values.size() > 1) {
            throw new AssertionError(values.size() + " samples of " + name + " with " + labels + ":\n" + metrics());
        }
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The samples of {@code name} whose labels include {@code labels}. */
    List<String> lines(String name, Map<String, String> labels) {
        return metrics().lines()
            .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .filter(line -> labels.entrySet().stream()
                .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
            .toList();
    }

    private List<Double> samples(String name, Map<String, String> labels) {
        return lines(name, labels).stream()
            .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .toList();
    }

    /** Forgets every group, so that each test reads only what its own runs pushed. */
    void wipe() {
        try {
            HttpResponse<String> wiped = http.send(HttpRequest.newBuilder(URI.create("http://" + address()
                    + "/api/v1/admin/wipe")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (wiped.statusCode() / 100 != 2) {
                throw new IllegalStateException("the Pushgateway was not wiped: HTTP " + wiped.statusCode() + " "
                        + wiped.body());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://" + address() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Pushgateway ended at start: " + Files.readString(log));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            }
            catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        close();
        throw new IllegalStateException("the Pushgateway did not get ready: " + Files.readString(log));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
