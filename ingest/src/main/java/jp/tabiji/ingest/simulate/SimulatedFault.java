package jp.tabiji.ingest.simulate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A fault the simulator injects at one AP over [from, to) (epoch ms), for the hotspot-health alerts to find:
 * an outage (the AP logs nothing), an overload (more clients than its capacity stay connected) or a burst of
 * portal logins that mostly fail. Written as {@code kind:ap_id:FROM/TO} with local times, e.g.
 * {@code outage:matsushima-ap01:2026-11-07T10:00/2026-11-07T11:00}.
 */
public record SimulatedFault(Kind kind, String apId, long from, long to) {
    /** What goes wrong, and the alert it should raise. */
    public enum Kind {
        OUTAGE("silent"), OVERLOAD("overloaded"), LOGIN_BURST("login_failure_spike");

        private final String alert;

        Kind(String alert) {
            this.alert = alert;
        }

        /** The alert kind (as ClickHouse and the API name it) this fault should open. */
        public String alert() {
            return alert;
        }
    }

    public SimulatedFault {
        if (to <= from) {
            throw new IllegalArgumentException("a fault must end after it starts");
        }
    }

    public static SimulatedFault parse(String spec, ZoneId zone) {
        String[] parts = spec.split(":", 3);
        String[] range = parts.length == 3 ? parts[2].split("/") : new String[0];
        if (parts.length != 3 || range.length != 2) {
            throw new IllegalArgumentException("a fault is kind:ap_id:FROM/TO (kinds outage, overload, login_burst; "
                    + "local times like 2026-11-07T10:00), not '" + spec + "'");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault kind '" + parts[0] + "': outage, overload or login_burst");
        }
        try {
            return new SimulatedFault(kind, parts[1], LocalDateTime.parse(range[0]).atZone(zone).toInstant().toEpochMilli(),
                    LocalDateTime.parse(range[1]).atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("fault times are local ISO times like 2026-11-07T10:00: " + spec);
        }
    }
}
