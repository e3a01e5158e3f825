package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import jp.tabiji.analytics.catalogue.ReferenceCounts;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Estimated visitors over a real ClickHouse and the API: October has 20 to 47 devices a day at the castle, and a
 * people counter saw four times as many on the first 14 days (a capture rate of 25 %); the port has no reference.
 */
class EstimatesIT {
    @TempDir
    static Path dir;
    static DashboardFixture fixture;
    static final LocalDate OCTOBER = LocalDate.parse("2026-10-01");

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir);
        ClickHouseHttp ch = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api");
        ch.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang, random_mac) "
                + "SELECT 'castle', toDate('2026-10-01') + d, concat('oct-', toString(d), '-', toString(n)), n, 'en', 0 "
                + "FROM (SELECT number AS d FROM numbers(28)) ARRAY JOIN range(toUInt64(20 + d)) AS n");
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (int d = 0; d < 14; d++) {
            counts.put(OCTOBER.plusDays(d), 4L * (20 + d) + (d % 2 == 0 ? 4 : -4)); // the counter's own error: ±4
        }
        new ReferenceCounts(ch).record("castle", counts, "east-gate-counter", Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.url(path)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("east-gate-counter").doesNotContain("oct-");
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void aCalibratedSiteHasEstimatesWithIntervalsHoldingItsLaterDaysTotals() throws Exception {
        JsonNode a = get("/api/v1/estimates?site=castle&from=2026-10-15&to=2026-10-28", fixture.viewer);
        assertThat(a.get("calibrated").asBoolean()).isTrue();
        assertThat(a.get("reference_days").asInt()).isEqualTo(14);
        assertThat(a.get("capture_rate").asDouble()).isBetween(0.245, 0.255);
        assertThat(a.get("capture_rate_low").asDouble()).isLessThan(0.25);
        assertThat(a.get("capture_rate_high").asDouble()).isGreaterThan(0.25);
        assertThat(a.get("rows")).hasSize(14);
        for (JsonNode row : a.get("rows")) {
            int d = LocalDate.parse(row.get("day").asText()).getDayOfMonth() - 1;
            long observed = row.get("visitors").asLong();
            assertThat(observed).isEqualTo(20 + d);
            long truth = 4L * (20 + d);
            assertThat(row.get("estimated_low").asLong()).isLessThanOrEqualTo(truth).isGreaterThanOrEqualTo(observed);
            assertThat(row.get("estimated_high").asLong()).isGreaterThanOrEqualTo(truth);
            assertThat(row.get("estimated_visitors").asLong()).isBetween(truth - 4, truth + 4);
        }
    }

    @Test
    void aSiteWithoutReferencesSaysSoAndShowsObservedDevicesOnly() throws Exception {
        JsonNode a = get("/api/v1/estimates?site=port&from=2026-11-02&to=2026-11-02", fixture.viewer);
        assertThat(a.get("calibrated").asBoolean()).isFalse();
        assertThat(a.has("capture_rate")).isFalse();
        assertThat(a.get("note").toString()).contains("参照データ").contains("no reference counts");
        // the port's 2 devices are under k = 3: hidden, and so is any estimate
        assertThat(a.get("rows").get(0).get("visitors").isNull()).isTrue();
        assertThat(a.get("rows").get(0).get("estimated_visitors").isNull()).isTrue();
        JsonNode castle = get("/api/v1/estimates?site=castle&from=2026-11-02&to=2026-11-02", fixture.viewer);
        assertThat(castle.get("rows").get(0).get("visitors").asLong()).isEqualTo(5);
    }
}
