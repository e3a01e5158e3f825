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
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * Captive-portal login records, one JSON object per line:
 * {@code {"ts":"2026-11-03T10:15:30+09:00","ap":"sendai-ap01","mac":"06-FC-E4-4A-E5-05","event":"login","lang":"zh-TW"}}.
 * {@code ts} may also be epoch milliseconds, or a local time without offset read in the region zone.
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
        String event = text(node, "event");
        EventType type;
        if (event == null) {
            return ParseResult.rejected("portal record has no event");
        }
        switch (event.toLowerCase(Locale.ROOT)) {
            case "login" -> type = EventType.LOGIN;
            case "login_failed" -> type = EventType.LOGIN_FAILED;
            default -> {
                return ParseResult.skipped("portal event '" + event + "' is no login");
            }
        }
        Long ts = timestamp(node.get("ts"));
        if (ts == null) {
            return ParseResult.rejected("missing or bad portal timestamp");
        }
        String ap = text(node, "ap");
        if (ap == null || ap.isBlank()) {
            return ParseResult.rejected("portal record names no AP");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(text(node, "mac"));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("missing or bad client MAC address");
        }
        ClientEvent ce = new ClientEvent(ts, ap, mac, type, text(node, "lang"), text(node, "ssid"), null, null, null,
                SOURCE);
        return new ParseResult.Parsed(ce);
    }

    private Long timestamp(JsonNode ts) {
        if (ts == null || ts.isNull()) {
            return null;
        }
        if (ts.isIntegralNumber()) {
            return ts.longValue();
        }
        if (!ts.isTextual()) {
            return null;
        }
        String s = ts.asText();
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(s).toEpochMilli();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
