package jp.tabiji.app;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.web.ApiServer;
import jp.tabiji.web.Sites;
import jp.tabiji.web.StatsService;
import jp.tabiji.web.auth.Role;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;

/** `tabiji serve` (the API and the dashboard) and `tabiji users` (accounts and tokens). */
final class ServeCommand {
    static final String ADMIN = "admin";

    private final AppConfig config;
    private final PrintStream out;

    ServeCommand(AppConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    static UserStore users(AppConfig config) {
        return new UserStore(config.home().resolve("users.json"));
    }

    /** Starts the server; returns it running (the caller waits or stops it). */
    Javalin start(String bind, int port, ApRegistry registry) {
        new SchemaMigrator(new ClickHouseHttp(config.clickhouseUrl(), config.database())).migrate();
        StatsService stats = new StatsService(new ClickHouseHttp(config.clickhouseUrl(), config.database(),
                ClickHouseHttp.READER), new Sites(registry), config.k());
        UserStore users = users(config);
        if (users.byName(ADMIN).isEmpty()) {
            users.addUser(ADMIN, Role.ADMIN); // its token is not shown: the admin signs in with the link below
        }
        SessionStore sessions = SessionStore.withDefaults();
        Javalin app = new ApiServer(stats, users, sessions).create().start(bind, port);
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        out.printf("serve: dashboard and API on http://%s:%d/ (API description: /api/docs)%n", host, app.port());
        out.printf("serve: one-time admin sign-in (valid 15 minutes): http://%s:%d/login/once?code=%s%n", host,
                app.port(), sessions.oneTimeLink(ADMIN, Duration.ofMinutes(15)));
        return app;
    }

    int users(Args a) {
        java.util.List<String> what = a.positional();
        if (what.size() != 2 || !what.get(0).equals("add")) {
            throw new UsageException("usage: tabiji users add NAME --role viewer|analyst|ops|admin");
        }
        Role role;
        try {
            role = Role.parse(a.require("role"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String token = users(config).addUser(what.get(1), role);
        out.println(token);
        System.err.printf("users: %s (%s) has a new API token, printed above once; send it as "
                + "Authorization: Bearer TOKEN%n", what.get(1), role.label());
        return 0;
    }

    static Path usersFile(AppConfig config) {
        return config.home().resolve("users.json");
    }
}
