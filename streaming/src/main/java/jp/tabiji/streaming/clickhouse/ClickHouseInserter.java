package jp.tabiji.streaming.clickhouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP INSERT ... FORMAT RowBinary per block, retried with back-off on transport errors and 5xx answers.
 * A block retried after an unseen success is harmless: the tables deduplicate by row id.
 */
final class ClickHouseInserter {
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    ClickHouseInserter(String url, String database, String table, List<String> columns) {
        String query = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT RowBinary";
        String base = url.endsWith("/") ? url : url + "/";
        this.uri = URI.create(base + "?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    void insert(byte[] block) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(block)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                sleep(200L << attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (r.statusCode() == 200) {
                return;
            }
            last = new IOException("ClickHouse insert answered " + r.statusCode() + ": "
                    + r.body().lines().findFirst().orElse(""));
            if (r.statusCode() < 500) {
                throw last; // a bad request will not get better
            }
            sleep(200L << attempt);
        }
        throw last;
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
