package jp.tabiji.streaming.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook bodies without ever blocking the caller: {@link #send} only queues. One background thread
 * POSTs them in order; a failure (no answer, or a status outside 2xx) is retried with exponential backoff
 * (first wait doubling up to a minute) for {@code maxAttempts} attempts. When the receiver is down for long the
 * queue is bounded: further bodies are dropped and counted, since Kafka and ClickHouse still hold every alert.
 * With a signing key each request carries {@code X-Tabiji-Signature: sha256=HEX}, the HMAC-SHA256 of its body,
 * so the receiver can tell our alerts from anyone else's POSTs.
 */
public final class WebhookSender implements AutoCloseable {
    static final int DEFAULT_QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final URI url;
    private final Duration firstBackoff;
    private final int maxAttempts;
    private final int queueLimit;
    private final byte[] signingKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-webhook");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    public WebhookSender(URI url, Duration firstBackoff, int maxAttempts, int queueLimit) {
        this(url, firstBackoff, maxAttempts, queueLimit, null);
    }

    /** @param signingKey the HMAC key for {@code X-Tabiji-Signature}, or null to send unsigned */
    public WebhookSender(URI url, Duration firstBackoff, int maxAttempts, int queueLimit, byte[] signingKey) {
        this.signingKey = signingKey == null ? null : signingKey.clone();
        this.url = url;
        this.firstBackoff = firstBackoff;
        this.maxAttempts = maxAttempts;
        this.queueLimit = queueLimit;
    }

    /** The URL as logs may show it: scheme, host and port; the path and query often hold the hook's token. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + "/…";
    }

    /** Queues one body; returns at once. */
    public void send(byte[] body) {
        if (pending.incrementAndGet() > queueLimit) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("alert webhook {} is behind by {} alerts: dropping one (Kafka and ClickHouse keep it)", shown(url),
                    queueLimit);
            return;
        }
        worker.execute(() -> attempt(body, 1));
    }

    private void attempt(byte[] body, int n) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (signingKey != null) {
                request.header("X-Tabiji-Signature", "sha256=" + signature(signingKey, body));
            }
            HttpResponse<Void> r = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
                pending.decrementAndGet();
                return;
            }
            retry(body, n, "status " + r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
        } catch (Exception e) {
            retry(body, n, e.getClass().getSimpleName());
        }
    }

    private void retry(byte[] body, int n, String why) {
        failedAttempts.incrementAndGet();
        if (n >= maxAttempts) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("alert webhook {} failed {} times ({}): giving up on one alert", shown(url), n, why);
            return;
        }
        long wait = Math.min(MAX_BACKOFF.toMillis(), firstBackoff.toMillis() << Math.min(n - 1, 20));
        LOG.info("alert webhook {} attempt {} failed ({}); retrying in {} ms", shown(url), n, why, wait);
        worker.schedule(() -> attempt(body, n + 1), wait, TimeUnit.MILLISECONDS);
    }

    /** Hex HMAC-SHA256 of {@code body} under {@code key}: what {@code X-Tabiji-Signature} carries after "sha256=". */
    public static String signature(byte[] key, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits at most {@code limit} for the queue to empty. */
    public void drain(Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (pending.get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int pending() {
        return pending.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
