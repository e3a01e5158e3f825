package jp.tabiji.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.security.RouteRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tabiji.analytics.catalogue.Coverage;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.Segment;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;
import jp.tabiji.web.map.MapLayers;
import jp.tabiji.web.opendata.OpenDataDesk;
import jp.tabiji.web.ops.OpsService;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.ReportBuilder;
import jp.tabiji.web.report.ReportFormat;
import jp.tabiji.web.report.ReportLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP only: routes, each with its {@link Access} declared where it is registered, authentication (a bearer token,
 * or a session cookie with a CSRF token for changes), and JSON out. Every number comes from the
 * {@link MetricCatalogue}, the operations board from {@link OpsService}, users from {@link UserStore}.
 */
public final class ApiServer {
    static final String SESSION_COOKIE = SignIn.SESSION_COOKIE;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String PRINCIPAL = "tabiji.principal";
    private static final String STARTED = "tabiji.started";

    /** Who a request acts for. */
    record Principal(String user, Role role, Optional<SessionStore.Session> session) {
    }

    /** A registered route and who may call it. */
    public record Route(HandlerType method, String path, Access access) {
    }

    private final MetricCatalogue catalogue;
    private final UserStore users;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final Path reportFont;
    private final OpsService ops;
    private final ApiMetrics metrics = new ApiMetrics();
    /** Writes a table's body as UTF-8 bytes in one pass (Javalin's {@code ctx.json} makes a String of it first). */
    private final ObjectMapper tableWriter = new ObjectMapper();
    private final List<Route> routes = new ArrayList<>();
    private final QueryGate gate;
    private final byte[] mapBody;
    private final OpenDataHandlers openData;
    private final Optional<EventDesk> eventEditor;

    /** A server that publishes no open data. */
    public ApiServer(MetricCatalogue catalogue, OpsService ops, MapLayers map, UserStore users, SessionStore sessions,
                     AuditLog audit, Path reportFont) {
        this(catalogue, ops, map, users, sessions, audit, reportFont, QueryGate.defaults(), AdminDesks.NONE);
    }

    /** What only admins change: open-data releases and the events calendar (each absent: refused with a 404). */
    public record AdminDesks(Optional<OpenDataDesk> openData, Optional<EventDesk> events) {
        public static final AdminDesks NONE = new AdminDesks(Optional.empty(), Optional.empty());
    }

    public ApiServer(MetricCatalogue catalogue, OpsService ops, MapLayers map, UserStore users, SessionStore sessions,
                     AuditLog audit, Path reportFont, AdminDesks admin) {
        this(catalogue, ops, map, users, sessions, audit, reportFont, QueryGate.defaults(), admin);
    }

    ApiServer(MetricCatalogue catalogue, OpsService ops, MapLayers map, UserStore users, SessionStore sessions,
              AuditLog audit, Path reportFont, QueryGate gate, AdminDesks admin) {
        this.gate = gate;
        this.openData = new OpenDataHandlers(admin.openData());
        this.eventEditor = admin.events();
        try {
            this.mapBody = tableWriter.writeValueAsBytes(map.body()); // the same for every request
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.catalogue = catalogue;
        this.ops = ops;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.reportFont = reportFont;
    }

    /** Every route {@link #create} registered, with its access: what the role-matrix test walks. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = SecurityHeaders.ALL;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> {
            ctx.attribute(STARTED, System.nanoTime());
            SecurityHeaders.ALL.forEach(ctx::header);
        });
        app.after(ctx -> {
            Long t0 = ctx.attribute(STARTED);
            String route = ctx.endpointHandlerPath();
            if (t0 != null && (route.startsWith("/api/") || route.startsWith("/login") || route.equals("/logout"))) {
                metrics.observe(route, ctx.statusCode(), (System.nanoTime() - t0) / 1e9);
            }
        });
        app.beforeMatched(this::authorize);
        SignIn signIn = new SignIn(users, sessions);
        // aggregate counts only, nothing about visitors: scraped by Prometheus on the server's own network
        route(app, HandlerType.GET, "/metrics", Access.PUBLIC,
                ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
        route(app, HandlerType.GET, "/openapi.json", Access.PUBLIC, ctx -> ctx.contentType("application/json")
                .result(getClass().getResourceAsStream("/openapi.json")));
        route(app, HandlerType.GET, "/api/docs", Access.PUBLIC, ctx -> ctx.redirect("/swagger.html"));
        route(app, HandlerType.POST, "/login", Access.PUBLIC, signIn::login);
        route(app, HandlerType.GET, "/login/once", Access.PUBLIC, signIn::redeem);
        route(app, HandlerType.POST, "/logout", Access.PUBLIC, signIn::logout);
        for (Metric m : Metric.values()) {
            route(app, HandlerType.GET, "/api/v1/" + m.label(), Access.STATISTICS, gate.gated(ctx -> statistics(ctx, m)));
        }
        route(app, HandlerType.GET, "/api/v1/kpis", Access.STATISTICS, gate.gated(this::keyFigures));
        route(app, HandlerType.GET, "/api/v1/export", Access.EXPORT, gate.gated(this::export));
        route(app, HandlerType.GET, "/api/v1/sites", Access.SIGNED_IN,
                ctx -> ctx.json(TableJson.body(catalogue.sitesTable(), Map.of(), 0)));
        route(app, HandlerType.GET, "/api/v1/hotspots", Access.OPERATIONS, ctx -> ctx.json(ops.hotspots()));
        route(app, HandlerType.GET, "/api/v1/alerts", Access.OPERATIONS, ctx -> {
            int limit = parseOr400(() -> Integer.parseInt(only(ctx.queryParams("limit"), "200")));
            ctx.json(parseOr400(() -> ops.log(limit)));
        });
        EstimateHandlers estimates = new EstimateHandlers(catalogue, eventEditor);
        route(app, HandlerType.GET, "/api/v1/estimates", Access.STATISTICS, gate.gated(estimates::estimates));
        route(app, HandlerType.GET, "/api/v1/events", Access.STATISTICS, estimates::events);
        route(app, HandlerType.POST, "/api/v1/events", Access.ADMIN, ctx -> estimates.addEvent(ctx, principal(ctx).user()));
        route(app, HandlerType.DELETE, "/api/v1/events", Access.ADMIN,
                ctx -> estimates.removeEvent(ctx, principal(ctx).user()));
        route(app, HandlerType.GET, "/api/v1/events/impact", Access.STATISTICS, gate.gated(estimates::impact));
        route(app, HandlerType.GET, "/api/v1/events/destinations", Access.STATISTICS,
                gate.gated(estimates::destinations));
        route(app, HandlerType.GET, "/api/v1/forecast", Access.STATISTICS, gate.gated(estimates::forecast));
        route(app, HandlerType.GET, "/api/v1/opendata", Access.ADMIN, openData::list);
        route(app, HandlerType.POST, "/api/v1/opendata", Access.ADMIN, ctx -> openData.publish(ctx, principal(ctx).user()));
        route(app, HandlerType.GET, "/api/v1/opendata/{range}/{version}/{file}", Access.ADMIN, openData::download);
        route(app, HandlerType.GET, "/api/v1/me", Access.SIGNED_IN, this::me);
        route(app, HandlerType.GET, "/api/v1/coverage", Access.SIGNED_IN, ctx -> ctx.json(coverage()));
        route(app, HandlerType.GET, "/api/v1/map", Access.SIGNED_IN,
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(mapBody));
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error; the server log has the details"));
        });
        return app;
    }

    private void route(Javalin app, HandlerType method, String path, Access access, Handler handler) {
        routes.add(new Route(method, path, access));
        app.addHttpHandler(method, path, handler, access);
    }

    /** Every matched route: its declared access decides; an /api route that declares none is refused. */
    private void authorize(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        Access access = declared.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElse(null);
        if (access == null) {
            if (ctx.path().startsWith("/api/")) {
                throw new ApiException(403, "this route declares no access");
            }
            return; // the dashboard's static files
        }
        if (access == Access.PUBLIC) {
            return;
        }
        Principal p = authenticate(ctx);
        if (!access.allows(p.role())) {
            throw new ApiException(403, access.refusal());
        }
    }

    private void me(Context ctx) {
        Principal p = principal(ctx);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", p.user());
        me.put("role", p.role().label());
        // the segments this deployment can tell apart (one, unknown, under daily pseudonyms)
        me.put("segments", catalogue.segmentPeriod().segments().stream().map(Segment::label).toList());
        p.session().ifPresent(s -> me.put("csrfToken", s.csrfToken()));
        ctx.json(me);
    }

    private void statistics(Context ctx, Metric metric) throws JsonProcessingException {
        MetricRequest r = MetricParams.parse(ctx.queryParamMap(), catalogue.sites(), metric.offered(),
                metric.defaultGrouping());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("from", r.from().toString());
        meta.put("to", r.to().toString());
        List<String> by = new ArrayList<>();
        r.keyOrder().forEach(g -> by.add(g.label()));
        meta.put("groupBy", by);
        if (r.segment() != null) {
            meta.put("segment", r.segment().label());
        }
        meta.put("no_data", !catalogue.coverage().holdsData(r.from(), r.to()));
        ctx.contentType(ContentType.APPLICATION_JSON).result(tableWriter.writeValueAsBytes(
                TableJson.body(parseOr400(() -> catalogue.run(metric, r)), meta, catalogue.release().maxNoise())));
    }

    /** The days with ingested events as runs, and the range the dashboard opens on (null before any event). */
    private Map<String, Object> coverage() {
        Coverage c = catalogue.coverage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days_with_data", c.runs().stream().map(ApiServer::span).toList());
        out.put("opening", c.opening().map(ApiServer::span).orElse(null));
        return out;
    }

    private static Map<String, String> span(Coverage.Span s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", s.from().toString());
        m.put("to", s.to().toString());
        return m;
    }

    private void keyFigures(Context ctx) {
        MetricRequest r = MetricParams.parse(ctx.queryParamMap(), catalogue.sites(), Set.of(), Set.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
        out.put("no_data", !catalogue.coverage().holdsData(r.from(), r.to()));
        out.putAll(parseOr400(() -> catalogue.keyFigures(r)));
        out.put("k", catalogue.release().k());
        out.put("maxError", catalogue.release().maxNoise());
        ctx.json(out);
    }

    /** The report for a range as pdf, xlsx or csv; analysts and admins only, and every export is audited. */
    private void export(Context ctx) throws java.io.IOException {
        Principal p = principal(ctx);
        Map<String, List<String>> q = new LinkedHashMap<>(ctx.queryParamMap());
        ReportFormat format = parseOr400(() -> ReportFormat.parse(only(q.remove("format"), "pdf")));
        ReportLanguage lang = parseOr400(() -> ReportLanguage.parse(only(q.remove("lang"), "ja")));
        MetricRequest r = MetricParams.parse(q, catalogue.sites(), Set.of(), Set.of());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        format.write(parseOr400(() -> new ReportBuilder(catalogue).build(r.from(), r.to(), lang)), body, reportFont);
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

    private Principal authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        Principal p;
        if (auth != null) {
            if (!auth.startsWith("Bearer ")) {
                throw new ApiException(401, "use Authorization: Bearer TOKEN");
            }
            UserStore.User u = users.byToken(auth.substring(7).trim())
                    .orElseThrow(() -> new ApiException(401, "unknown token"));
            p = new Principal(u.name, u.role(), Optional.empty());
        } else {
            SessionStore.Session s = sessions.touch(ctx.cookie(SESSION_COOKIE))
                    .orElseThrow(() -> new ApiException(401, "sign in, or send Authorization: Bearer TOKEN"));
            String method = ctx.method().name().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("HEAD") && !s.csrfToken().equals(ctx.header("X-CSRF-Token"))) {
                throw new ApiException(403, "missing or wrong X-CSRF-Token");
            }
            p = new Principal(s.user(), s.role(), Optional.of(s));
        }
        ctx.attribute(PRINCIPAL, p);
        return p;
    }

    private static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }
}
