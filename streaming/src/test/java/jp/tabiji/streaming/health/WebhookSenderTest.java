package jp.tabiji.streaming.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
    private HttpServer receiver;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();

    /** A receiver that answers 503 to the first {@code failures} requests, and waits for {@code gate} first. */
    private URI start(int failures, CountDownLatch gate) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String signature = ex.getRequestHeaders().getFirst("X-Tabiji-Signature");
            signatures.add(signature == null ? "none" : signature + " " + WebhookSender.signature(
                    "hook-key".getBytes(java.nio.charset.StandardCharsets.UTF_8), body));
            int n = requests.incrementAndGet();
            int status = n <= failures ? 503 : 204;
            if (status == 204) {
                accepted.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static HotspotAlert alert(String ap) {
        return HotspotAlert.open(ap, "matsushima", AlertKind.SILENT, 1_000L, 2_000L, 15, 15, "no events");
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAcceptsAndNeverBlocksTheCaller() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        URI url = start(2, gate);
        try (WebhookSender sender = new WebhookSender(url, Duration.ofMillis(50), 5, 100)) {
            // the receiver hangs: sending must still return at once
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                sender.send(AlertJson.encode(alert("matsushima-ap01")));
                sender.send(AlertJson.encode(alert("matsushima-ap02")));
            });
            assertThat(sender.pending()).isEqualTo(2);
            gate.countDown();
            sender.drain(Duration.ofSeconds(20));
            assertThat(sender.pending()).isZero();
            assertThat(sender.delivered()).isEqualTo(2);
            assertThat(sender.failedAttempts()).isEqualTo(2);
            assertThat(requests.get()).isEqualTo(4);
        }
        assertThat(signatures).containsOnly("none"); // no key, no signature
        JsonNode first = new ObjectMapper().readTree(accepted.get(0));
        assertThat(first.get("alert_id").asText()).isEqualTo("silent:matsushima-ap01:1000");
        assertThat(first.get("state").asText()).isEqualTo("open");
        assertThat(first.get("kind").asText()).isEqualTo("silent");
        assertThat(first.get("ts").asText()).isEqualTo("1970-01-01T00:00:02Z");
        assertThat(accepted.get(1)).contains("matsushima-ap02"); // order kept
    }

    @Test
    void withAKeyEveryRequestIsSignedSoTheReceiverCanCheckItCameFromUs() throws Exception {
        URI url = start(0, new CountDownLatch(0));
        try (WebhookSender sender = new WebhookSender(url, Duration.ofMillis(10), 3, 100,
                "hook-key".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            sender.send(AlertJson.encode(alert("matsushima-ap01")));
            sender.drain(Duration.ofSeconds(10));
        }
        assertThat(signatures).singleElement().satisfies(s -> {
            String[] sentAndExpected = s.split(" ");
            assertThat(sentAndExpected[0]).isEqualTo("sha256=" + sentAndExpected[1]);
        });
    }

    @Test
    void logsShowTheHooksHostNeverItsTokenBearingPath() {
        assertThat(WebhookSender.shown(URI.create("https://hooks.example.com/services/T000/B000/s3cr3t?x=1")))
                .isEqualTo("https://hooks.example.com/…");
        assertThat(WebhookSender.shown(URI.create("http://127.0.0.1:8080/hook"))).isEqualTo("http://127.0.0.1:8080/…");
    }

    @Test
    void givesUpAfterItsAttemptsAndCountsTheLoss() throws Exception {
        URI url = start(100, new CountDownLatch(0));
        try (WebhookSender sender = new WebhookSender(url, Duration.ofMillis(10), 3, 100)) {
            sender.send(AlertJson.encode(alert("matsushima-ap01")));
            sender.drain(Duration.ofSeconds(10));
            assertThat(requests.get()).isEqualTo(3);
            assertThat(sender.dropped()).isEqualTo(1);
            assertThat(sender.delivered()).isZero();
        }
    }

    @Test
    void aFullQueueDropsRatherThanWaits() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        URI url = start(0, gate);
        try (WebhookSender sender = new WebhookSender(url, Duration.ofMillis(10), 3, 2)) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 5; i++) {
                    sender.send(AlertJson.encode(alert("ap" + i)));
                }
            });
            assertThat(sender.dropped()).isEqualTo(3);
            gate.countDown();
            sender.drain(Duration.ofSeconds(10));
            assertThat(sender.delivered()).isEqualTo(2);
        }
    }
}
