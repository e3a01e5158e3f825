package jp.tabiji.streaming.health;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jp.tabiji.ingest.registry.ClosedDays;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.ApRegistry;
import org.apache.flink.util.ParameterTool;

/**
 * The hotspot-health thresholds (issue 6), each with its default and a job flag.
 *
 * @param silentAfter      an AP silent this long within its usual hours is {@link AlertKind#SILENT}
 * @param usualDays        an hour of the day is usual for an AP when it had events in it on this many days...
 * @param usualWindowDays  ...of the last this many days
 * @param overloadFor      clients above capacity this long make it {@link AlertKind#OVERLOADED}
 * @param spikeWindow      the window over which login attempts are counted
 * @param spikeMinAttempts at least this many attempts in the window...
 * @param spikeMinFailureShare ...of which at least this share failed is a {@link AlertKind#LOGIN_FAILURE_SPIKE}
 * @param presenceTimeout  a connection never closed ends this long after its last event (DESIGN.md)
 * @param capacities       the registry's optional {@code capacity} per AP id
 * @param webhookUrl       where alerts are also POSTed, or null
 * @param unknownQuiet     an {@link AlertKind#UNKNOWN_AP} alert clears once the AP has sent nothing this long
 * @param closedDays       the registry's closed days per site id: a closed day has no usual hours
 */
public record HealthSettings(Duration silentAfter, int usualDays, int usualWindowDays, Duration overloadFor,
                             Duration spikeWindow, int spikeMinAttempts, double spikeMinFailureShare,
                             Duration presenceTimeout, Map<String, Integer> capacities, String webhookUrl,
                             Duration unknownQuiet, Map<String, ClosedDays> closedDays)
        implements Serializable {
    /** An unregistered AP that shows up now and then is one open alert, not one per appearance. */
    public static final Duration DEFAULT_UNKNOWN_QUIET = Duration.ofHours(24);

    public HealthSettings(Duration silentAfter, int usualDays, int usualWindowDays, Duration overloadFor,
                          Duration spikeWindow, int spikeMinAttempts, double spikeMinFailureShare,
                          Duration presenceTimeout, Map<String, Integer> capacities, String webhookUrl) {
        this(silentAfter, usualDays, usualWindowDays, overloadFor, spikeWindow, spikeMinAttempts,
                spikeMinFailureShare, presenceTimeout, capacities, webhookUrl, DEFAULT_UNKNOWN_QUIET, Map.of());
    }

    /** The job flags these settings read (besides {@code --registry} and {@code --capacities}). */
    public static final java.util.List<String> FLAGS = java.util.List.of("silent-after-min", "usual-days",
            "usual-window-days", "overload-after-min", "login-spike-window-min", "login-spike-min-attempts",
            "login-spike-failure-share", "alert-webhook-file", "unknown-ap-quiet-h");

    public HealthSettings {
        if (usualWindowDays < 1 || usualWindowDays > 31 || usualDays < 1 || usualDays > usualWindowDays) {
            throw new IllegalArgumentException("usual hours need 1 <= usual-days <= usual-window-days <= 31");
        }
        if (spikeWindow.toMinutes() < 1 || spikeMinFailureShare < 0 || spikeMinFailureShare > 1) {
            throw new IllegalArgumentException("the login-spike window is at least a minute, its share in [0,1]");
        }
        capacities = Map.copyOf(capacities);
        closedDays = Map.copyOf(closedDays);
    }

    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofMinutes(15), 4, 7, Duration.ofMinutes(5), Duration.ofMinutes(10), 20,
                0.3, Duration.ofMinutes(30), Map.of(), null);
    }

    /** These settings with the registry's AP capacities and sites' closed days. */
    public HealthSettings withRegistry(ApRegistry registry) {
        Map<String, Integer> caps = new HashMap<>();
        for (AccessPoint ap : registry.accessPoints()) {
            if (ap.capacity() != null) {
                caps.put(ap.apId(), ap.capacity());
            }
        }
        Map<String, ClosedDays> closed = new HashMap<>();
        registry.sites().values().stream().filter(site -> !site.closed().isEmpty())
                .forEach(site -> closed.put(site.siteId(), site.closed()));
        return new HealthSettings(silentAfter, usualDays, usualWindowDays, overloadFor, spikeWindow, spikeMinAttempts,
                spikeMinFailureShare, presenceTimeout, caps, webhookUrl, unknownQuiet, closed);
    }

    public HealthSettings withWebhook(String url) {
        return new HealthSettings(silentAfter, usualDays, usualWindowDays, overloadFor, spikeWindow, spikeMinAttempts,
                spikeMinFailureShare, presenceTimeout, capacities, url, unknownQuiet, closedDays);
    }

    /** From job flags (docs/DEPLOY.md lists them); {@code --registry FILE} supplies the capacities. */
    public static HealthSettings from(ParameterTool p) {
        HealthSettings d = defaults();
        HealthSettings s = new HealthSettings(
                Duration.ofMinutes(p.getLong("silent-after-min", d.silentAfter.toMinutes())),
                p.getInt("usual-days", d.usualDays), p.getInt("usual-window-days", d.usualWindowDays),
                Duration.ofMinutes(p.getLong("overload-after-min", d.overloadFor.toMinutes())),
                Duration.ofMinutes(p.getLong("login-spike-window-min", d.spikeWindow.toMinutes())),
                p.getInt("login-spike-min-attempts", d.spikeMinAttempts),
                p.getDouble("login-spike-failure-share", d.spikeMinFailureShare), d.presenceTimeout, Map.of(),
                webhookUrl(p),
                Duration.ofHours(p.getLong("unknown-ap-quiet-h", DEFAULT_UNKNOWN_QUIET.toHours())),
                closedDays(p.get("closed-days", "")));
        if (p.has("capacities")) {
            Map<String, Integer> caps = new HashMap<>();
            for (String pair : p.get("capacities").split(",")) {
                String[] kv = pair.split("=");
                if (kv.length == 2) {
                    caps.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
                }
            }
            s = new HealthSettings(s.silentAfter, s.usualDays, s.usualWindowDays, s.overloadFor, s.spikeWindow,
                    s.spikeMinAttempts, s.spikeMinFailureShare, s.presenceTimeout, caps, s.webhookUrl, s.unknownQuiet,
                    s.closedDays);
        }
        if (p.has("registry")) {
            try {
                s = s.withRegistry(ApRegistry.load(Path.of(p.get("registry"))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the registry for AP capacities and closed days", e);
            }
        }
        return s;
    }

    /**
     * The alert webhook: a credential (Slack-like hooks carry their token in the URL), so never a flag, which every
     * user of the machine and the Flink UI can read: {@code TABIJI_ALERT_WEBHOOK}, or a file readable by its owner
     * only ({@code --alert-webhook-file}).
     */
    private static String webhookUrl(ParameterTool p) {
        if (p.has("alert-webhook")) {
            throw new IllegalArgumentException("--alert-webhook is gone: a URL in flags is visible to every user of the "
                    + "machine; set TABIJI_ALERT_WEBHOOK or give --alert-webhook-file FILE");
        }
        if (p.has("alert-webhook-file")) {
            try {
                return blankToNull(Files.readString(Path.of(p.get("alert-webhook-file"))).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the alert webhook file", e);
            }
        }
        return blankToNull(System.getenv("TABIJI_ALERT_WEBHOOK"));
    }

    /**
     * The flags that reproduce these settings, capacities included ({@code --capacities ap=n,...}); not the webhook
     * URL, which travels in a file ({@link #webhookUrl}).
     */
    public java.util.List<String> args() {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(
                "--silent-after-min", Long.toString(silentAfter.toMinutes()),
                "--usual-days", Integer.toString(usualDays), "--usual-window-days", Integer.toString(usualWindowDays),
                "--overload-after-min", Long.toString(overloadFor.toMinutes()),
                "--login-spike-window-min", Long.toString(spikeWindow.toMinutes()),
                "--login-spike-min-attempts", Integer.toString(spikeMinAttempts),
                "--login-spike-failure-share", Double.toString(spikeMinFailureShare),
                "--unknown-ap-quiet-h", Long.toString(unknownQuiet.toHours())));
        if (!capacities.isEmpty()) {
            StringBuilder caps = new StringBuilder();
            new java.util.TreeMap<>(capacities).forEach((ap, c) -> caps.append(caps.length() == 0 ? "" : ",")
                    .append(ap).append('=').append(c));
            a.addAll(java.util.List.of("--capacities", caps.toString()));
        }
        if (!closedDays.isEmpty()) {
            StringBuilder closed = new StringBuilder();
            new java.util.TreeMap<>(closedDays).forEach((site, c) -> closed.append(closed.length() == 0 ? "" : "|")
                    .append(site).append('=').append(c));
            a.addAll(java.util.List.of("--closed-days", closed.toString()));
        }
        return a;
    }

    /** {@code site=rules|site=rules}, the rules as the registry's {@code closed} column writes them. */
    private static Map<String, ClosedDays> closedDays(String flag) {
        Map<String, ClosedDays> out = new HashMap<>();
        for (String pair : flag.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), ClosedDays.parse(pair.substring(eq + 1)));
            } else if (!pair.isBlank()) {
                throw new IllegalArgumentException("--closed-days takes site=rules|site=rules, not '" + pair + "'");
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
