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
            assertThat(stack.status()).contains("kafka      running").contains("clickhouse running");
        } finally {
            stack.stop();
        }
        assertThat(stack.isRunning()).isFalse();
        assertThat(FreePorts.isListening("127.0.0.1", stack.kafka().port())).isFalse();
    }
}
