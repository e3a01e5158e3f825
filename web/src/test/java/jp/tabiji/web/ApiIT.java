package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseException;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.web.auth.SessionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API on a real server over a real ClickHouse holding rows whose answers are known. */
class ApiIT {
    private static final String DAY1 = DashboardFixture.DAY1;
    private static final String DAY2 = DashboardFixture.DAY2;
    private static DashboardFixture fixture;
    @TempDir
    static Path dir;
    private static ClickHouseServer clickhouse;
    private static Javalin app;
    private static SessionStore sessions;
    private static String viewer;
    private static String ops;
    private static String analyst;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir);
        clickhouse = fixture.clickhouse;
        app = fixture.app;
        sessions = fixture.sessions;
        viewer = fixture.viewer;
        ops = fixture.ops;
        analyst = fixture.analyst;
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode rows(String path) throws Exception {
        HttpResponse<String> r = get(path, viewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).as("no device id leaves the API").doesNotContain("dev-");
        JsonNode rows = JSON.readTree(r.body()).path("rows");
        rows.forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("private_mac_share"));
        return rows; // the counts; the private-address bands are asserted on their own
    }

    @Test
    void eachVisitorCellSaysWhatShareOfItsDevicesHaveAPrivateAddressInBands() throws Exception {
        HttpResponse<String> r = get("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY2 + "&groupBy=site,day", viewer);
        JsonNode body = JSON.readTree(r.body());
        // castle day 1: devices 2–4 of 5; day 2: 2 and 3 of 3, under k, so that share is unknown (3 visitors are fewer
        // than 10·k, so "under k" bounds nothing); the port's cell is hidden, and so is its share
        assertThat(body.path("rows").toString())
                .contains("{\"site_id\":\"castle\",\"day\":\"2026-11-02\",\"visitors\":5,\"private_mac_share\":\"60-70%\"}")
                .contains("{\"site_id\":\"castle\",\"day\":\"2026-11-03\",\"visitors\":3,\"private_mac_share\":null}")
                .contains("{\"site_id\":\"port\",\"day\":\"2026-11-02\",\"visitors\":null,\"private_mac_share\":null}");
        assertThat(body.path("privateAddresses").path("en").asText()).contains("upper bound");
        JsonNode repeat = JSON.readTree(get("/api/v1/repeat?from=" + DAY1 + "&to=2026-11-08", viewer).body());
        assertThat(repeat.path("privateAddresses").path("en").asText()).contains("lower bound");
    }

    @Test
    void visitorsPerDayAndPerSiteWithSmallCellsSuppressed() throws Exception {
        assertThat(rows("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY2).toString())
                .isEqualTo("[{\"day\":\"2026-11-02\",\"visitors\":6},{\"day\":\"2026-11-03\",\"visitors\":3}]");
        assertThat(rows("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY2 + "&groupBy=site,day").toString())
                .isEqualTo("[{\"site_id\":\"castle\",\"day\":\"2026-11-02\",\"visitors\":5},"
                        + "{\"site_id\":\"castle\",\"day\":\"2026-11-03\",\"visitors\":3},"
                        + "{\"site_id\":\"port\",\"day\":\"2026-11-02\",\"visitors\":null}]");
        assertThat(rows("/api/v1/visitors?from=" + DAY1 + "&to=2026-11-08&groupBy=area,week").toString())
                .isEqualTo("[{\"area\":\"sendai\",\"week\":\"2026-11-02\",\"visitors\":5},"
                        + "{\"area\":\"shiogama\",\"week\":\"2026-11-02\",\"visitors\":null}]");
    }

    @Test
    void aCellReadsTheSameInEveryEndpointAndDistinctCountsStayOnTheLattice() throws Exception {
        // castle day 1: en 4, ja 1; no second cell is hidden: the noise of the cell-key release protects the rest
        assertThat(rows("/api/v1/languages?from=" + DAY1 + "&to=" + DAY1 + "&site=castle&groupBy=day").toString())
                .isEqualTo("[{\"day\":\"2026-11-02\",\"lang\":\"en\",\"visitors\":4},"
                        + "{\"day\":\"2026-11-02\",\"lang\":\"ja\",\"visitors\":null}]");
        assertThat(rows("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY1 + "&site=castle&lang=ja").toString())
                .isEqualTo("[{\"day\":\"2026-11-02\",\"visitors\":null}]");
        assertThat(rows("/api/v1/visitors?from=" + DAY2 + "&to=" + DAY2 + "&lang=en").toString())
                .isEqualTo("[{\"day\":\"2026-11-03\",\"visitors\":3}]");
        assertError("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY2 + "&groupBy=site", "published only for whole days");
        assertError("/api/v1/kpis?from=" + DAY1 + "&to=" + DAY2, "ISO weeks");
        // trips add up: a free range is answered (the sum of its released days), its travellers are not
        JsonNode free = JSON.readTree(get("/api/v1/flows?from=" + DAY1 + "&to=" + DAY2, viewer).body());
        assertThat(free.path("rows").get(0).path("trips").asInt()).isEqualTo(3);
        assertThat(free.path("rows").get(0).path("travellers").isNull()).isTrue();
        assertThat(free.path("unavailable").toString()).isEqualTo("[\"travellers\"]");
        assertThat(free.path("protection").path("ja").asText()).contains("誤差");
    }

    @Test
    void coverageSaysWhichDaysHoldLogsAndARangeWithoutAnyIsNoDataNotZero() throws Exception {
        // the fixture's AP minutes (ingested logs) are on DAY1 only, a Monday whose week has long ended
        JsonNode c = JSON.readTree(get("/api/v1/coverage", viewer).body());
        assertThat(c.path("days_with_data").toString()).isEqualTo("[{\"from\":\"" + DAY1 + "\",\"to\":\"" + DAY1
                + "\"}]");
        assertThat(c.path("opening").toString()).isEqualTo("{\"from\":\"" + DAY1 + "\",\"to\":\"2026-11-08\"}");
        assertThat(get("/api/v1/coverage", null).statusCode()).isEqualTo(401);
        for (String path : List.of("/api/v1/visitors", "/api/v1/flows", "/api/v1/dwell", "/api/v1/kpis")) {
            JsonNode empty = JSON.readTree(get(path + "?from=2025-06-02&to=2025-06-08", viewer).body());
            assertThat(empty.path("no_data").isBoolean()).as(path).isTrue();
            assertThat(empty.path("no_data").asBoolean()).as(path).isTrue();
            JsonNode week = JSON.readTree(get(path + "?from=" + DAY1 + "&to=2026-11-08", viewer).body());
            assertThat(week.path("no_data").asBoolean()).as(path).isFalse();
        }
    }

    @Test
    void dwellAndSites() throws Exception {
        assertThat(rows("/api/v1/dwell?from=" + DAY1 + "&to=" + DAY1).toString()).isEqualTo(
                "[{\"site_id\":\"castle\",\"visits\":5,\"median_dwell_s\":1800,\"p90_dwell_s\":3000}]");
        assertThat(rows("/api/v1/sites").get(0).path("name_ja").asText()).isEqualTo("青葉城");
    }

    @Test
    void badParametersGetA400ThatSaysWhatIsWrong() throws Exception {
        String range = "from=" + DAY1 + "&to=" + DAY2;
        assertError("/api/v1/visitors?to=" + DAY2, "from is required");
        assertError("/api/v1/visitors?from=2026-13-01&to=" + DAY2, "from must be a date YYYY-MM-DD");
        assertError("/api/v1/visitors?from=" + DAY2 + "&to=" + DAY1, "is before from");
        assertError("/api/v1/visitors?from=2020-01-01&to=2026-01-01", "at most 731 days");
        assertError("/api/v1/visitors?" + range + "&groupBy=year", "groupBy 'year' is not offered here");
        assertError("/api/v1/visitors?" + range + "&groupBy=day,hour", "one time unit");
        assertError("/api/v1/visitors?" + range + "&site=nowhere", "site 'nowhere' is not in the registry");
        assertError("/api/v1/visitors?" + range + "&colour=red", "unknown parameter 'colour'");
        assertError("/api/v1/visitors?" + range + "&site=castle&site=port", "site is given 2 times");
        assertError("/api/v1/dwell?" + range + "&lang=en", "dwell is not broken down by language");
    }

    @Test
    void injectionAttemptsOnEveryEndpointAndParameterAreRefusedNotRun() throws Exception {
        List<String> payloads = List.of("' OR 1=1 --", "castle') UNION SELECT device_id FROM visits --",
                "2026-11-02' OR '1'='1", "en'; DROP TABLE visits; --", "\\' OR 1 --", "day) --", "%00", "{}",
                "a".repeat(5000));
        for (String endpoint : List.of("visitors", "languages", "flows", "dwell", "repeat")) {
            for (String param : List.of("from", "to", "site", "area", "lang", "groupBy")) {
                for (String p : payloads) {
                    String q = "from=" + DAY1 + "&to=" + DAY2;
                    q = q.replaceAll(param + "=[^&]*", "") + "&" + param + "=" + URLEncoder.encode(p,
                            StandardCharsets.UTF_8);
                    HttpResponse<String> r = get("/api/v1/" + endpoint + "?" + q, viewer);
                    assertThat(r.statusCode()).as(endpoint + " " + param + " " + p + ": " + r.body()).isEqualTo(400);
                    assertThat(r.body()).doesNotContain("dev-");
                }
            }
        }
        assertThat(new ClickHouseHttp(clickhouse.httpUrl(), "api").selectLong("SELECT count() FROM visits"))
                .isEqualTo(5);
    }

    @Test
    void theApiReadsClickHouseAsAUserThatCannotWrite() {
        ClickHouseHttp reader = new ClickHouseHttp(clickhouse.httpUrl(), "api", ClickHouseHttp.READER);
        assertThat(reader.selectLong("SELECT count() FROM visits")).isEqualTo(5);
        assertThatThrownBy(() -> reader.execute("INSERT INTO visits (visit_id) VALUES ('x')"))
                .isInstanceOf(ClickHouseException.class);
        assertThatThrownBy(() -> reader.execute("DROP TABLE visits")).isInstanceOf(ClickHouseException.class);
    }

    @Test
    void everyRoleSeesWhatItMayAndNothingElse() throws Exception {
        String range = "?from=" + DAY1 + "&to=" + DAY1;
        List<String> statistics = List.of("/api/v1/visitors", "/api/v1/languages", "/api/v1/flows", "/api/v1/dwell",
                "/api/v1/repeat", "/api/v1/kpis");
        // role → [statistics, sites, export, me, operations]
        java.util.Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
        expected.put("none", List.of(401, 401, 401, 401, 401));
        expected.put("tbj_not-a-token", List.of(401, 401, 401, 401, 401));
        expected.put(viewer, List.of(200, 200, 403, 200, 403));
        expected.put(analyst, List.of(200, 200, 200, 200, 403));
        expected.put(ops, List.of(403, 200, 403, 200, 200));
        expected.put(fixture.admin, List.of(200, 200, 200, 200, 200));
        for (var e : expected.entrySet()) {
            String token = e.getKey().equals("none") ? null : e.getKey();
            for (String path : statistics) {
                assertThat(get(path + range, token).statusCode()).as(path + " " + e.getKey()).isEqualTo(e.getValue().get(0));
            }
            assertThat(get("/api/v1/sites", token).statusCode()).isEqualTo(e.getValue().get(1));
            assertThat(get("/api/v1/export" + range + "&format=csv", token).statusCode())
                    .isEqualTo(e.getValue().get(2));
            assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(e.getValue().get(3));
            assertThat(get("/api/v1/hotspots", token).statusCode()).isEqualTo(e.getValue().get(4));
            assertThat(get("/api/v1/alerts", token).statusCode()).isEqualTo(e.getValue().get(4));
        }
    }

    @Test
    void everyRegisteredRouteRefusesWhoItsDeclaredAccessDoesNotAllow() throws Exception {
        java.util.Map<jp.tabiji.web.auth.Role, String> tokens = java.util.Map.of(jp.tabiji.web.auth.Role.VIEWER, viewer,
                jp.tabiji.web.auth.Role.ANALYST, analyst, jp.tabiji.web.auth.Role.OPS, ops,
                jp.tabiji.web.auth.Role.ADMIN, fixture.admin);
        List<ApiServer.Route> routes = fixture.server.routes();
        assertThat(routes).extracting(ApiServer.Route::path).contains("/api/v1/visitors", "/api/v1/export",
                "/api/v1/hotspots", "/api/v1/me", "/api/v1/opendata/{range}/{version}/{file}");
        for (ApiServer.Route route : routes) {
            if (route.access() == Access.PUBLIC || !route.method().name().equals("GET")) {
                continue;
            }
            String path = route.path().replaceAll("\\{[a-z]+}", "x") + "?from=" + DAY1 + "&to=" + DAY1 + "&format=csv";
            assertThat(get(path, null).statusCode()).as(path + " without sign-in").isEqualTo(401);
            for (var t : tokens.entrySet()) {
                int status = get(path, t.getValue()).statusCode();
                if (route.access().allows(t.getKey())) {
                    assertThat(status).as(path + " as " + t.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(path + " as " + t.getKey()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void operationsSeeEveryApWithItsStatusOpenAlertsFirstAndTheAlertLog() throws Exception {
        JsonNode board = JSON.readTree(get("/api/v1/hotspots", ops).body());
        assertThat(board.get("now").asText()).isEqualTo(DAY1 + "T09:59:59+09:00");
        JsonNode h = board.get("hotspots");
        assertThat(h).hasSize(3);
        // open alerts first: c1 (silent) and rogue-1 (unknown), then p1
        assertThat(List.of(h.get(0).get("ap_id").asText(), h.get(1).get("ap_id").asText(), h.get(2).get("ap_id")
                .asText())).containsExactly("c1", "rogue-1", "p1");
        assertThat(h.get(0).get("status").asText()).isEqualTo("silent");
        assertThat(h.get(0).get("last_seen").asText()).isEqualTo(DAY1 + "T09:30:20+09:00");
        assertThat(h.get(0).get("clients_now").asInt()).isZero(); // its last count is half an hour old
        assertThat(h.get(0).get("site_name_en").asText()).isEqualTo("Aoba Castle");
        assertThat(h.get(1).get("status").asText()).isEqualTo("unknown");
        assertThat(h.get(1).get("lat").isNull()).isTrue();
        JsonNode p1 = h.get(2);
        assertThat(p1.get("status").asText()).isEqualTo("ok"); // its overload cleared at 08:30
        assertThat(p1.get("clients_now").asInt()).isEqualTo(5);
        assertThat(p1.get("open_alerts").asInt()).isZero();
        List<Integer> spark = new java.util.ArrayList<>();
        p1.get("sparkline").forEach(v -> spark.add(v.asInt()));
        assertThat(spark).hasSize(24);
        assertThat(spark.get(23)).isEqualTo(5); // the hour ending now
        assertThat(spark.get(22)).isEqualTo(12); // 08:10, in the hour before
        assertThat(board.get("open_alerts")).hasSize(2);
        JsonNode log = JSON.readTree(get("/api/v1/alerts?limit=10", ops).body()).get("alerts");
        assertThat(log).hasSize(4);
        // a controller's login spike: failures against the AP's usual rate, its attempts unknown
        assertThat(log.get(3).get("basis").asText()).isEqualTo("failure_rate");
        assertThat(log.get(3).get("peak").asDouble()).isEqualTo(37);
        assertThat(log.get(3).get("peak_attempts").asInt()).isZero();
        assertThat(log.get(0).get("alert_id").asText()).isEqualTo("unknown_ap:rogue-1:1"); // newest first
        assertThat(log.get(1).get("alert_id").asText()).isEqualTo("silent:c1:1");
        assertThat(log.get(2).get("state").asText()).isEqualTo("cleared");
        assertThat(log.get(2).get("cleared_at").asText()).isEqualTo(DAY1 + "T08:30:00+09:00");
        assertThat(get("/api/v1/alerts?limit=0", ops).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/alerts?limit=x", ops).statusCode()).isEqualTo(400);
    }

    @Test
    void sessionsSignInWithAPasswordOrAOneTimeLinkAndChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> bad = HTTP.send(form("user=vera&password=wrong"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = HTTP.send(form("user=vera&password=correct+horse+battery"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(204);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/v1/me")).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(me.body()).path("role").asText()).isEqualTo("viewer");
        assertThat(JSON.readTree(me.body()).path("csrfToken").asText()).isNotEmpty();
        HttpResponse<String> noCsrf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/logout")).header("Cookie", session).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        String code = sessions.oneTimeLink("vera", Duration.ofMinutes(5));
        HttpClient noRedirect = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest once = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login/once?code="
                + code)).build();
        assertThat(noRedirect.send(once, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        assertThat(noRedirect.send(once, HttpResponse.BodyHandlers.ofString()).statusCode()).as("used up")
                .isEqualTo(401);
    }

    @Test
    void requestsAndTheirLatencyAreExposedForPrometheus() throws Exception {
        get("/api/v1/visitors?from=" + DAY1 + "&to=" + DAY2, viewer);
        get("/api/v1/visitors?from=nonsense&to=" + DAY2, viewer);
        String metrics = get("/metrics", null).body();
        assertThat(metrics).contains("tabiji_api_requests_total{route=\"/api/v1/visitors\",status=\"200\"}")
                .contains("tabiji_api_requests_total{route=\"/api/v1/visitors\",status=\"400\"}")
                .contains("tabiji_api_request_seconds_bucket{route=\"/api/v1/visitors\",le=\"0.1\"}")
                .doesNotContain("nonsense").doesNotContain("dev-");
    }

    @Test
    void theDashboardTheApiDescriptionAndTheirLibrariesAreServedFromHere() throws Exception {
        assertThat(get("/", null).body()).contains("<html lang=\"ja\">");
        assertThat(JSON.readTree(get("/openapi.json", null).body()).path("paths").has("/api/v1/flows")).isTrue();
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/swagger.html", null).body()).contains("swagger-ui-bundle.js");
        assertThat(get("/webjars/swagger-ui/5.32.6/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> export(String query, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/export?from="
                + DAY1 + "&to=" + DAY2 + query)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void exportsReadBackInEveryFormatAndEveryOneIsAudited() throws Exception {
        java.nio.file.Path auditFile = dir.resolve("audit.log");
        int before = java.nio.file.Files.exists(auditFile) ? java.nio.file.Files.readAllLines(auditFile).size() : 0;
        assertThat(export("&format=csv", viewer).statusCode()).as("viewers do not export").isEqualTo(403);
        assertThat(export("&format=doc", analyst).statusCode()).isEqualTo(400);

        byte[] csv = export("&format=csv&lang=ja", analyst).body();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("日別訪問者数").contains("2026-11-02,6").contains("port,2026-11-02,<3")
                .contains("±0").doesNotContain("dev-");

        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export("&format=xlsx&lang=en", analyst).body()))) {
            org.apache.poi.ss.usermodel.Sheet daily = wb.getSheet("Visitors per day");
            assertThat(daily.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.parse(DAY1));
            assertThat(daily.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(6.0);
            org.apache.poi.ss.usermodel.Sheet sites = wb.getSheet("Visitors per site and day");
            assertThat(sites.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Aoba Castle");
            assertThat(sites.getRow(3).getCell(2).getStringCellValue()).isEqualTo("<3");
        }

        HttpResponse<byte[]> pdf = export("&format=pdf&lang=ja", analyst);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(pdfText).contains("観光Wi-Fi 利用動向レポート").contains("青葉城").contains("2026-11-02")
                    .contains("日別訪問者数").doesNotContain("dev-");
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                export("&format=pdf&lang=en", analyst).body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Visitors per day")
                    .contains("Aoba Castle");
        }
        List<String> all = java.nio.file.Files.readAllLines(auditFile);
        List<String> audit = all.subList(before, all.size());
        assertThat(audit).hasSize(4).allSatisfy(line -> assertThat(line).contains("\"user\":\"anna\"")
                .contains("\"from\":\"" + DAY1 + "\"").contains("\"to\":\"" + DAY2 + "\""));
        assertThat(audit.get(0)).contains("\"format\":\"csv\"");
    }

    private static void assertError(String path, String message) throws Exception {
        HttpResponse<String> r = get(path, viewer);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).as(path).contains(message);
    }

    private static HttpRequest form(String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
