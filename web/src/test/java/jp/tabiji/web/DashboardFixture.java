package jp.tabiji.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.web.map.MapLayers;
import jp.tabiji.web.opendata.OpenDataDesk;
import jp.tabiji.web.opendata.OpenDataReleases;
import jp.tabiji.web.opendata.Publisher;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.analytics.release.Perturbation;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.PdfReport;

/**
 * A real ClickHouse holding rows whose answers are known, and the server over it (k = 3):
 * castle, day 1: devices 1–4 in English, 5 in Japanese; day 2: devices 1–3 (English); port, day 1: devices 1 and 6;
 * five visits at the castle with dwells 600…3000 s; three trips castle → port on day 1 by devices 1–3. Device 6 is
 * staff, every other device a visitor; devices 2–4 have private (random) addresses.
 */
final class DashboardFixture implements AutoCloseable {
    static final int K = 3;
    static final String DAY1 = "2026-11-02";
    static final String DAY2 = "2026-11-03";

    final ClickHouseServer clickhouse;
    final Javalin app;
    final SessionStore sessions = SessionStore.withDefaults();
    final UserStore users;
    final String viewer;
    final String ops;
    final String analyst;
    final String admin;
    final ApRegistry registry;
    /** The maps' layers: the land around the registry and the boundaries fixture. */
    final MapLayers map;
    static final Path BOUNDARIES = Path.of("src/test/resources/geo/boundaries-fixture.geojson");
    static final String BOUNDARIES_LICENCE = "テスト用の図形 / test shapes, CC0";
    final ApiServer server;
    /** Where the server publishes open data. */
    final Path openData;
    /** The catalogue the server answers from. */
    final MetricCatalogue catalogue;
    /**
     * Exact numbers bound to the lattice like the cell-key release, so the fixture's answers stay readable here;
     * the noise itself is tested by ReleaseTest and, on a real server, by DisclosureAttackIT.
     */
    static final Release RELEASE = new Release(Perturbation.NONE, K, true);

    /** The fixture's AP registry: the castle's and the port's access points. */
    static final List<String> REGISTRY = List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
            "c1,02:00:00:00:01:00,castle,青葉城,Aoba Castle,sendai,38.25,140.85",
            "p1,02:00:00:00:02:00,port,塩竈港,Shiogama Port,shiogama,38.31,141.02");

    DashboardFixture(Path dir) throws Exception {
        this(dir, REGISTRY);
    }

    DashboardFixture(Path dir, List<String> registryLines) throws Exception {
        clickhouse = new ClickHouseServer(dir.resolve("ch"), FreePorts.find(), FreePorts.find()).start();
        ClickHouseHttp ch = new ClickHouseHttp(clickhouse.httpUrl(), "api");
        new SchemaMigrator(ch).migrate();
        List<String> dayRows = new ArrayList<>();
        List<String> hourRows = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            dayRows.add(row("castle", DAY1, d, d == 5 ? "ja" : "en"));
            hourRows.add("('castle', '" + DAY1 + "', '" + DAY1 + "T1" + (d % 2) + "', 'dev-00" + d + "', " + d + ", 'en')");
        }
        for (int d = 1; d <= 3; d++) {
            dayRows.add(row("castle", DAY2, d, "en"));
        }
        dayRows.add(row("port", DAY1, 1, "en"));
        dayRows.add(row("port", DAY1, 6, "ko"));
        ch.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang, random_mac) VALUES "
                + String.join(", ", dayRows));
        ch.execute("INSERT INTO site_hour_visitors (site_id, day, hour, device_id, last_event_ms, lang) VALUES "
                + String.join(", ", hourRows));
        List<String> visits = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            visits.add("('v" + d + "', 'dev-00" + d + "', 'castle', '" + DAY1 + "', 0, 0, " + (d * 600) + ", 2, 'en', 0)");
        }
        for (int d = 1; d <= 3; d++) {
            moves.add("('m" + d + "', 'dev-00" + d + "', 'castle', 'port', '" + DAY1 + "', 0, 1800000, 1800, 'en')");
        }
        ch.execute("INSERT INTO visits (visit_id, device_id, site_id, day, start_ms, end_ms, dwell_s, events, lang, "
                + "random_mac) VALUES " + String.join(", ", visits));
        ch.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) VALUES " + String.join(", ", moves));
        // device 6 (the port, day 1) is staff by its month's history; every other device a visitor
        ch.execute("INSERT INTO device_segments VALUES (toDate('2026-11-01'), 'dev-006', 'staff', 6, 6, 20, 1, 6, 1800, "
                + "0, 1, 32400, 1)");
        ApRegistry registry = ApRegistry.parse(registryLines, "registry");
        users = new UserStore(dir.resolve("users.json"));
        viewer = users.addUser("vera", Role.VIEWER);
        ops = users.addUser("otto", Role.OPS);
        analyst = users.addUser("anna", Role.ANALYST);
        admin = users.addUser("ada", Role.ADMIN);
        users.setPassword("vera", "correct horse battery".toCharArray());
        this.registry = registry;
        ClickHouseHttp reader = new ClickHouseHttp(clickhouse.httpUrl(), "api", ClickHouseHttp.READER);
        MetricCatalogue stats = new MetricCatalogue(reader, new Sites(registry), RELEASE, null);
        catalogue = stats;
        hotspots(ch);
        OpsService ops = new OpsService(new HotspotBoard(reader, registry), registry, ZoneId.of("Asia/Tokyo"));
        map = MapLayers.around(registry.sites().values(),
                Optional.of(new MapLayers.Boundaries(BOUNDARIES, BOUNDARIES_LICENCE)));
        AuditLog audit = new AuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        openData = dir.resolve("opendata");
        server = new ApiServer(stats, ops, map, users, sessions, audit, PdfReport.DEFAULT_FONT,
                new ApiServer.AdminDesks(Optional.of(new OpenDataDesk(stats, registry, Publisher.MIYAGI,
                        new OpenDataReleases(openData, Clock.systemUTC()), audit)),
                        Optional.of(new EventDesk(new jp.tabiji.analytics.catalogue.EventCalendar(ch), audit,
                                Clock.systemUTC()))));
        app = server.create().start("127.0.0.1", 0);
    }

    /**
     * The operations fixture, times on DAY1 (Tokyo): c1 last sent at 09:30:20 and is silent since 09:45; p1 had 5
     * clients in its latest minute (09:59, which is "now") and an overload from 08:00 to 08:30; rogue-1 is an AP
     * nobody registered.
     */
    private static void hotspots(ClickHouseHttp ch) {
        String d = DAY1 + " ";
        ch.execute("INSERT INTO ap_minute (ap_id, site_id, minute, last_event, events, clients_now, new_connections, "
                + "login_attempts, login_failures, bytes_in, bytes_out) VALUES "
                + "('c1', 'castle', toDateTime('" + d + "09:30:00', 'Asia/Tokyo'), toDateTime('" + d + "09:30:20', 'Asia/Tokyo'), 3, 2, 2, 0, 0, 0, 0), "
                + "('p1', 'port', toDateTime('" + d + "08:10:00', 'Asia/Tokyo'), toDateTime('" + d + "08:10:00', 'Asia/Tokyo'), 9, 12, 9, 0, 0, 0, 0), "
                + "('p1', 'port', toDateTime('" + d + "09:58:00', 'Asia/Tokyo'), toDateTime('" + d + "09:58:40', 'Asia/Tokyo'), 1, 4, 1, 0, 0, 0, 0), "
                + "('p1', 'port', toDateTime('" + d + "09:59:00', 'Asia/Tokyo'), toDateTime('" + d + "09:59:10', 'Asia/Tokyo'), 1, 5, 1, 0, 0, 0, 0), "
                + "('rogue-1', '', toDateTime('" + d + "09:50:00', 'Asia/Tokyo'), toDateTime('" + d + "09:50:05', 'Asia/Tokyo'), 1, 1, 1, 0, 0, 0, 0)");
        // a login spike at a controller that logs failures only: 37 failures at the peak against a threshold of 20
        ch.execute("INSERT INTO alerts (alert_id, state, kind, ap_id, site_id, ts, opened_at, value, threshold, detail, "
                + "peak_value, peak_at, peak_failures, basis) VALUES "
                + "('login_failure_spike:p1:1', 'open', 'login_failure_spike', 'p1', 'port', toDateTime('" + d
                + "07:00:00', 'Asia/Tokyo'), toDateTime('" + d + "07:00:00', 'Asia/Tokyo'), 22, 20, '22 failed logins', 37, "
                + "toDateTime('" + d + "07:04:00', 'Asia/Tokyo'), 37, 'failure_rate'), "
                + "('login_failure_spike:p1:1', 'clear', 'login_failure_spike', 'p1', 'port', toDateTime('" + d
                + "07:20:00', 'Asia/Tokyo'), toDateTime('" + d + "07:00:00', 'Asia/Tokyo'), 3, 20, '3 failed logins', 37, "
                + "toDateTime('" + d + "07:04:00', 'Asia/Tokyo'), 37, 'failure_rate')");
        ch.execute("INSERT INTO alerts (alert_id, state, kind, ap_id, site_id, ts, opened_at, value, threshold, detail) "
                + "VALUES ('silent:c1:1', 'open', 'silent', 'c1', 'castle', toDateTime('" + d + "09:45:20', 'Asia/Tokyo'), "
                + "toDateTime('" + d + "09:45:20', 'Asia/Tokyo'), 15, 15, 'no events for 15 min'), "
                + "('overloaded:p1:1', 'open', 'overloaded', 'p1', 'port', toDateTime('" + d + "08:05:00', 'Asia/Tokyo'), "
                + "toDateTime('" + d + "08:05:00', 'Asia/Tokyo'), 12, 10, '12 clients'), "
                + "('overloaded:p1:1', 'clear', 'overloaded', 'p1', 'port', toDateTime('" + d + "08:30:00', 'Asia/Tokyo'), "
                + "toDateTime('" + d + "08:05:00', 'Asia/Tokyo'), 8, 10, '8 clients'), "
                + "('unknown_ap:rogue-1:1', 'open', 'unknown_ap', 'rogue-1', '', toDateTime('" + d + "09:50:05', 'Asia/Tokyo'), "
                + "toDateTime('" + d + "09:50:05', 'Asia/Tokyo'), 1, 0, 'events from an AP missing from the registry')");
    }

    private static String row(String site, String day, int device, String lang) {
        return "('" + site + "', '" + day + "', 'dev-00" + device + "', " + device + ", '" + lang + "', "
                + (device >= 2 && device <= 4 ? 1 : 0) + ")";
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Override
    public void close() throws Exception {
        app.stop();
        clickhouse.close();
    }
}
