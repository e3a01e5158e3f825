package jp.tabiji.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {
    @TempDir
    Path dir;

    @Test
    void startsRealServersOnFreePortsAndStopsThem() throws Exception {
        LocalStack stack = LocalStack.startOnFreePorts(dir);
        try {
            assertThat(stack.isRunning()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.clickhouseUrl() + "/?query=SELECT%20version()")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body().trim()).startsWith("18.");
            // the release's own profile: a replay after a truncate must not be dropped as a duplicate block
            HttpResponse<String> dedup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    stack.clickhouseUrl() + "/?query=SELECT%20value%20FROM%20system.settings%20WHERE%20name%20IN%20"
                            + "('insert_deduplicate','allow_experimental_low_cardinality_type')%20ORDER%20BY%20name"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dedup.body().trim().split("\n")).containsExactly("1", "0");
            assertThat(stack.status()).contains("kafka      running").contains("clickhouse running");
        } finally {
            stack.stop();
        }
        assertThat(stack.isRunning()).isFalse();
        assertThat(FreePorts.isListening("127.0.0.1", stack.kafka().port())).isFalse();
    }
}
