package jp.tabiji.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.catalogue.Thresholds;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.segments.DeviceSegments;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.web.opendata.Publisher;

/** Configuration from the environment (README lists every variable), with defaults. */
record AppConfig(Path home, String kafka, String clickhouseUrl, String database, ZoneId zone, int k,
                 PseudonymPeriod period, String secretText, String archive) {

    AppConfig(Path home, String kafka, String clickhouseUrl, String database, ZoneId zone, int k,
              PseudonymPeriod period, String secretText) {
        this(home, kafka, clickhouseUrl, database, zone, k, period, secretText,
                home.resolve("archive").toUri().toString());
    }

    static AppConfig fromEnv(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("TABIJI_HOME", ".tabiji")).toAbsolutePath().normalize();
        int k;
        try {
            k = Integer.parseInt(env.getOrDefault("TABIJI_K", "10"));
        } catch (NumberFormatException e) {
            throw new UsageException("TABIJI_K must be a whole number");
        }
        if (k < 1) {
            throw new UsageException("TABIJI_K must be at least 1");
        }
        return new AppConfig(home, env.getOrDefault("TABIJI_KAFKA", "127.0.0.1:9092"),
                env.getOrDefault("TABIJI_CLICKHOUSE", "http://127.0.0.1:8123"),
                env.getOrDefault("TABIJI_CLICKHOUSE_DB", "tabiji"),
                ZoneId.of(env.getOrDefault("TABIJI_ZONE", "Asia/Tokyo")), k,
                PseudonymPeriod.parse(env.getOrDefault("TABIJI_PERIOD", "month")), env.get("TABIJI_SECRET"),
                env.getOrDefault("TABIJI_ARCHIVE", home.resolve("archive").toUri().toString()));
    }

    /** The open data's publisher: the flags, else TABIJI_OPENDATA_CODE and TABIJI_OPENDATA_PUBLISHER, else Miyagi. */
    Publisher publisher(String code, String name, Map<String, String> env) {
        String c = code != null ? code : env.get("TABIJI_OPENDATA_CODE");
        String n = name != null ? name : env.get("TABIJI_OPENDATA_PUBLISHER");
        if (c == null && n == null) {
            return Publisher.MIYAGI;
        }
        try {
            return new Publisher(c == null ? Publisher.MIYAGI.code() : c, n == null ? Publisher.MIYAGI.name() : n);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Where the server publishes open data from the dashboard. */
    Path openDataDir() {
        return home.resolve("opendata");
    }

    Path registryFile() {
        return home.resolve("registry.csv");
    }

    /** The local stack on the ports this configuration names. */
    LocalStack localStack() {
        URI ch = URI.create(clickhouseUrl);
        int kafkaPort = Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));
        int chPort = ch.getPort() < 0 ? 8123 : ch.getPort();
        return new LocalStack(home.resolve("stack"), new LocalStack.Ports(kafkaPort, kafkaPort + 1, chPort,
                chPort == 8123 ? 9000 : chPort + 1));
    }

    /**
     * The state directory, created owner-only (700), or tightened to that: it holds the secrets, the users, the audit
     * log, the archive and the local stack's data.
     */
    void ensureHome() throws IOException {
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    /** The pseudonym period as the segment rules see it. */
    SegmentPeriod segmentPeriod() {
        return SegmentPeriod.parse(period.name());
    }

    /**
     * The pseudonym secret: TABIJI_SECRET, else TABIJI_SECRET_FILE, else the state directory's own random secret
     * (created on first use, readable by its owner only). Never printed.
     */
    byte[] secret(Map<String, String> env) throws IOException {
        if (secretText != null && !secretText.isEmpty()) {
            return Pseudonymizer.secretFromText(secretText);
        }
        String file = env.get("TABIJI_SECRET_FILE");
        Path p = file != null ? Path.of(file) : stateSecret("secret");
        return Pseudonymizer.secretFromText(Files.readString(p, StandardCharsets.UTF_8));
    }

    /**
     * The release secret that keys the cell-key perturbation of everything the API, dashboard and exports publish:
     * TABIJI_RELEASE_SECRET, else TABIJI_RELEASE_SECRET_FILE, else the state directory's own (created on first use,
     * owner only). Keep it for good: published numbers are never re-keyed, and a new secret would give every cell
     * fresh noise, a second look at each one.
     */
    byte[] releaseSecret(Map<String, String> env) throws IOException {
        String text = env.get("TABIJI_RELEASE_SECRET");
        if (text == null || text.isEmpty()) {
            String file = env.get("TABIJI_RELEASE_SECRET_FILE");
            text = Files.readString(file != null ? Path.of(file) : stateSecret("release-secret"), StandardCharsets.UTF_8);
        }
        return Pseudonymizer.secretFromText(text);
    }

    /**
     * The segment rules: the pseudonym period's defaults (docs/SEGMENTS.md), with any threshold the properties file
     * TABIJI_SEGMENT_RULES sets (e.g. {@code staff.days=4}); an unknown key or a bad value stops the command.
     */
    Thresholds segmentRules(Map<String, String> env) throws IOException {
        Thresholds defaults = segmentPeriod().thresholds();
        String file = env.get("TABIJI_SEGMENT_RULES");
        if (file == null || file.isBlank() || defaults == null) {
            return defaults;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return defaults.with(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    /** The device segments of this deployment, computed by {@code writer} under {@link #segmentRules}. */
    DeviceSegments deviceSegments(ClickHouseHttp writer, Sites sites, Map<String, String> env) throws IOException {
        return new DeviceSegments(writer, sites, segmentPeriod(), segmentRules(env), Clock.system(zone()));
    }

    /**
     * The alert webhook URL in a file of the state directory, readable by its owner only, for a job to read: job
     * arguments show in the Flink UI and in {@code ps}, and the URL is a credential.
     */
    Path webhookFile(String url) throws IOException {
        Files.createDirectories(home);
        Path p = home.resolve("alert-webhook");
        Files.deleteIfExists(p);
        Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(p, url + "\n", StandardCharsets.UTF_8);
        return p;
    }

    /** The flags that hand a job the health settings, the webhook by file. */
    List<String> healthArgs(jp.tabiji.streaming.health.HealthSettings health) throws IOException {
        List<String> args = new ArrayList<>(health.args());
        if (health.webhookUrl() != null) {
            args.addAll(List.of("--alert-webhook-file", webhookFile(health.webhookUrl()).toString()));
        }
        return args;
    }

    /** A random secret of the state directory, created readable by its owner only before anything is written. */
    private Path stateSecret(String name) throws IOException {
        Path p = home.resolve(name);
        if (!Files.exists(p)) {
            Files.createDirectories(home);
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(p, HexFormat.of().formatHex(raw) + "\n", StandardCharsets.UTF_8);
        }
        return p;
    }
}
