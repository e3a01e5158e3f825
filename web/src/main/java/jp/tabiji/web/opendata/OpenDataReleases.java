package jp.tabiji.web.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The published releases in one folder: {@code <from>_<to>/v<N>/} with the data files, README.md and
 * manifest.json. A published version is never rewritten: a new publication of a range whose files differ becomes
 * the next version (written beside, then moved into place whole, then made read-only), and one whose files are
 * the same as the latest version's publishes nothing.
 */
public final class OpenDataReleases {
    static final String MANIFEST = "manifest.json";
    static final String README = "README.md";
    private static final Pattern VERSION = Pattern.compile("v([0-9]+)");
    private static final Pattern RANGE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Clock clock;

    public OpenDataReleases(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** What a publication did: the version that holds the files, and whether it is new. */
    public record Published(String range, int version, Path dir, boolean created) {
    }

    /** One published version, from its manifest. */
    public record Entry(String range, int version, String publishedAt, List<String> files) {
    }

    public synchronized Published publish(OpenDataSet set) throws IOException {
        Path rangeDir = root.resolve(set.range());
        Files.createDirectories(rangeDir);
        int latest = versions(rangeDir).stream().mapToInt(Integer::intValue).max().orElse(0);
        if (latest > 0 && sameFiles(rangeDir.resolve("v" + latest), set.files())) {
            return new Published(set.range(), latest, rangeDir.resolve("v" + latest), false);
        }
        int version = latest + 1;
        Path staging = Files.createTempDirectory(rangeDir, ".v" + version + "-");
        for (Map.Entry<String, byte[]> f : set.files().entrySet()) {
            Files.write(staging.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(staging.resolve(README), OpenDataReadme.text(set, version), StandardCharsets.UTF_8);
        Files.writeString(staging.resolve(MANIFEST), manifest(set, version), StandardCharsets.UTF_8);
        Path target = rangeDir.resolve("v" + version);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE); // fails if another publication took the number
        // open data: readable by everyone, writable by no one (the staging folder was private while it filled)
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        return new Published(set.range(), version, target, true);
    }

    /** Every published version, oldest range and version first. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> ranges = Files.list(root)) {
            for (Path r : ranges.filter(p -> RANGE.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                for (int v : versions(r)) {
                    JsonNode m = JSON.readTree(r.resolve("v" + v).resolve(MANIFEST).toFile());
                    List<String> files = new ArrayList<>();
                    m.get("files").fieldNames().forEachRemaining(files::add);
                    out.add(new Entry(r.getFileName().toString(), v, m.get("publishedAt").asText(), files));
                }
            }
        }
        return out;
    }

    /** A published file, or null when there is no such range, version or file (names are checked, not resolved). */
    public Path file(String range, int version, String name) throws IOException {
        if (!RANGE.matcher(range).matches() || !name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            return null;
        }
        Path f = root.resolve(range).resolve("v" + version).resolve(name);
        return Files.isRegularFile(f) ? f : null;
    }

    private static List<Integer> versions(Path rangeDir) throws IOException {
        if (!Files.isDirectory(rangeDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(rangeDir)) {
            return dirs.map(p -> VERSION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.valueOf(m.group(1))).filter(v -> Files.exists(rangeDir.resolve("v" + v)
                            .resolve(MANIFEST))).sorted().toList();
        }
    }

    private static boolean sameFiles(Path version, Map<String, byte[]> files) throws IOException {
        JsonNode published = JSON.readTree(version.resolve(MANIFEST).toFile()).get("files");
        if (published.size() != files.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            JsonNode p = published.get(f.getKey());
            if (p == null || !p.get("sha256").asText().equals(sha256(f.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private String manifest(OpenDataSet set, int version) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("publisher", set.publisher().name());
        m.put("publisherCode", set.publisher().code());
        m.put("from", set.from().toString());
        m.put("to", set.to().toString());
        m.put("version", version);
        m.put("publishedAt", clock.instant().toString());
        m.put("licence", "CC BY 4.0");
        m.put("k", set.k());
        m.put("maxNoise", set.maxNoise());
        ObjectNode files = m.putObject("files");
        for (Map.Entry<String, byte[]> f : set.files().entrySet()) {
            files.putObject(f.getKey()).put("sha256", sha256(f.getValue())).put("bytes", f.getValue().length);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
