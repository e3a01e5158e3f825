package jp.tabiji.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.web.ApiServer;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.PeriodCache;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.PdfReport;

/**
 * `tabiji bench api`: a year of generated visits (10 million by default) in ClickHouse, with the site-day, site-hour
 * and move rows they imply, then every endpoint asked for one month, repeatedly, over HTTP; p50 and p95 latency.
 */
final class ApiBench {
    /** {@code firstMs}: the first request after the refresh, before any answer was kept (cold). */
    record Row(String query, int rows, double firstMs, double p50Ms, double p95Ms) {
    }

    private static final int SITES = 40;
    private static final String MONTH = "from=2026-06-01&to=2026-06-30";
    /** A free range that cuts two ISO weeks and the month (the dashboard's "this month so far" is one too). */
    private static final String FREE = "from=2026-06-03&to=2026-06-20";
    static final List<String> QUERIES = List.of(
            "/api/v1/visitors?" + MONTH, "/api/v1/visitors?" + MONTH + "&groupBy=site,day",
            "/api/v1/visitors?" + MONTH + "&groupBy=hour", "/api/v1/visitors?" + MONTH + "&groupBy=area,month",
            "/api/v1/languages?" + MONTH, "/api/v1/languages?" + MONTH + "&groupBy=site",
            "/api/v1/flows?" + MONTH, "/api/v1/flows?" + MONTH + "&groupBy=lang",
            "/api/v1/dwell?" + MONTH, "/api/v1/dwell?" + MONTH + "&groupBy=site,bucket",
            "/api/v1/repeat?" + MONTH, "/api/v1/kpis?" + MONTH, "/api/v1/sites",
            "/api/v1/visitors?" + FREE + "&groupBy=day", "/api/v1/visitors?" + FREE + "&groupBy=site,day",
            "/api/v1/languages?" + FREE + "&groupBy=day", "/api/v1/flows?" + FREE,
            "/api/v1/flows?" + FREE + "&groupBy=lang", "/api/v1/dwell?" + FREE,
            "/api/v1/dwell?" + FREE + "&groupBy=site,bucket");

    private ApiBench() {
    }

    static List<Row> run(Path dir, long visits, int repeats) throws Exception {
        try (ClickHouseServer clickhouse = new ClickHouseServer(dir.resolve("ch"), FreePorts.find(),
                FreePorts.find()).start()) {
            ClickHouseHttp admin = new ClickHouseHttp(clickhouse.httpUrl(), "bench");
            new SchemaMigrator(admin).migrate();
            long t0 = System.nanoTime();
            generate(admin, visits);
            System.out.printf("bench api: %,d visits and their rows generated in %.0f s%n",
                    admin.selectLong("SELECT count() FROM visits"), (System.nanoTime() - t0) / 1e9);
            UserStore users = new UserStore(dir.resolve("users.json"));
            String token = users.addUser("bench", Role.ADMIN);
            ClickHouseHttp reader = new ClickHouseHttp(clickhouse.httpUrl(), "bench", ClickHouseHttp.READER);
            ApRegistry registry = registry();
            Sites sites = new Sites(registry);
            PeriodCache summaries = new PeriodCache(reader, admin, sites);
            Thread.sleep(2_000); // rows of the last second wait for the next round
            long s0 = System.nanoTime();
            int periods = summaries.refresh();
            System.out.printf("bench api: %d period summaries computed in %.0f s (what `serve` does in the background)%n",
                    periods, (System.nanoTime() - s0) / 1e9);
            MetricCatalogue stats = new MetricCatalogue(reader, sites, Release.cellKey(
                    "bench-release-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8), 10), summaries);
            OpsService ops = new OpsService(new HotspotBoard(reader, registry), registry,
                    java.time.ZoneId.of("Asia/Tokyo"));
            Javalin app = new ApiServer(stats, ops,
                    jp.tabiji.web.map.MapLayers.around(registry.sites().values(), java.util.Optional.empty()), users, SessionStore.withDefaults(),
                    new AuditLog(dir.resolve("audit.log"), Clock.systemUTC()), PdfReport.DEFAULT_FONT).create()
                    .start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                List<Row> out = new ArrayList<>();
                for (String q : QUERIES) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + q))
                            .header("Authorization", "Bearer " + token).build();
                    long f = System.nanoTime();
                    int rows = countRows(http.send(req, HttpResponse.BodyHandlers.ofString()));
                    double firstMs = (System.nanoTime() - f) / 1e6;
                    for (int i = 0; i < 2; i++) { // warm-up
                        http.send(req, HttpResponse.BodyHandlers.ofString());
                    }
                    double[] ms = new double[repeats];
                    for (int i = 0; i < repeats; i++) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    Arrays.sort(ms);
                    out.add(new Row(q.replace("?" + MONTH, " (June)").replace("?" + FREE, " (3–20 June)").replace("&", " "), rows, firstMs, rank(ms, 0.5),
                            rank(ms, 0.95)));
                }
                return out;
            } finally {
                app.stop();
            }
        }
    }

    /** Nearest rank, as DESIGN.md defines percentiles. */
    private static double rank(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    private static int countRows(HttpResponse<String> r) {
        return r.body().split("\\{", -1).length - 2;
    }

    static ApRegistry registry() {
        List<String> lines = new ArrayList<>(List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon"));
        for (int s = 0; s < SITES; s++) {
            lines.add(String.format("ap-%d,02:00:00:00:%02x:00,site-%d,地点%d,Site %d,area-%d,%.3f,%.3f", s, s, s, s, s,
                    s % 5, 38.0 + s * 0.01, 140.5 + s * 0.02));
        }
        return ApRegistry.parse(lines, "bench registry");
    }

    /**
     * A year of visits made inside ClickHouse (INSERT ... SELECT from numbers(), the fastest way in): about five
     * visits per device within two days, 40 sites, seven languages; then the site-day and site-hour rows and
     * about 0.7 moves per visit.
     */
    private static void generate(ClickHouseHttp ch, long visits) {
        String dv = "intDiv(number, 5)";
        String day = "toDate('2026-01-01') + (" + dv + " % 365) + if(number % 5 >= 3, 1, 0)";
        String lang = "arrayElement(['ja', 'en', 'zh-Hans', 'zh-Hant', 'ko', 'th', 'unknown'], toUInt32(sipHash64("
                + dv + ", 4) % 7) + 1)";
        String device = "lower(hex(sipHash64(" + dv + ")))";
        String site = "concat('site-', toString(sipHash64(number, 1) % " + SITES + "))";
        String start = "(toUInt64(toUnixTimestamp(toDateTime(" + day + "))) + 32400 + sipHash64(number, 2) % 36000)"
                + " * 1000";
        String dwell = "toUInt32(sipHash64(number, 3) % 14400)";
        ch.execute("INSERT INTO visits (visit_id, device_id, site_id, day, start_ms, end_ms, dwell_s, events, lang, "
                + "random_mac) SELECT toString(number), " + device + ", " + site + ", " + day + ", " + start + ", "
                + start + " + " + dwell + " * 1000, " + dwell + ", 3, " + lang + ", 0 FROM numbers(" + visits + ")");
        // a month at a time: grouping the whole year at once needs more than the server's 4 GB per query
        for (int m = 1; m <= 13; m++) {
            String month = " FROM visits WHERE toYYYYMM(day) = " + (m == 13 ? 202701 : 202600 + m);
            ch.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang) SELECT site_id, "
                    + "day, device_id, max(end_ms), argMax(lang, (end_ms, lang))" + month + " GROUP BY site_id, day, device_id");
            ch.execute("INSERT INTO site_hour_visitors (site_id, day, hour, device_id, last_event_ms, lang) SELECT "
                    + "site_id, day, concat(toString(day), 'T', substring(toString(toDateTime(intDiv(start_ms, 1000))), "
                    + "12, 2)) AS h, device_id, max(end_ms), argMax(lang, (end_ms, lang))" + month
                    + " GROUP BY site_id, day, h, device_id");
        }
        ch.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) SELECT toString(number), " + device + ", " + site + ", concat('site-', "
                + "toString(sipHash64(number, 5) % " + SITES + ")), " + day + ", " + start + ", " + start
                + " + 1800000, 1800, " + lang + " FROM numbers(" + (visits * 7 / 10) + ")");
        ch.execute("OPTIMIZE TABLE visits FINAL");
        ch.execute("OPTIMIZE TABLE site_day_visitors FINAL");
        ch.execute("OPTIMIZE TABLE site_hour_visitors FINAL");
        ch.execute("OPTIMIZE TABLE moves FINAL");
    }
}
