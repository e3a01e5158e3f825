package jp.tabiji.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * Captive-portal login records, one JSON object per line:
 * {@code {"ts":"2026-11-03T10:15:30+09:00","ap":"sendai-ap01","mac":"06-FC-E4-4A-E5-05","event":"login","lang":"zh-TW"}}.
 * {@code ts} may also be epoch milliseconds (or seconds), or a local time without offset read in the region zone.
 * {@link PortalCsvParser} reads the same fields from CSV.
 */
public final class PortalLoginParser {
    public static final String SOURCE = "portal";

    private final ObjectMapper json = new ObjectMapper();
    private final ZoneId zone;

    public PortalLoginParser(ZoneId zone) {
        this.zone = zone;
    }

    public ParseResult parse(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return ParseResult.rejected("invalid JSON");
        }
        if (node == null || !node.isObject()) {
            return ParseResult.rejected("portal record is not a JSON object");
        }
        return fromFields(field -> {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }, zone);
    }

    /** A login record from named fields: ts, ap, mac, event (login | login_failed), lang, ssid. */
    static ParseResult fromFields(Function<String, String> field, ZoneId zone) {
        String event = field.apply("event");
        EventType type;
        if (event == null || event.isBlank()) {
            return ParseResult.rejected("portal record has no event");
        }
        switch (event.trim().toLowerCase(Locale.ROOT)) {
            case "login", "login_success", "success" -> type = EventType.LOGIN;
            case "login_failed", "login_failure", "failed", "failure" -> type = EventType.LOGIN_FAILED;
            default -> {
                return ParseResult.skipped("portal event '" + event + "' is no login");
            }
        }
        Long ts = timestamp(field.apply("ts"), zone);
        if (ts == null) {
            return ParseResult.rejected("missing or bad portal timestamp");
        }
        String ap = field.apply("ap");
        if (ap == null || ap.isBlank()) {
            return ParseResult.rejected("portal record names no AP");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(field.apply("mac"));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("missing or bad client MAC address");
        }
        String lang = field.apply("lang");
        String ssid = field.apply("ssid");
        return ParseResult.parsed(new ClientEvent(ts, ap.trim(), null, mac, type,
                lang == null || lang.isBlank() ? null : lang, ssid == null || ssid.isBlank() ? null : ssid,
                null, null, null, SOURCE));
    }

    private static Long timestamp(String s, ZoneId zone) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 15) {
            long n = Long.parseLong(t);
            return t.length() <= 10 ? n * 1000 : n; // epoch seconds or milliseconds
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(t).toEpochMilli();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
