package jp.tabiji.streaming.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer against a stand-in HTTP endpoint: what a flush sends, and a close that never throws or sends. */
class ClickHouseSinkWriterTest {
    private final List<Integer> blockSizes = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer http;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        http.createContext("/", exchange -> {
            blockSizes.add(exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private ClickHouseSinkWriter<Long> writer(SimpleCounter sent) {
        RowEncoder<Long> encoder = new RowEncoder<>() {
            @Override
            public String table() {
                return "visits";
            }

            @Override
            public List<String> columns() {
                return List.of("n");
            }

            @Override
            public void encode(Long element, RowBinary row) {
                row.uint64(element);
            }
        };
        String url = "http://127.0.0.1:" + http.getAddress().getPort();
        return new ClickHouseSinkWriter<>(new ClickHouseInserter(url, "db", "visits", List.of("n")), encoder, 100, sent);
    }

    @Test
    void aFlushSendsEverythingWrittenAndACloseSendsNothingMore() throws Exception {
        SimpleCounter sent = new SimpleCounter();
        ClickHouseSinkWriter<Long> w = writer(sent);
        for (long i = 0; i < 150; i++) {
            w.write(i, null);
        }
        w.flush(false);
        assertThat(blockSizes).containsExactly(800, 400);
        assertThat(sent.getCount()).isEqualTo(150);
        w.write(7L, null); // a failed attempt's row: it comes again from the checkpoint
        w.close();
        assertThat(blockSizes).hasSize(2);
    }

    @Test
    void aRefusedInsertFailsTheFlushButNotTheClose() throws Exception {
        status = 400;
        ClickHouseSinkWriter<Long> w = writer(new SimpleCounter());
        w.write(1L, null);
        assertThatThrownBy(() -> w.flush(false)).isInstanceOf(IOException.class)
                .hasMessageContaining("insert into visits failed").hasMessageContaining("400");
        w.write(2L, null);
        // an exception here, while a failed task cleans up, would be fatal to its TaskManager
        assertThatCode(w::close).doesNotThrowAnyException();
    }
}
