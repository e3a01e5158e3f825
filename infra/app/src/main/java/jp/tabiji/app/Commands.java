package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
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

    int simulate(Args a) throws IOException {
        Path dir = Path.of(a.require("out"));
        List<SimulatedFault> faults = new ArrayList<>();
        for (String spec : a.all("fault")) {
            try {
                faults.add(SimulatedFault.parse(spec, config.zone()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        WorkloadSimulator.Options o = new WorkloadSimulator.Options(a.getInt("days", 3), a.getInt("devices", 2000),
                a.getInt("seed", 1), date(a.get("start", "2026-11-02"), "--start"), config.zone(), config.period(),
                a.has("background"), faults).withPopulation(new WorkloadSimulator.Population(a.getInt("commuters", 0),
                a.getInt("staff", 0), a.getInt("residents", 0), a.getInt("long-stays", 0)));
        WorkloadSimulator.Summary s = new WorkloadSimulator().write(o, dir);
        out.printf("simulated %,d devices, %,d visits over %d days: %s (hostapd.log %,d lines, portal.jsonl %,d lines, "
                + "registry.csv, truth.json)%n", s.devices(), s.visits(), o.days(), dir, s.hostapdLines(), s.portalLines());
        return 0;
    }

    int replay(Args a) throws Exception {
        List<String> inputs = a.all("input");
        if (inputs.isEmpty()) {
            throw new UsageException("replay needs --input FILE...");
        }
        SourceOptions options = sourceOptions(a, registry(a));
        ensureStack();
        ClusterSubmitter cluster = a.has("jobmanager")
                ? new ClusterSubmitter(a.require("jobmanager"), env.get("TABIJI_JOB_JAR")) : null;
        Replay.Summary s = new Replay(config, config.secret(env), out, terminal, healthSettings(a))
                .run(inputs.stream().map(Path::of).toList(), options, UnaryOperator.identity(), cluster);
        out.println(s.line());
        return 0;
    }

    /** Hotspot-health thresholds from the command's flags (the job's own flag names), defaults otherwise. */
    static jp.tabiji.streaming.health.HealthSettings healthSettings(Args a) {
        java.util.Map<String, String> flags = new java.util.HashMap<>();
        for (String f : jp.tabiji.streaming.health.HealthSettings.FLAGS) {
            if (a.has(f)) {
                flags.put(f, a.get(f, ""));
            }
        }
        try {
            return jp.tabiji.streaming.health.HealthSettings.from(org.apache.flink.util.ParameterTool.fromMap(flags));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    int parse(Args a, java.io.InputStream stdin) throws IOException {
        List<String> files = a.positional();
        if (files.size() > 1) {
            throw new UsageException("parse reads one FILE (or - for standard input)");
        }
        SourceOptions options = sourceOptions(a, registryOrEmpty(a));
        new ParseCommand(config, config.secret(env)).run(files.isEmpty() ? "-" : files.get(0), options, stdin, out);
        return 0;
    }

    int ingest(Args a) throws Exception {
        List<String> what = a.positional();
        if (what.isEmpty()) {
            throw new UsageException("ingest needs a source: syslog, file PATH... or radius DIR");
        }
        IngestCommand ingest = new IngestCommand(config, config.secret(env), out, terminal);
        SourceOptions options = sourceOptions(a, registryOrEmpty(a));
        return switch (what.get(0)) {
            case "syslog" -> ingest.syslog(a, options);
            case "file" -> ingest.files(what.subList(1, what.size()), a, options);
            case "radius" -> ingest.radius(what.subList(1, what.size()), a, options);
            default -> throw new UsageException("ingest sources: syslog, file PATH..., radius DIR");
        };
    }

    int serve(Args a) throws Exception {
        return serve(a, "");
    }

    /** @param landing appended to the sign-in link (e.g. the range the dashboard opens on) */
    private int serve(Args a, String landing) throws Exception {
        String bind = a.get("bind", env.getOrDefault("TABIJI_BIND", "127.0.0.1"));
        int port = Integer.parseInt(a.get("port", env.getOrDefault("TABIJI_PORT", "8080")));
        io.javalin.Javalin app = new ServeCommand(config, out).start(bind, port, registryOrEmpty(a), landing);
        new IngestCommand(config, config.secret(env), out, terminal).runUntilStopped(app::stop,
                () -> "serve: running (Ctrl-C stops)");
        return 0;
    }

    int report(Args a) throws Exception {
        LocalDate from = date(a.require("from"), "--from");
        LocalDate to = date(a.require("to"), "--to");
        return new ServeCommand(config, out).report(a, from, to, registryOrEmpty(a));
    }

    int users(Args a) {
        return new ServeCommand(config, out).users(a);
    }

    int stream(Args a) throws Exception {
        ensureStackUnlessRemote(a);
        IngestCommand lifecycle = new IngestCommand(config, config.secret(env), out, terminal);
        return new StreamCommand(config, out, lifecycle).run(a, env.get("TABIJI_JOB_JAR"));
    }

    private void ensureStackUnlessRemote(Args a) throws IOException {
        if (!a.has("jobmanager")) {
            ensureStack();
        }
    }

    SourceOptions sourceOptions(Args a, ApRegistry registry) throws IOException {
        return SourceOptions.from(a, registry, env.get("TABIJI_OPT_OUT"));
    }

    /** The registry named by --registry, else the state directory's if there is one, else none (all APs unknown). */
    ApRegistry registryOrEmpty(Args a) throws IOException {
        return Files.exists(registryPath(a)) || a.has("registry") ? registry(a) : ApRegistry.empty();
    }

    int query(Args a) throws IOException {
        List<String> what = a.positional();
        if (what.isEmpty() || !List.of("visitors", "languages", "flows", "dwell", "repeat", "hotspots")
                .contains(what.get(0))) {
            throw new UsageException("query supports: visitors, languages, flows, dwell, repeat, hotspots");
        }
        if (what.get(0).equals("hotspots")) {
            return hotspots(a);
        }
        LocalDate from = date(a.require("from"), "--from");
        LocalDate to = date(a.require("to"), "--to");
        OutputFormat format = OutputFormat.parse(a.get("format", "table"));
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(ch).migrate();
        CliQuery q = CliQuery.parse(what.get(0), a.has("by") ? a.get("by", "") : null,
                a.has("segment") ? a.get("segment", "") : null, from, to);
        ApRegistry registry = registryOrEmpty(a);
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

    /** Every AP's state now, or at the end of {@code --to} (a local date); {@code --from} is accepted and unused. */
    private int hotspots(Args a) throws IOException {
        OutputFormat format = OutputFormat.parse(a.get("format", "table"));
        if (a.has("from")) {
            date(a.require("from"), "--from");
        }
        Long asOf = a.has("to") ? date(a.require("to"), "--to").plusDays(1).atStartOfDay(config.zone()).toInstant()
                .toEpochMilli() - 1 : null;
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(ch).migrate();
        ApRegistry registry = registryOrEmpty(a);
        ResultTable t = HotspotTable.of(new HotspotBoard(ch, registry).board(asOf), config.zone());
        out.print(new ResultWriter(id -> registry.site(id).map(s -> s.nameJa() + " " + s.nameEn()).orElse(null))
                .render(t, format));
        return 0;
    }

    int demo(Args a) throws Exception {
        int days = a.getInt("days", 3);
        int rc = new Demo(config, this, out).run(days, a.getInt("devices", 2500), a.getInt("seed", 42));
        String registry = config.home().resolve("demo").resolve("registry.csv").toString();
        if (rc != 0 || a.has("no-serve") || !terminal) {
            out.println("The dashboard: ./tabiji serve --registry " + registry);
            return rc;
        }
        out.println("\n==> the dashboard with the demo's data; open the sign-in link below (Ctrl-C stops it)");
        // distinct counts are published for whole weeks: land on the ISO week(s) holding the demo's days
        LocalDate monday = Demo.START.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate last = Demo.START.plusDays(days - 1);
        LocalDate sunday = last.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
        return serve(new Args(List.of("--registry", registry)), "&from=" + monday + "&to=" + sunday);
    }

    ApRegistry registry(Args a) throws IOException {
        Path p = registryPath(a);
        if (!Files.exists(p)) {
            throw new UsageException("no AP registry at " + p + ": pass --registry FILE");
        }
        ApRegistry r = ApRegistry.load(p);
        if (a.has("registry") && !p.equals(config.registryFile())) {
            Files.createDirectories(config.home());
            Files.copy(p, config.registryFile(), StandardCopyOption.REPLACE_EXISTING); // the default from now on
        }
        return r;
    }

    private Path registryPath(Args a) {
        return a.has("registry") ? Path.of(a.require("registry")) : config.registryFile();
    }

    static LocalDate date(String s, String flag) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageException(flag + " must be a date YYYY-MM-DD, not '" + s + "'");
        }
    }
}
