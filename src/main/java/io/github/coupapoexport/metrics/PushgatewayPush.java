package io.github.coupapoexport.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager.ShutdownOperation;

/**
 * Pushes the run's meters to a Prometheus Pushgateway: every {@code push-rate} while the run lasts, and a last time
 * when the application closes, after the job has ended, whatever its exit code. POST replaces, within the job's
 * group, only the metrics this push carries, so that the last successful run's timestamp outlives a failed run.
 * <p>
 * A push that fails is logged as a warning and changes nothing else: the run's exit code is the job's. The
 * credentials travel in the {@code Authorization} header and are never logged. A process that ran no job (a
 * {@code status}, a {@code failures}) pushes nothing, so that it never replaces a run's values with its own zeros.
 */
public class PushgatewayPush implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushgatewayPush.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    private final URI group;

    private final String authorization;

    private final HttpClient http;

    private final ScheduledExecutorService schedule;

    private final ShutdownOperation atClose;

    /**
     * @param group the group's URL, e.g. {@code http://host:9091/metrics/job/coupa-po-export}
     * @param authorization the {@code Authorization} header's value, or null for none
     */
    PushgatewayPush(PrometheusMeterRegistry registry, URI group, String authorization, Duration pushRate,
            ShutdownOperation atClose) {
        this.registry = registry;
        this.atClose = atClose;
        this.group = group;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pushgateway-push");
            thread.setDaemon(true);
            return thread;
        });
        long rate = pushRate.toMillis();
        schedule.scheduleAtFixedRate(this::push, rate, rate, TimeUnit.MILLISECONDS);
    }

    /** The URL of the job's group: {@code /metrics/job/<job>} and a {@code /<label>/<value>} per grouping key. */
    static URI groupUri(String scheme, String address, String job, Map<String, String> groupingKey) {
        StringBuilder path = new StringBuilder(scheme).append("://").append(address).append("/metrics/job/")
            .append(segment(job));
        groupingKey.forEach((label, value) -> path.append('/').append(segment(label)).append('/').append(segment(value)));
        return URI.create(path.toString());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The last push, once the job has ended: the application is closing. As Boot's {@code shutdown-operation} says:
     * {@code post} (this application's default), {@code put} (the group becomes this run's meters alone),
     * {@code delete} (the group is removed) or {@code none}.
     */
    @Override
    public void destroy() {
        schedule.shutdownNow();
        switch (atClose) {
            case POST -> send("POST");
            case PUT -> send("PUT");
            case DELETE -> send("DELETE");
            default -> {
            }
        }
    }

    void push() {
        send("POST");
    }

    private void send(String method) {
        if (registry.getMeters().stream().noneMatch(meter -> meter.getId().getName().startsWith("spring.batch.job"))) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(group)
            .timeout(TIMEOUT)
            .header("Content-Type", TEXT_FORMAT)
            .method(method, "DELETE".equals(method) ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(registry.scrape(), StandardCharsets.UTF_8));
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
        }
        catch (IllegalArgumentException unsendable) {
            // Not its message: the JDK quotes the header's value, the token itself.
            log.warn("Metrics not pushed to the Pushgateway at {}: its token or password cannot go into an HTTP header "
                    + "(a line break at its end?)", group);
            return;
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                log.warn("Metrics not pushed: the Pushgateway at {} answered HTTP {}: {}", group, answer.statusCode(),
                        answer.body().strip());
            }
        }
        catch (IOException failure) {
            log.warn("Metrics not pushed: the Pushgateway at {} did not answer ({})", group, failure.toString());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            log.warn("Metrics not pushed to the Pushgateway at {}: interrupted", group);
        }
    }

    /** {@code Basic} credentials for a user and password. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password))
            .getBytes(StandardCharsets.UTF_8));
    }
}
