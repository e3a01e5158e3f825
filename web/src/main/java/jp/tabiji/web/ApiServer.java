package jp.tabiji.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.web.StatsService.Endpoint;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.ReportBuilder;
import jp.tabiji.web.report.ReportFormat;
import jp.tabiji.web.report.ReportLanguage;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP only: routes, authentication (a bearer token, or a session cookie with a CSRF token for changes), roles,
 * and JSON out. The numbers come from {@link StatsService}, users from {@link UserStore}.
 */
public final class ApiServer {
    static final String SESSION_COOKIE = "tabiji_session";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String PRINCIPAL = "tabiji.principal";
    private static final String STARTED = "tabiji.started";

    /** Who a request acts for. */
    record Principal(String user, Role role, Optional<SessionStore.Session> session) {
    }

    private final StatsService stats;
    private final UserStore users;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final Path reportFont;
    private final OpsService ops;
    private final ApiMetrics metrics = new ApiMetrics();

    public ApiServer(StatsService stats, OpsService ops, UserStore users, SessionStore sessions, AuditLog audit,
                     Path reportFont) {
        this.stats = stats;
        this.ops = ops;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.reportFont = reportFont;
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(ctx -> {
            Long t0 = ctx.attribute(STARTED);
            String route = ctx.endpointHandlerPath();
            if (t0 != null && (route.startsWith("/api/") || route.startsWith("/login") || route.equals("/logout"))) {
                metrics.observe(route, ctx.statusCode(), (System.nanoTime() - t0) / 1e9);
            }
        });
        // aggregate counts only, nothing about visitors: scraped by Prometheus on the server's own network
        app.get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
        app.before("/api/v1/*", this::authenticate);
        for (Endpoint e : Endpoint.values()) {
            app.get("/api/v1/" + e.name().toLowerCase(java.util.Locale.ROOT), ctx -> statistics(ctx, e));
        }
        app.get("/api/v1/kpis", ctx -> {
            requireStatistics(ctx);
            ctx.json(stats.kpis(ctx.queryParamMap()));
        });
        app.get("/api/v1/export", this::export);
        app.get("/api/v1/sites", ctx -> ctx.json(body(stats.sitesTable(), Map.of())));
        app.get("/api/v1/hotspots", ctx -> {
            requireOperations(ctx);
            ctx.json(ops.hotspots());
        });
        app.get("/api/v1/alerts", ctx -> {
            requireOperations(ctx);
            int limit = parseOr400(() -> Integer.parseInt(only(ctx.queryParams("limit"), "200")));
            ctx.json(parseOr400(() -> ops.log(limit)));
        });
        app.get("/api/v1/me", ctx -> {
            Principal p = principal(ctx);
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("user", p.user());
            me.put("role", p.role().label());
            p.session().ifPresent(s -> me.put("csrfToken", s.csrfToken()));
            ctx.json(me);
        });
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(
                getClass().getResourceAsStream("/openapi.json")));
        app.get("/api/docs", ctx -> ctx.redirect("/swagger.html"));
        app.post("/login", this::login);
        app.get("/login/once", this::redeem);
        app.post("/logout", ctx -> {
            sessions.close(ctx.cookie(SESSION_COOKIE));
            ctx.removeCookie(SESSION_COOKIE, "/");
            ctx.status(204);
        });
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error; the server log has the details"));
        });
        return app;
    }

    private static void requireOperations(Context ctx) {
        if (!principal(ctx).role().mayOperate()) {
            throw new ApiException(403, "hotspot operations are for the ops and admin roles");
        }
    }

    private static void requireStatistics(Context ctx) {
        if (!principal(ctx).role().mayReadStatistics()) {
            throw new ApiException(403, "your role may not read visitor statistics");
        }
    }

    /** The report for a range as pdf, xlsx or csv; analysts and admins only, and every export is audited. */
    private void export(Context ctx) throws java.io.IOException {
        Principal p = principal(ctx);
        if (!p.role().mayExport()) {
            throw new ApiException(403, "your role may not export; ask for the analyst role");
        }
        Map<String, List<String>> q = new LinkedHashMap<>(ctx.queryParamMap());
        ReportFormat format = parseOr400(() -> ReportFormat.parse(only(q.remove("format"), "pdf")));
        ReportLanguage lang = parseOr400(() -> ReportLanguage.parse(only(q.remove("lang"), "ja")));
        StatsRequest r = StatsRequest.parse(q, stats.sites(), java.util.EnumSet.noneOf(StatsRequest.Group.class),
                java.util.EnumSet.noneOf(StatsRequest.Group.class));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        format.write(new ReportBuilder(stats).build(r.from(), r.to(), lang), body, reportFont);
        audit.exported(p.user(), "api", format.extension, lang, r.from(), r.to());
        ctx.contentType(format.contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"tabiji-" + r.from() + "-" + r.to() + "."
                + format.extension + "\"");
        ctx.result(body.toByteArray());
    }

    private static String only(List<String> values, String dflt) {
        if (values == null || values.isEmpty()) {
            return dflt;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("give each parameter once");
        }
        return values.get(0);
    }

    private static <T> T parseOr400(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void statistics(Context ctx, Endpoint endpoint) {
        requireStatistics(ctx);
        StatsRequest r = stats.parse(endpoint, ctx.queryParamMap());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("from", r.from().toString());
        meta.put("to", r.to().toString());
        List<String> by = new ArrayList<>();
        r.groupBy().forEach(g -> by.add(g.label()));
        meta.put("groupBy", by);
        ctx.json(body(stats.run(endpoint, r), meta));
    }

    /** {@code {"rows": [{column: value}], ...}}: the CLI's column names; a suppressed cell is null. */
    private Map<String, Object> body(ResultTable t, Map<String, Object> meta) {
        List<Map<String, Object>> rows = new ArrayList<>(t.rows().size());
        int suppressed = 0;
        for (List<Object> row : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                Object v = row.get(i);
                if (v == ResultTable.SUPPRESSED) {
                    suppressed++;
                    v = null;
                }
                m.put(t.columns().get(i), v);
            }
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("columns", t.columns());
        out.putAll(meta);
        out.put("k", stats.k());
        out.put("suppressedCells", suppressed);
        return out;
    }

    private void authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.startsWith("Bearer ")) {
                throw unauthorized("use Authorization: Bearer TOKEN");
            }
            UserStore.User u = users.byToken(auth.substring(7).trim())
                    .orElseThrow(() -> unauthorized("unknown token"));
            ctx.attribute(PRINCIPAL, new Principal(u.name, u.role(), Optional.empty()));
            return;
        }
        SessionStore.Session s = sessions.touch(ctx.cookie(SESSION_COOKIE))
                .orElseThrow(() -> unauthorized("sign in, or send Authorization: Bearer TOKEN"));
        boolean changes = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (changes && !s.csrfToken().equals(ctx.header("X-CSRF-Token"))) {
            throw new ApiException(403, "missing or wrong X-CSRF-Token");
        }
        ctx.attribute(PRINCIPAL, new Principal(s.user(), s.role(), Optional.of(s)));
    }

    private ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    private static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    private void login(Context ctx) {
        String name = ctx.formParam("user");
        String password = ctx.formParam("password");
        if (name == null || password == null) {
            throw ApiException.badRequest("user and password are required");
        }
        UserStore.User u = users.byPassword(name, password.toCharArray())
                .orElseThrow(() -> unauthorized("wrong user or password"));
        startSession(ctx, u);
        ctx.status(204);
    }

    private void redeem(Context ctx) {
        String user = sessions.redeem(ctx.queryParam("code"))
                .orElseThrow(() -> unauthorized("this sign-in link is used up or expired"));
        startSession(ctx, users.byName(user).orElseThrow(() -> unauthorized("no such user")));
        // where to land: a page of the dashboard and its language, both from closed sets
        List<String> query = new ArrayList<>();
        String lang = ctx.queryParam("lang");
        if ("en".equals(lang) || "ja".equals(lang)) {
            query.add("lang=" + lang);
        }
        for (String d : List.of("from", "to")) {
            String v = ctx.queryParam(d);
            if (v != null && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                query.add(d + "=" + v);
            }
        }
        String page = ctx.queryParam("page");
        ctx.redirect("/" + (query.isEmpty() ? "" : "?" + String.join("&", query))
                + (page != null && page.matches("[a-z]{1,20}(/[a-z0-9-]{1,64})?") ? "#" + page : ""));
    }

    private void startSession(Context ctx, UserStore.User u) {
        SessionStore.Session s = sessions.open(u.name, u.role());
        Cookie c = new Cookie(SESSION_COOKIE, s.id(), "/", (int) Duration.ofHours(8).toSeconds(),
                "https".equals(ctx.header("X-Forwarded-Proto")), 0, true, null, null, SameSite.STRICT);
        ctx.cookie(c);
    }
}
