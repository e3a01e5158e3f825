package jp.tabiji.app;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.ingest.replay.SendLatency;

/**
 * An ingest process's Prometheus metrics on {@code http://BIND:PORT/metrics} ({@code --metrics-port}): lines read,
 * events published, rejects by reason, skips, opt-outs, drops, buffered messages and Kafka send latency, each
 * labelled with the source kind (syslog, file, radius). Counts only: no line, address or device ever.
 */
final class IngestMetrics implements AutoCloseable {
    private final HTTPServer server;

    private IngestMetrics(HTTPServer server) {
        this.server = server;
    }

    /** Starts the endpoint; {@code queued} is what waits in the source's buffer (0 for file sources). */
    static IngestMetrics start(String bind, int port, String source, IngestCounters c, LongSupplier queued)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        counter(registry, "tabiji_ingest_lines_read", "log lines (or records) read", source, c.lines);
        counter(registry, "tabiji_ingest_events_published", "events published to tabiji.events", source, c.published);
        counter(registry, "tabiji_ingest_skipped", "lines that are no client event (other daemons, headers)", source,
                c.skipped);
        counter(registry, "tabiji_ingest_opted_out", "events of opted-out devices, not published", source,
                c.optedOut);
        counter(registry, "tabiji_ingest_unknown_ap_overflow", "events of AP names beyond the unknown-AP caps, "
                + "published under one overflow name per source", source, c.unknownApOverflow);
        counter(registry, "tabiji_ingest_dropped", "messages dropped because the buffer was full or Kafka gone at "
                + "shutdown", source, c.dropped);
        CounterWithCallback.builder().name("tabiji_ingest_rejected")
                .help("lines sent to tabiji.dlq, by reason").labelNames("source", "reason")
                .callback(cb -> c.rejectedByReason.forEach((reason, n) -> cb.call(n.get(), source, reason)))
                .register(registry);
        GaugeWithCallback.builder().name("tabiji_ingest_queued").help("messages waiting in the source's buffer")
                .labelNames("source").callback(cb -> cb.call(queued.getAsLong(), source)).register(registry);
        registry.register(() -> latency(c.kafkaSend, source));
        return new IngestMetrics(HTTPServer.builder().hostname(bind).port(port).registry(registry).buildAndStart());
    }

    int port() {
        return server.getPort();
    }

    private static void counter(PrometheusRegistry registry, String name, String help, String source,
                                AtomicLong value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("source")
                .callback(cb -> cb.call(value.get(), source)).register(registry);
    }

    private static HistogramSnapshot latency(SendLatency l, String source) {
        double[] bounds = new double[SendLatency.BOUNDS_SECONDS.length + 1];
        System.arraycopy(SendLatency.BOUNDS_SECONDS, 0, bounds, 0, SendLatency.BOUNDS_SECONDS.length);
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        long[] counts = l.counts();
        Number[] boxed = new Number[counts.length];
        for (int i = 0; i < counts.length; i++) {
            boxed[i] = counts[i];
        }
        return HistogramSnapshot.builder().name("tabiji_ingest_kafka_send_seconds")
                .help("Kafka send latency: send to acknowledgement (a sample of sends), or a transaction's commit")
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, boxed)).sum(l.sumSeconds())
                        .labels(Labels.of("source", source)).build())
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
