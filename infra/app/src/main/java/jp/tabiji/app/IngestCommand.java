package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.tabiji.ingest.live.FileFollower;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.RecordDecoder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jp.tabiji.ingest.live.SyslogEndpoint;
import jp.tabiji.ingest.live.SyslogIngest;
import jp.tabiji.ingest.live.SyslogServer;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.replay.IngestCounters;

/**
 * `tabiji ingest syslog|file|radius`: live sources that run until stopped (Ctrl-C or SIGTERM), then shut down
 * cleanly: stop reading, publish what was read, wait for Kafka.
 */
final class IngestCommand {
    private final AppConfig config;
    private final byte[] secret;
    private final PrintStream out;
    private final boolean terminal;

    IngestCommand(AppConfig config, byte[] secret, PrintStream out, boolean terminal) {
        this.config = config;
        this.secret = secret;
        this.out = out;
        this.terminal = terminal;
    }

    /** What `ingest syslog` may be told; a null number keeps the listener's default. */
    record SyslogFlags(String listen, Integer buffer, Integer tcpIdleTimeoutS, Integer tcpMaxConnections,
                       Integer tcpMaxPerSource) {
        private static int or(Integer v, int dflt) {
            return v != null ? v : dflt;
        }
    }

    int syslog(SyslogFlags f, CliFlags.Live live, SourceOptions options) throws Exception {
        List<SyslogEndpoint> endpoints = SyslogEndpoint.parseList(f.listen());
        SyslogIngest.Settings defaults = SyslogIngest.Settings.defaults(config.zone(), options.defaultAp());
        SyslogIngest.Settings settings = new SyslogIngest.Settings(config.zone(), options.defaultAp(),
                SyslogFlags.or(f.buffer(), defaults.queueCapacity()), defaults.maxMessageBytes(), defaults.tcpWaitMs(),
                new SyslogServer.TcpLimits(Duration.ofSeconds(SyslogFlags.or(f.tcpIdleTimeoutS(),
                        (int) defaults.tcp().idleTimeout().toSeconds())),
                        SyslogFlags.or(f.tcpMaxConnections(), defaults.tcp().maxConnections()),
                        SyslogFlags.or(f.tcpMaxPerSource(), defaults.tcp().maxPerSource())), defaults.shutdownTimeout());
        TopicSetup.ensureTopics(config.kafka(), 2);
        IngestCounters counters = new IngestCounters();
        EventPublisher publisher = new EventPublisher(config.kafka(), EventPublisher.waitForKafka())
                .measuring(counters.kafkaSend);
        SyslogIngest ingest = new SyslogIngest(settings, edge(options), publisher, counters);
        ingest.start(endpoints);
        List<String> bound = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            var addr = ingest.server().boundAddresses().get(i);
            bound.add(new SyslogEndpoint(endpoints.get(i).transport(), addr.getHostString(), addr.getPort()).toString());
        }
        out.println("ingest syslog: listening on " + String.join(", ", bound) + ", publishing to "
                + Topics.EVENTS + " at " + config.kafka() + " (Ctrl-C stops)");
        try (AutoCloseable metrics = metrics(live, "syslog", counters, ingest::queued)) {
            runUntilStopped(ingest, () -> String.format("syslog: %,d messages, %,d events, %,d rejected, %,d skipped, "
                            + "%,d opted out, %,d dropped (buffer full), %,d queued", counters.lines.get(),
                    counters.published.get(), counters.rejected.get(), counters.skipped.get(), counters.optedOut.get(),
                    counters.dropped.get(), ingest.queued()));
        }
        return 0;
    }

    /** @param id the source's name for its committed positions (null: one made from the paths) */
    int files(List<Path> files, String id, CliFlags.Live live, SourceOptions options) throws Exception {
        List<Path> paths = files.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
        String name = id != null ? id : "file-" + shortHash(paths.stream().map(Path::toString).sorted().toList());
        return follow(name, () -> paths, options, false, "file", "following " + paths, live);
    }

    int radius(Path directory, String id, CliFlags.Live live, SourceOptions options) throws Exception {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("not a directory: " + dir);
        }
        String name = id != null ? id : "radius-" + shortHash(List.of(dir.toString()));
        return follow(name, () -> detailFiles(dir), options.withFormat(LogFormat.RADIUS_DETAIL), true, "radius",
                "following FreeRADIUS detail files in " + dir, live);
    }

    private int follow(String id, Supplier<List<Path>> paths, SourceOptions options, boolean finishOlder,
                       String kind, String what, CliFlags.Live live) throws Exception {
        int kafkaWaitMs = live.kafkaWaitMs;
        ParseContext ctx = new ParseContext(config.zone(), options.defaultAp());
        FileFollower.Settings settings = new FileFollower.Settings(id, config.kafka(),
                () -> new RecordDecoder(options.format(), ctx), options.referenceMs(), Replay.MAX_LINE_BYTES,
                Duration.ofMillis(250), Duration.ofMillis(kafkaWaitMs), finishOlder, kind);
        IngestCounters counters = new IngestCounters();
        FileFollower follower = new FileFollower(settings, paths, edge(options), counters);
        follower.start();
        out.println("ingest " + kind + ": " + what + " into " + Topics.EVENTS + " at " + config.kafka()
                + " (source id " + id + "; Ctrl-C stops)");
        try (AutoCloseable metrics = metrics(live, kind, counters, () -> 0)) {
            runUntilStopped(follower, () -> String.format("%s: %s, %,d records, %,d events, %,d rejected, "
                            + "%,d skipped, %,d opted out (committed)", kind, follower.state(), counters.lines.get(),
                    counters.published.get(), counters.rejected.get(), counters.skipped.get(),
                    counters.optedOut.get()));
        }
        return 0;
    }

    /**
     * The Prometheus endpoint when {@code --metrics-port} (or TABIJI_METRICS_PORT) is given, on
     * {@code --metrics-bind} (TABIJI_METRICS_BIND, default 127.0.0.1); otherwise nothing.
     */
    private AutoCloseable metrics(CliFlags.Live live, String kind, IngestCounters counters,
                                  java.util.function.LongSupplier queued) throws IOException {
        String port = live.metricsPort != null ? live.metricsPort : System.getenv("TABIJI_METRICS_PORT");
        if (port == null || port.isBlank()) {
            return () -> { };
        }
        String bind = live.metricsBind != null ? live.metricsBind
                : System.getenv().getOrDefault("TABIJI_METRICS_BIND", "127.0.0.1");
        IngestMetrics m;
        try {
            m = IngestMetrics.start(bind, Integer.parseInt(port.trim()), kind, counters, queued);
        } catch (NumberFormatException e) {
            throw new UsageException("--metrics-port must be a port number, not '" + port + "'");
        }
        out.println("ingest " + kind + ": Prometheus metrics on http://" + bind + ":" + m.port() + "/metrics");
        return m;
    }


    /** FreeRADIUS writes detail-YYYYMMDD (or detail-YYYYMMDD:HH): name order is time order. */
    static List<Path> detailFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("detail") && !n.endsWith(".work") && !n.endsWith(".gz") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortHash(List<String> parts) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    EdgeProcessor edge(SourceOptions options) {
        return new EdgeProcessor(new EventNormalizer(options.registry(),
                new Pseudonymizer(secret, config.period(), config.zone())), options.optOut());
    }

    /** Shows progress until SIGINT/SIGTERM, then closes the source and prints where it stands. */
    void runUntilStopped(AutoCloseable source, java.util.function.Supplier<String> status) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Progress p = new Progress(out, terminal, status)) {
            stop.await();
            out.println();
            out.println("stopping cleanly ...");
            source.close();
        } finally {
            done.countDown();
        }
    }
}
