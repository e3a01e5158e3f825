package jp.tabiji.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the server's profiles that depend on its release. They live in the profile, never in a
 * request: 18.16 rejects a request that names a setting it does not know, and current releases reject a
 * profile naming one they dropped ({@code allow_experimental_low_cardinality_type}).
 */
public final class ServerProfiles {
    /** Releases before this one know no {@code --version} flag and need the LowCardinality switch. */
    static final int FIRST_CURRENT_MAJOR = 19;
    private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.");

    private ServerProfiles() {
    }

    /**
     * The settings of the writing profile for a server of this major release, as XML elements.
     * Block deduplication is off everywhere: a replay after a truncate sends the very blocks that were sent
     * before, and a replicated table (or a current release's MergeTree window) would drop them silently; the
     * job's rows carry idempotent ids instead, so a retried insert collapses on read. Inserts are synchronous,
     * because the job's checkpoint must not complete before its rows are stored.
     */
    static String writerSettings(int major) {
        StringBuilder b = new StringBuilder();
        writerSettingValues(major).forEach((name, value) -> b.append('<').append(name).append('>').append(value)
                .append("</").append(name).append('>'));
        return b.toString();
    }

    /** The same settings as name → value, for an engine that takes them as {@code SET} (chdb in the tests). */
    public static Map<String, String> writerSettingValues(int major) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("insert_deduplicate", "0");
        if (major < FIRST_CURRENT_MAJOR) {
            settings.put("allow_experimental_low_cardinality_type", "1");
        }
        if (major >= 22) {
            settings.put("async_insert", "0");
        }
        return settings;
    }

    /** The major release of the server binary: what its {@code --version} says, 18 if it knows no such flag. */
    static int majorOf(String binary) throws IOException {
        Process p = new ProcessBuilder(List.of(binary, "--version")).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(binary + " --version did not answer in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking " + binary + " for its version", e);
        }
        return majorIn(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static int majorIn(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        return m.find() ? Integer.parseInt(m.group(1)) : FIRST_CURRENT_MAJOR - 1;
    }
}
