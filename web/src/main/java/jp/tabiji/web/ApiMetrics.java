package jp.tabiji.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The API's Prometheus metrics: requests by route and status, and latency by route. Routes are the matched
 * patterns (never the raw path), so the label set stays bounded whatever clients send. One registry per server.
 */
public final class ApiMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("tabiji_api_requests")
            .help("HTTP requests answered, by matched route and status").labelNames("route", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder().name("tabiji_api_request_seconds")
            .help("time to answer, by matched route").labelNames("route")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    void observe(String route, int status, double seconds) {
        requests.labelValues(route, Integer.toString(status)).inc();
        latency.labelValues(route).observe(seconds);
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }
}
