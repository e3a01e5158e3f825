package jp.tabiji.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the DevTools protocol: open a page, run a script in it, read the answer.
 * For what a dumped DOM cannot show, such as a tooltip that appears only on hover.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    HeadlessChromium(Path profile, String url) throws Exception {
        process = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1280,1600", url).redirectErrorStream(true).start();
        String endpoint = devToolsEndpoint();
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://" + URI.create(endpoint).getAuthority() + "/json/list");
        String page = null;
        for (int i = 0; i < 100 && page == null; i++) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    page = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (page == null) {
                Thread.sleep(100);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(10, TimeUnit.SECONDS);
    }

    private String devToolsEndpoint() throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        found.complete(line.substring(at).trim());
                    }
                }
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(60, TimeUnit.SECONDS);
    }

    /** Evaluates an expression (awaiting it when it is a promise) in the page and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        call.putObject("params").put("expression", expression).put("awaitPromise", true).put("returnByValue", true);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(call), true).get(10, TimeUnit.SECONDS);
        JsonNode result = answer.get(60, TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Polls an expression until it is true, or fails after the timeout. */
    void waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (evaluate("Boolean(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | IllegalStateException e) {
                // between two documents (a sign-in redirect) there is no context to run in yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page never met: " + condition);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frame.toString());
                    CompletableFuture<JsonNode> f = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (f != null && message.has("error")) {
                        f.completeExceptionally(new IllegalStateException("DevTools: " + message.get("error")));
                    } else if (f != null) {
                        f.complete(message.path("result"));
                    }
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                frame.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
