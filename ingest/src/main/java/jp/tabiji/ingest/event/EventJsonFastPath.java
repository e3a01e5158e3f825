package jp.tabiji.ingest.event;

import java.nio.charset.StandardCharsets;

/**
 * Reads a record of {@code tabiji.events} laid out exactly as {@link WifiEventCodec#encode} writes it (the
 * contract's fields in its order, no whitespace, ASCII strings without escapes), without a JSON parser: Jackson
 * was a third of the source task. Anything else (another field order, whitespace, an escape, a non-ASCII byte, a
 * newer version, a missing required field) gives {@code null}, and the caller parses the record in full, so what
 * is accepted and what is refused, with which message, stays the general parser's. Not thread-safe.
 */
final class EventJsonFastPath {
    private static final EventType[] TYPES = EventType.values();

    private byte[] b;
    private int at;
    /** Set by the first byte that is not in the layout; reading goes on harmlessly and the result is dropped. */
    private boolean mismatch;

    /** @return the event, or null if the record is not in the encoder's exact layout */
    WifiEvent read(byte[] bytes) {
        b = bytes;
        at = 0;
        mismatch = false;
        try {
            return readEvent();
        } finally {
            b = null;
        }
    }

    private WifiEvent readEvent() {
        expect("{\"v\":");
        if (number() > WifiEvent.SCHEMA_VERSION) {
            return null;
        }
        WifiEvent e = new WifiEvent();
        expect(",\"ts\":");
        e.ts = number();
        expect(",\"apId\":");
        e.apId = string();
        expect(",\"siteId\":");
        e.siteId = string();
        expect(",\"deviceId\":");
        e.deviceId = string();
        expect(",\"randomMac\":");
        e.randomMac = literal("true");
        if (!e.randomMac) {
            expect("false");
        }
        expect(",\"type\":");
        e.type = type();
        expect(",\"lang\":");
        e.lang = string();
        expect(",\"ssid\":");
        e.ssid = string();
        expect(",\"bytesIn\":");
        e.bytesIn = nullableNumber();
        expect(",\"bytesOut\":");
        e.bytesOut = nullableNumber();
        expect(",\"sessionSeconds\":");
        e.sessionSeconds = nullableNumber();
        expect(",\"source\":");
        e.source = string();
        expect("}");
        return mismatch || at != b.length || e.apId == null || e.deviceId == null
                || e.type == null ? null : e;
    }

    private void expect(String s) {
        if (!literal(s)) {
            mismatch = true;
        }
    }

    private boolean literal(String s) {
        int n = s.length();
        if (at + n > b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        at += n;
        return true;
    }

    /** A JSON integer of at most 18 digits (so no overflow). */
    private long number() {
        boolean negative = at < b.length && b[at] == '-';
        int start = negative ? ++at : at;
        long v = 0;
        while (at < b.length && b[at] >= '0' && b[at] <= '9') {
            v = v * 10 + (b[at++] - '0');
        }
        int digits = at - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
            mismatch = true;
        }
        return negative ? -v : v;
    }

    private Long nullableNumber() {
        return literal("null") ? null : number();
    }

    /** A string of printable ASCII without escapes, or null for {@code null}. */
    private String string() {
        if (literal("null")) {
            return null;
        }
        if (at >= b.length || b[at] != '"') {
            mismatch = true;
            return null;
        }
        int start = ++at;
        for (; at < b.length; at++) {
            byte c = b[at];
            if (c == '"') {
                return new String(b, start, at++ - start, StandardCharsets.ISO_8859_1);
            }
            if (c < 0x20 || c == '\\') { // also every byte >= 0x80, which is negative
                break;
            }
        }
        mismatch = true;
        return null;
    }

    private EventType type() {
        String name = string();
        for (EventType t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
