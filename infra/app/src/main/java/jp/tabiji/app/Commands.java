package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.ClusterSchema;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.analytics.output.OutputFormat;
import jp.tabiji.analytics.output.ResultWriter;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.SimulatedFault;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.analytics.hotspots.HotspotTable;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.web.map.MapLayers;

/** The subcommands. Each prints for people on stdout and returns an exit code. */
final class Commands {
    private final AppConfig config;
    private final Map<String, String> env;
    private final PrintStream out;
    private final boolean terminal;

    Commands(AppConfig config, Map<String, String> env, PrintStream out, boolean terminal) {
        this.config = config;
        this.env = env;
        this.out = out;
        this.terminal = terminal;
    }

    int up() throws IOException {
        LocalStack stack = config.localStack();
        out.println("starting Kafka (KRaft) and ClickHouse under " + config.home().resolve("stack") + " ...");
        stack.start();
        new SchemaMigrator(new ClickHouseHttp(config.clickhouseUrl(), config.database())).migrate();
        out.println(stack.status());
        return 0;
    }

    /**
     * Applies the schema: on one server the pending migrations; on a cluster the replicated script, which marks
     * every migration as applied (else the single-server migrator would create a table on this node alone).
     */
    int schema(boolean cluster) {
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        if (!cluster) {
            List<String> applied = new SchemaMigrator(ch).migrate();
            out.println(applied.isEmpty() ? "database " + config.database() + " is up to date ("
                    + SchemaMigrator.migrations().size() + " migrations)" : "applied to " + config.database() + ": "
                    + String.join(", ", applied));
            return 0;
        }
        // asked in `system`: the database is yet to be created
        if (new ClickHouseHttp(config.clickhouseUrl(), "system").selectLong("SELECT count() FROM system.macros "
                + "WHERE macro IN ('cluster', 'shard', 'replica')") < 3) {
            out.println("ClickHouse at " + config.clickhouseUrl() + " is not a cluster's node: --cluster needs the "
                    + "macros {cluster}, {shard} and {replica}, remote_servers and ZooKeeper (docs/DEPLOY.md)");
            return 1;
        }
        Set<String> marked = new ClusterSchema(ch).apply();
        List<String> missing = SchemaMigrator.migrations().stream().filter(m -> !marked.contains(m)).toList();
        if (!missing.isEmpty()) {
            out.println("the cluster script does not cover " + String.join(", ", missing)
                    + ": add them to infra/deploy/clickhouse/replicated.sql");
            return 1;
        }
        out.println("database " + config.database() + " on cluster: replicated, sharded tables and "
                + marked.size() + " migrations in place on every server");
        return 0;
    }

    int down() throws IOException {
        config.localStack().stop();
        out.println("stopped");
        return 0;
    }

    int status() {
        LocalStack stack = config.localStack();
        out.println(stack.status());
        return stack.isRunning() ? 0 : 3;
    }

    /** Starts the local stack unless what the configuration names is already answering. */
    void ensureStack() throws IOException {
        String host = config.kafka().substring(0, config.kafka().lastIndexOf(':'));
        int port = Integer.parseInt(config.kafka().substring(config.kafka().lastIndexOf(':') + 1));
        boolean kafkaUp = FreePorts.isListening(host, port);
        boolean chUp;
        try {
            new ClickHouseHttp(config.clickhouseUrl(), "default").select("SELECT 1");
            chUp = true;
        } catch (RuntimeException e) {
            chUp = false;
        }
        if (!kafkaUp || !chUp) {
            out.println("starting the local stack (Kafka, ClickHouse) ...");
            config.localStack().start();
        }
    }

    /** @param faults as `--fault` takes them: {@code outage|overload|login_burst:AP_ID:FROM/TO} (local times) */
    static List<SimulatedFault> faults(List<String> faults, java.time.ZoneId zone) {
        List<SimulatedFault> out = new ArrayList<>();
        for (String spec : faults) {
            try {
                out.add(SimulatedFault.parse(spec, zone));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return out;
    }

    /** A simulation in this configuration's zone and pseudonym period. */
    WorkloadSimulator.Options simulation(int days, int devices, long seed, LocalDate start, boolean background,
                                         List<String> faults) {
        return new WorkloadSimulator.Options(days, devices, seed, start, config.zone(), config.period(), background,
                faults(faults, config.zone()));
    }

    int simulate(Path dir, WorkloadSimulator.Options o) throws IOException {
        WorkloadSimulator.Summary s = new WorkloadSimulator().write(o, dir);
        out.printf("simulated %,d devices, %,d visits over %d days: %s (hostapd.log %,d lines, portal.jsonl %,d lines, "
                + "registry.csv, truth.json)%n", s.devices(), s.visits(), o.days(), dir, s.hostapdLines(), s.portalLines());
        return 0;
    }

    /** @param jobManager a Flink cluster's REST address, or null for an embedded job */
    int replay(List<Path> inputs, Path registry, CliFlags.Source source, CliFlags.Health health, String jobManager)
            throws Exception {
        jp.tabiji.streaming.health.HealthSettings thresholds = health.settings(); // usage errors first
        SourceOptions options = source.options(registry(registry), env);
        ensureStack();
        ClusterSubmitter cluster = jobManager != null ? new ClusterSubmitter(jobManager, env.get("TABIJI_JOB_JAR")) : null;
        Replay.Summary s = new Replay(config, config.secret(env), out, terminal, thresholds)
                .run(inputs, options, UnaryOperator.identity(), cluster);
        out.println(s.line());
        return 0;
    }

    int parse(String file, Path registry, CliFlags.Source source, java.io.InputStream stdin) throws IOException {
        SourceOptions options = source.options(registryOrEmpty(registry), env);
        new ParseCommand(config, config.secret(env)).run(file, options, stdin, out);
        return 0;
    }

    IngestCommand ingest() throws IOException {
        return new IngestCommand(config, config.secret(env), out, terminal);
    }

    SourceOptions sourceOptions(CliFlags.Source source, Path registry) throws IOException {
        return source.options(registryOrEmpty(registry), env);
    }

    /**
     * @param bind    null: TABIJI_BIND, else 127.0.0.1; {@code port} null: TABIJI_PORT, else 8080
     * @param landing appended to the sign-in link (e.g. the range the dashboard opens on)
     */
    int serve(String bind, Integer port, Path registry, String landing, Path boundaries, String licence)
            throws Exception {
        String address = bind != null ? bind : env.getOrDefault("TABIJI_BIND", "127.0.0.1");
        int p;
        try {
            p = port != null ? port : Integer.parseInt(env.getOrDefault("TABIJI_PORT", "8080"));
        } catch (NumberFormatException e) {
            throw new UsageException("TABIJI_PORT must be a port number, not '" + env.get("TABIJI_PORT") + "'");
        }
        io.javalin.Javalin app = new ServeCommand(config, out).start(address, p, registryOrEmpty(registry), landing,
                boundaries(boundaries, licence));
        new IngestCommand(config, config.secret(env), out, terminal).runUntilStopped(app::stop,
                () -> "serve: running (Ctrl-C stops)");
        return 0;
    }

    /** The boundaries the maps draw: the flag's file, else TABIJI_BOUNDARIES's; never without their licence. */
    private Optional<MapLayers.Boundaries> boundaries(Path file, String licence) {
        Path f = file != null ? file
                : Optional.ofNullable(env.get("TABIJI_BOUNDARIES")).filter(v -> !v.isBlank()).map(Path::of).orElse(null);
        try {
            return Optional.ofNullable(f).map(b -> new MapLayers.Boundaries(b,
                    licence != null ? licence : env.get("TABIJI_BOUNDARIES_LICENCE")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--boundaries-licence TEXT)");
        }
    }

    int report(LocalDate from, LocalDate to, String format, String lang, Path file, Path registry) throws Exception {
        return new ServeCommand(config, out).report(format, lang, file, from, to, registryOrEmpty(registry));
    }

    int openData(LocalDate from, LocalDate to, Path dir, Path registry, String code, String name) throws Exception {
        return new ServeCommand(config, out).openData(from, to, dir, registryOrEmpty(registry),
                config.publisher(code, name, env));
    }

    int calibrate(String site, String segment, Path counts, String source, Path registry) throws Exception {
        return new Calibration(config, out).run(site, segment, counts, source, registryOrEmpty(registry));
    }

    EventsCommand events(Path registry) throws IOException {
        return new EventsCommand(config, out, registryOrEmpty(registry));
    }

    int addUser(String name, String role) {
        return new ServeCommand(config, out).addUser(name, role);
    }

    /** @param jobManager a Flink cluster's REST address, or null for an embedded job */
    int stream(String jobManager, int parallelism, CliFlags.Health health) throws Exception {
        if (jobManager == null) {
            ensureStack();
        }
        IngestCommand lifecycle = new IngestCommand(config, config.secret(env), out, terminal);
        return new StreamCommand(config, out, lifecycle).run(jobManager, parallelism, health.settings(),
                env.get("TABIJI_JOB_JAR"));
    }

    /** The registry named by --registry, else the state directory's if there is one, else none (all APs unknown). */
    ApRegistry registryOrEmpty(Path registry) throws IOException {
        return registry != null || Files.exists(config.registryFile()) ? registry(registry) : ApRegistry.empty();
    }

    /** `tabiji query METRIC`: {@code q} the catalogue's request, {@code format} table, csv or json. */
    int query(CliQuery q, String formatName, Path registryFile) throws IOException {
        OutputFormat format = format(formatName);
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(ch).migrate();
        ApRegistry registry = registryOrEmpty(registryFile);
        Sites sites = new Sites(registry);
        if (q.request().segment() != null || q.request().groupedBy(Grouping.SEGMENT)) {
            config.deviceSegments(ch, sites, env).refreshAll();
        }
        ResultTable t;
        try {
            t = new MetricCatalogue(ch, sites, Release.exact(config.k()), null, config.segmentPeriod(),
                    Clock.system(config.zone())).run(q.metric(), q.request());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.print(new ResultWriter(id -> registry.site(id).map(s -> s.nameJa() + " " + s.nameEn()).orElse(null))
                .render(t, format));
        return 0;
    }

    /** Every AP's state now, or at the end of {@code to} (a local date; null: now). */
    int hotspots(LocalDate to, String formatName, Path registryFile) throws IOException {
        OutputFormat format = format(formatName);
        Long asOf = to != null ? to.plusDays(1).atStartOfDay(config.zone()).toInstant().toEpochMilli() - 1 : null;
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(ch).migrate();
        ApRegistry registry = registryOrEmpty(registryFile);
        ResultTable t = HotspotTable.of(new HotspotBoard(ch, registry).board(asOf), config.zone());
        out.print(new ResultWriter(id -> registry.site(id).map(s -> s.nameJa() + " " + s.nameEn()).orElse(null))
                .render(t, format));
        return 0;
    }

    int demo(int days, int devices, int seed, boolean noServe) throws Exception {
        int rc = new Demo(config, this, out).run(days, devices, seed);
        Path registry = config.home().resolve("demo").resolve("registry.csv");
        if (rc != 0 || noServe || !terminal) {
            out.println("The dashboard: ./tabiji serve --registry " + registry);
            return rc;
        }
        out.println("\n==> the dashboard with the demo's data; open the sign-in link below (Ctrl-C stops it)");
        // the dashboard opens on the latest ended ISO week with data by itself: the week of the demo's days
        return serve(null, null, registry, "", null, null);
    }

    /** The registry {@code file} (null: the state directory's), which becomes the default from now on. */
    ApRegistry registry(Path file) throws IOException {
        Path p = file != null ? file : config.registryFile();
        if (!Files.exists(p)) {
            throw new UsageException("no AP registry at " + p + ": pass --registry FILE");
        }
        ApRegistry r = ApRegistry.load(p);
        if (file != null && !p.equals(config.registryFile())) {
            Files.createDirectories(config.home());
            Files.copy(p, config.registryFile(), StandardCopyOption.REPLACE_EXISTING); // the default from now on
        }
        return r;
    }

    static OutputFormat format(String name) {
        try {
            return OutputFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
