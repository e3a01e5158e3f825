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
        new ReferenceCounts(ch).record("castle", null, counts, "east-gate-counter", Clock.systemUTC());
        // the port from September to October: 30 visitors on weekdays, 50 on weekends and holidays (a few more or less
        // each day), and 仙台七夕 (a pretend one) on Saturday 24 and Sunday 25 October brings 40 more each day
        ch.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang, random_mac) "
                + "SELECT 'port', day, concat('port-', toString(day), '-', toString(n)), n, 'ko', 0 FROM ("
                + "SELECT toDate('2026-09-01') + number AS day, (toDayOfWeek(day) >= 6 OR day IN ('2026-09-21', "
                + "'2026-09-22', '2026-09-23', '2026-10-12') ? 50 : 30) + number % 3 - 1 "
                + "+ (day IN ('2026-10-24', '2026-10-25') ? 40 : 0) AS visitors FROM numbers(55)) "
                + "ARRAY JOIN range(toUInt64(visitors)) AS n");
        new jp.tabiji.analytics.catalogue.EventCalendar(ch).add(new jp.tabiji.analytics.catalogue.EventCalendar.Event(
                "仙台七夕", LocalDate.parse("2026-10-24"), LocalDate.parse("2026-10-25"), java.util.List.of("port")),
                Clock.systemUTC());
        // trips port → castle: 3 on each usual weekend day and holiday before it, 12 on each of the event's days
        ch.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) SELECT concat('m-', toString(day), '-', toString(n)), "
                + "concat('port-', toString(day), '-', toString(n)), 'port', 'castle', day, 0, 1800000, 1800, 'ko' FROM ("
                + "SELECT toDate('2026-09-12') + number AS day FROM numbers(44) WHERE toDayOfWeek(day) >= 6 OR day IN "
                + "('2026-09-21', '2026-09-22', '2026-09-23', '2026-10-12')) "
                + "ARRAY JOIN range(toUInt64(day IN ('2026-10-24', '2026-10-25') ? 12 : 3)) AS n");
        // the days hold ingested logs (the dashboard asks ingest coverage before it draws a range)
        ch.execute("INSERT INTO ap_minute (ap_id, site_id, minute, last_event, events, clients_now, new_connections, "
                + "login_attempts, login_failures, bytes_in, bytes_out) SELECT 'c1', 'castle', "
                + "toDateTime('2026-10-01 12:00:00', 'Asia/Tokyo') + 86400 * number, "
                + "toDateTime('2026-10-01 12:00:00', 'Asia/Tokyo') + 86400 * number, 1, 1, 1, 0, 0, 0, 0 FROM numbers(28)");
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
        assertThat(a.get("rows")).hasSize(15);
        long dayWidths = 0;
        for (JsonNode row : a.get("rows")) {
            if (row.get("day").asText().equals("total")) {
                // the fortnight: 567 devices, 2,268 visitors; one interval, narrower than the days' summed
                assertThat(row.get("visitors").asLong()).isEqualTo(567);
                assertThat(row.get("estimated_low").asLong()).isLessThanOrEqualTo(2268);
                assertThat(row.get("estimated_high").asLong()).isGreaterThanOrEqualTo(2268);
                assertThat(row.get("estimated_high").asLong() - row.get("estimated_low").asLong()).isLessThan(dayWidths);
                continue;
            }
            dayWidths += row.get("estimated_high").asLong() - row.get("estimated_low").asLong();
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ja, 推定来訪者数, Wi-Fiで観測できる割合（捕捉率）：25",
        "en, Estimated visitors, The Wi-Fi sees 25"})
    void theSitePageShowsEstimatedVisitorsWithTheirBandAndASiteWithoutReferencesSaysSo(String lang, String title,
                                                                                      String rate) throws Exception {
        String range = "&from=2026-10-15&to=2026-10-28";
        ChromiumPage.Run run = ChromiumPage.open(fixture, dir, "vera", range, "site/castle", lang, "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleLines()).as("browser console for the site page " + lang).isEmpty();
        assertThat(dom).contains(title).contains(rate);
        // 2026-10-28: 47 devices, an estimate of about 188 (the counter's ±4 moves the rate a little)
        String table = dom.substring(dom.indexOf("id=\"estimates-table\""));
        assertThat(table).containsPattern("<td>2026-10-28</td><td>47</td><td>18[4-9]</td>");
        assertThat(ChromiumPage.series(dom, "estimates")).contains("\"data\":[").contains(",47]");
        Path shot = Path.of("target", "screenshots").resolve("site-estimates-" + lang + ".png");
        java.nio.file.Files.createDirectories(shot.getParent());
        assertThat(ChromiumPage.open(fixture, dir, "vera", range, "site/castle", lang,
                "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,2400").exit()).isZero();
        String port = ChromiumPage.open(fixture, dir, "vera", "&from=2026-11-02&to=2026-11-08", "site/port", lang,
                "--dump-dom").stdout();
        assertThat(port).contains("id=\"estimates-note\"").doesNotContain("id=\"estimates-table\"");
    }

    @Test
    void anEventsUpliftIsTheInjectedVisitorsWithinItsIntervalAndTheForecastFollowsTheWeek() throws Exception {
        assertThat(get("/api/v1/events", fixture.viewer).get("events").get(0).get("name").asText()).isEqualTo("仙台七夕");
        JsonNode impact = get("/api/v1/events/impact?name=" + java.net.URLEncoder.encode("仙台七夕",
                java.nio.charset.StandardCharsets.UTF_8), fixture.viewer);
        assertThat(impact.get("rows")).hasSize(3);
        for (JsonNode row : impact.get("rows")) {
            long extra = row.get("day").asText().equals("total") ? 80 : 40;
            assertThat(row.get("uplift_low").asLong()).as(row.toString()).isLessThanOrEqualTo(extra);
            assertThat(row.get("uplift_high").asLong()).as(row.toString()).isGreaterThanOrEqualTo(extra);
            assertThat(row.get("uplift").asLong()).as(row.toString()).isBetween(extra - 2, extra + 2);
            assertThat(row.get("expected").asLong()).isBetween(extra == 80 ? 98L : 49L, extra == 80 ? 102L : 51L);
        }
        JsonNode next = get("/api/v1/events/destinations?name=" + java.net.URLEncoder.encode("仙台七夕",
                java.nio.charset.StandardCharsets.UTF_8), fixture.viewer).get("rows").get(0);
        // 24 trips to the castle over the event's two days, against 3 a usual weekend day or holiday (16 of them)
        assertThat(next.get("destination_site_id").asText()).isEqualTo("castle");
        assertThat(next.get("event_trips").asLong()).isEqualTo(24);
        assertThat(next.get("usual_trips_per_day").asText()).isEqualTo("3.0");
        assertThat(next.get("event_share").asText()).isEqualTo("100.0");
        JsonNode forecast = get("/api/v1/forecast?site=port&from=2026-10-26", fixture.viewer);
        assertThat(forecast.get("rows")).hasSize(14);
        // Monday 26 October: a weekday, Saturday 31 October: a weekend day (the event's days left out)
        assertThat(forecast.get("rows").get(0).get("expected").asLong()).isBetween(29L, 31L);
        assertThat(forecast.get("rows").get(5).get("expected").asLong()).isBetween(49L, 51L);
        assertThat(forecast.get("rows").get(5).get("expected_low").asLong()).isLessThanOrEqualTo(49L);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ja, イベントによる増加, 今後14日間の予測", "en, Extra visitors the event brought, The next 14 days"})
    void theEventsPageDrawsTheUpliftAndTheSitePageTheForecast(String lang, String uplift, String forecast)
            throws Exception {
        ChromiumPage.Run run = ChromiumPage.open(fixture, dir, "vera", "&from=2026-10-19&to=2026-10-25", "events", lang,
                "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleLines()).as("browser console for events " + lang).isEmpty();
        assertThat(dom).contains(uplift).contains("<option value=\"仙台七夕\"").doesNotContain("id=\"event-form\"");
        // Saturday 24 October: 40 more than the weekends before (about 50)
        assertThat(dom.substring(dom.indexOf("id=\"uplift-table\""))).containsPattern("<td>2026-10-24</td><td>9[01]</td>");
        Path shots = Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        assertThat(ChromiumPage.open(fixture, dir, "ada", "&from=2026-10-19&to=2026-10-25", "events", lang,
                "--screenshot=" + shots.resolve("events-" + lang + ".png").toAbsolutePath(), "--window-size=1280,1100")
                .exit()).isZero();
        assertThat(ChromiumPage.open(fixture, dir, "ada", "", "events", lang, "--dump-dom").stdout())
                .contains("id=\"event-form\"");
        String site = ChromiumPage.open(fixture, dir, "vera", "&from=2026-10-19&to=2026-10-25", "site/port", lang,
                "--dump-dom").stdout();
        assertThat(site).contains(forecast).contains("<td>2026-10-26</td><td>30</td>");
    }

    @Test
    void onlyAdminsMarkAndRemoveEvents() throws Exception {
        String add = "/api/v1/events?name=" + java.net.URLEncoder.encode("松島かき祭り", java.nio.charset.StandardCharsets.UTF_8)
                + "&from=2026-10-04&to=2026-10-04&sites=castle";
        for (String other : java.util.List.of(fixture.viewer, fixture.analyst, fixture.ops)) {
            assertThat(send("POST", add, other)).isEqualTo(403);
        }
        assertThat(send("POST", add.replace("sites=castle", "sites=nowhere"), fixture.admin)).isEqualTo(400);
        assertThat(send("POST", add, fixture.admin)).isEqualTo(201);
        assertThat(get("/api/v1/events", fixture.viewer).get("events").toString()).contains("松島かき祭り");
        String remove = "/api/v1/events?name=" + java.net.URLEncoder.encode("松島かき祭り", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(send("DELETE", remove, fixture.viewer)).isEqualTo(403);
        assertThat(send("DELETE", remove, fixture.admin)).isEqualTo(204);
        assertThat(send("DELETE", remove, fixture.admin)).isEqualTo(404);
        assertThat(get("/api/v1/events", fixture.viewer).get("events").toString()).doesNotContain("松島かき祭り");
        // an event moves baselines and uplifts: who marked and removed it is in the audit log, refused tries are not
        java.util.List<String> audited = java.nio.file.Files.readAllLines(dir.resolve("audit.log")).stream()
                .filter(l -> l.contains("\"what\":\"event\"")).toList();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).contains("\"user\":\"ada\"").contains("\"action\":\"added\"")
                .contains("\"from\":\"2026-10-04\"").contains("\"sites\":[\"castle\"]");
        assertThat(audited.get(1)).contains("\"user\":\"ada\"").contains("\"action\":\"removed\"");
    }

    private static int send(String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
