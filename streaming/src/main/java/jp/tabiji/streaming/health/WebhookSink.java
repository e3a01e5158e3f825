package jp.tabiji.streaming.health;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Alerts POSTed as JSON ({@link AlertJson}) to an operator's webhook, in the background (see {@link WebhookSender}). */
public final class WebhookSink implements Sink<HotspotAlert> {
    /** Environment variable holding the key webhook bodies are signed with (HMAC-SHA256), if any. */
    public static final String SIGNING_KEY_ENV = "TABIJI_ALERT_WEBHOOK_SECRET";

    private final String url;
    private final Duration firstBackoff;
    private final int maxAttempts;

    public WebhookSink(String url) {
        this(url, Duration.ofSeconds(1), 8);
    }

    public WebhookSink(String url, Duration firstBackoff, int maxAttempts) {
        this.url = url;
        this.firstBackoff = firstBackoff;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public SinkWriter<HotspotAlert> createWriter(WriterInitContext context) {
        // the signing key comes from the TaskManager's environment, never from job arguments (which the UI shows)
        String key = System.getenv(SIGNING_KEY_ENV);
        WebhookSender sender = new WebhookSender(java.net.URI.create(url), firstBackoff, maxAttempts,
                WebhookSender.DEFAULT_QUEUE, key == null || key.isBlank() ? null
                        : key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        context.metricGroup().gauge("webhookPending", sender::pending);
        context.metricGroup().gauge("webhookDelivered", sender::delivered);
        context.metricGroup().gauge("webhookDropped", sender::dropped);
        return new SinkWriter<>() {
            @Override
            public void write(HotspotAlert alert, Context ctx) {
                // a rising peak updates the operations page; the webhook tells of openings and clearings only
                if (alert.revision == 0 || !alert.isOpen()) {
                    sender.send(AlertJson.encode(alert));
                }
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    sender.drain(Duration.ofSeconds(10)); // a finished replay: give deliveries a moment, bounded
                }
            }

            @Override
            public void close() {
                sender.close();
            }
        };
    }
}
