package jp.tabiji.app;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import jp.tabiji.analytics.segments.DeviceSegments;
import java.time.LocalDate;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.QueryLimits;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.analytics.catalogue.EventCalendar;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.PeriodCache;
import jp.tabiji.analytics.catalogue.PeriodCacheRefresher;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.web.ApiServer;
import jp.tabiji.web.EventDesk;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;
import jp.tabiji.web.map.MapLayers;
import jp.tabiji.web.opendata.OpenDataDesk;
import jp.tabiji.web.opendata.OpenDataReleases;
import jp.tabiji.web.opendata.Publisher;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.PdfReport;
import jp.tabiji.web.report.ReportBuilder;
import jp.tabiji.web.report.ReportFormat;
import jp.tabiji.web.report.ReportLanguage;

/** `tabiji serve` (the API and the dashboard) and `tabiji users` (accounts and tokens). */
final class ServeCommand {
    static final String ADMIN = "admin";

    private final AppConfig config;
    private final PrintStream out;

    ServeCommand(AppConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    static AuditLog auditLog(AppConfig config) {
        return new AuditLog(config.home().resolve("audit.log"), java.time.Clock.systemUTC());
    }

    static UserStore userStore(AppConfig config) {
        return new UserStore(config.home().resolve("users.json"));
    }

    /** What the API, dashboard and exports publish: the catalogue with the cell-key release. */
    MetricCatalogue releasedCatalogue(ClickHouseHttp reader, Sites sites, PeriodCache cache) throws IOException {
        return new MetricCatalogue(reader, sites, Release.cellKey(config.releaseSecret(System.getenv()), config.k()),
                cache, config.segmentPeriod(), Clock.system(config.zone()));
    }

    /** Starts the server; returns it running (the caller waits or stops it). */
    Javalin start(String bind, int port, ApRegistry registry, String landing,
                  Optional<MapLayers.Boundaries> boundaries) throws IOException {
        MapLayers map;
        try {
            map = MapLayers.around(registry.sites().values(), boundaries);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ClickHouseHttp admin = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(admin).migrate();
        // every API query bounded in rows, time and memory, whatever profile the server gives the reader
        ClickHouseHttp reader = new ClickHouseHttp(config.clickhouseUrl(), config.database(), ClickHouseHttp.READER)
                .withLimits(QueryLimits.api());
        Sites sites = new Sites(registry);
        PeriodCache cache = new PeriodCache(reader, admin, sites);
        MetricCatalogue stats = releasedCatalogue(reader, sites, cache);
        UserStore users = userStore(config);
        if (users.byName(ADMIN).isEmpty()) {
            users.addUser(ADMIN, Role.ADMIN); // its token is not shown: the admin signs in with the link below
        }
        SessionStore sessions = SessionStore.withDefaults();
        OpsService ops = new OpsService(new HotspotBoard(reader, registry), registry, config.zone());
        AuditLog audit = auditLog(config);
        OpenDataDesk openData = new OpenDataDesk(stats, registry, config.publisher(null, null, System.getenv()),
                new OpenDataReleases(config.openDataDir(), Clock.systemUTC()), audit);
        Javalin app = new ApiServer(stats, ops, map, users, sessions, audit, PdfReport.DEFAULT_FONT,
                new ApiServer.AdminDesks(Optional.of(openData),
                        Optional.of(new EventDesk(new EventCalendar(admin), audit, Clock.systemUTC())))).create()
                .start(bind, port);
        DeviceSegments segments = config.deviceSegments(admin, sites, System.getenv());
        Map<String, IntSupplier> rounds = new LinkedHashMap<>();
        rounds.put("device segments", segments::refresh);
        rounds.put("period cache", cache::refresh);
        PeriodCacheRefresher refresher = new PeriodCacheRefresher(rounds, Duration.ofSeconds(30));
        app.events(e -> e.serverStopping(refresher::close));
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        out.printf("serve: dashboard and API on http://%s:%d/ (API description: /api/docs)%n", host, app.port());
        out.printf("serve: one-time admin sign-in (valid 15 minutes): http://%s:%d/login/once?code=%s%s%n", host,
                app.port(), sessions.oneTimeLink(ADMIN, Duration.ofMinutes(15)), landing);
        return app;
    }

    int addUser(String name, String roleName) {
        Role role;
        try {
            role = Role.parse(roleName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String token = userStore(config).addUser(name, role);
        out.println(token);
        System.err.printf("users: %s (%s) has a new API token, printed above once; send it as "
                + "Authorization: Bearer TOKEN%n", name, role.label());
        return 0;
    }

    /** `tabiji opendata`: one release from the released catalogue, versioned in {@code dir}; audited as the OS user. */
    int openData(LocalDate from, LocalDate to, Path dir, ApRegistry registry, Publisher publisher) throws Exception {
        if (registry.isEmpty()) {
            throw new UsageException("opendata needs the AP registry (--registry FILE, or registry.csv in TABIJI_HOME)");
        }
        MetricCatalogue stats = releasedCatalogue(new ClickHouseHttp(config.clickhouseUrl(), config.database(),
                ClickHouseHttp.READER), new Sites(registry), null);
        OpenDataDesk desk = new OpenDataDesk(stats, registry, publisher, new OpenDataReleases(dir, Clock.systemUTC()),
                auditLog(config));
        OpenDataDesk.Outcome o;
        try {
            o = desk.publish("cli:" + System.getProperty("user.name"), "cli", from, to);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        OpenDataReleases.Published p = o.published();
        out.printf(p.created() ? "opendata: published %s v%d in %s%n" : "opendata: unchanged, %s v%d already holds "
                + "these files (%s)%n", p.range(), p.version(), p.dir());
        if (o.noWholeMonth()) {
            out.printf("opendata: no whole calendar month in %s..%s, so no language shares (they are monthly)%n",
                    from, to);
        }
        return 0;
    }

    /** `tabiji report`: the same report the dashboard exports, to a file; audited as the OS user. */
    int report(String formatName, String langName, Path file, LocalDate from, LocalDate to, ApRegistry registry)
            throws Exception {
        ReportFormat format;
        ReportLanguage lang;
        try {
            format = ReportFormat.parse(formatName);
            lang = ReportLanguage.parse(langName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MetricCatalogue stats = releasedCatalogue(new ClickHouseHttp(config.clickhouseUrl(), config.database(),
                ClickHouseHttp.READER), new Sites(registry), null);
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            format.write(new ReportBuilder(stats).build(from, to, lang), out, PdfReport.DEFAULT_FONT);
        }
        auditLog(config).exported("cli:" + System.getProperty("user.name"), "cli", format.extension, lang, from, to);
        this.out.printf("report: %s (%s, %s, %s to %s)%n", file, format.extension, lang.name().toLowerCase(
                java.util.Locale.ROOT), from, to);
        return 0;
    }
}
