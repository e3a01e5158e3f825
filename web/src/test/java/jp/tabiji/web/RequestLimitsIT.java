package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.QueryLimits;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.PdfReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one request may cost: hourly rows for a month at most, answers bounded in rows (and time and memory) by the
 * reader's query limits with a 400 that says to narrow, and a bounded number of statistics requests at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    private DashboardFixture fixture;
    private Javalin tight;
    private Javalin closed;

    @BeforeAll
    void start() throws Exception {
        fixture = new DashboardFixture(dir);
        // the fixture's data, read through limits small enough to hit: two rows per answer
        ClickHouseHttp reader = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api", ClickHouseHttp.READER)
                .withLimits(new QueryLimits(Duration.ofSeconds(10), 2, 1L << 30));
        tight = server(reader, QueryGate.defaults());
        closed = server(new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api", ClickHouseHttp.READER),
                new QueryGate(0, Duration.ofMillis(50)));
    }

    private Javalin server(ClickHouseHttp reader, QueryGate gate) {
        MetricCatalogue catalogue = new MetricCatalogue(reader, new Sites(fixture.registry), DashboardFixture.RELEASE,
                null);
        OpsService ops = new OpsService(new HotspotBoard(reader, fixture.registry), fixture.registry,
                ZoneId.of("Asia/Tokyo"));
        return new ApiServer(catalogue, ops, fixture.map, fixture.users, fixture.sessions,
                new AuditLog(dir.resolve("audit-" + System.nanoTime()), Clock.systemUTC()), PdfReport.DEFAULT_FONT,
                gate, ApiServer.AdminDesks.NONE).create().start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        tight.stop();
        closed.stop();
        fixture.close();
    }

    @Test
    void hourlyRowsAreAnsweredForAMonthAtMost() throws Exception {
        HttpResponse<String> r = get(fixture.app, "/api/v1/visitors?from=2026-01-01&to=2026-12-31&groupBy=hour,site,lang");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("groupBy=hour covers at most 31 days");
        assertThat(get(fixture.app, "/api/v1/visitors?from=2026-11-01&to=2026-11-30&groupBy=hour").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAnswerOverTheRowLimitIsARequestToNarrow() throws Exception {
        HttpResponse<String> big = get(tight, "/api/v1/visitors?from=2026-11-02&to=2026-11-08&groupBy=site,day,lang");
        assertThat(big.statusCode()).as(big.body()).isEqualTo(400);
        assertThat(big.body()).contains("too large").contains("narrow");
        HttpResponse<String> small = get(tight, "/api/v1/visitors?from=2026-11-02&to=2026-11-08");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    }

    @Test
    void statisticsWaitForATurnAndAreThenToldToComeBack() throws Exception {
        for (String path : new String[] {"/api/v1/visitors?from=2026-11-02&to=2026-11-08", "/api/v1/kpis",
            "/api/v1/export?format=csv"}) {
            HttpResponse<String> r = get(closed, path);
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
        }
        // what does not query the catalogue is not gated
        assertThat(get(closed, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + fixture.admin).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
