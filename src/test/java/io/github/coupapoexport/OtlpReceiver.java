package io.github.coupapoexport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;

/**
 * An OTLP/HTTP metrics receiver on 127.0.0.1: takes {@code POST /v1/metrics} as a collector would (protobuf), keeps
 * each export request with the headers it came with, and answers 200.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One export as received. */
    record Export(ExportMetricsServiceRequest request, String authorization) {
    }

    private final HttpServer server;

    private final List<Export> exports = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                exports.add(new Export(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()),
                        exchange.getRequestHeaders().getFirst("Authorization")));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
    }

    List<Export> exports() {
        return List.copyOf(exports);
    }

    /** The last export: what the registry published when the application closed. */
    Export last() {
        if (exports.isEmpty()) {
            throw new AssertionError("nothing was exported to " + metricsUrl());
        }
        return exports.get(exports.size() - 1);
    }

    /** The metric of that name in an export, if the export carries it. */
    static Optional<Metric> metric(ExportMetricsServiceRequest request, String name) {
        return request.getResourceMetricsList().stream()
            .flatMap(resource -> resource.getScopeMetricsList().stream())
            .flatMap(scope -> scope.getMetricsList().stream())
            .filter(metric -> metric.getName().equals(name))
            .findFirst();
    }

    /** The value of a sum's data point whose attributes include {@code key=value}. */
    static double sumPoint(Metric metric, String key, String value) {
        return metric.getSum().getDataPointsList().stream()
            .filter(point -> has(point.getAttributesList(), key, value))
            .mapToDouble(NumberDataPoint::getAsDouble)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no point " + key + "=" + value + " in " + metric));
    }

    /** The value of a resource attribute of the export. */
    static String resourceAttribute(ExportMetricsServiceRequest request, String key) {
        return request.getResourceMetrics(0).getResource().getAttributesList().stream()
            .filter(attribute -> attribute.getKey().equals(key))
            .map(attribute -> attribute.getValue().getStringValue())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no resource attribute " + key));
    }

    static boolean has(List<KeyValue> attributes, String key, String value) {
        return attributes.stream()
            .anyMatch(attribute -> attribute.getKey().equals(key) && attribute.getValue().getStringValue().equals(value));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
