package jp.tabiji.ingest.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encoding of {@link WifiEvent} on {@code tabiji.events}: one JSON object per record with the contract's
 * field names plus {@code "v"} (schema version). JSON keeps the topic readable with kcat; the streaming
 * (non-databind) API keeps it cheap. A reader rejects versions newer than it knows.
 */
public final class WifiEventCodec {
    private final JsonFactory json = new JsonFactory();

    /**
     * Writes the JSON by hand into a reused buffer: this runs once per event on the ingest thread, where a JSON
     * generator per record cost a third of the publish rate. Not thread-safe (one codec per thread).
     */
    public byte[] encode(WifiEvent e) {
        len = 0;
        ascii("{\"v\":");
        number(WifiEvent.SCHEMA_VERSION);
        ascii(",\"ts\":");
        number(e.ts);
        string("apId", e.apId);
        string("siteId", e.siteId);
        string("deviceId", e.deviceId);
        ascii(e.randomMac ? ",\"randomMac\":true" : ",\"randomMac\":false");
        string("type", e.type == null ? null : e.type.name());
        string("lang", e.lang);
        string("ssid", e.ssid);
        number("bytesIn", e.bytesIn);
        number("bytesOut", e.bytesOut);
        number("sessionSeconds", e.sessionSeconds);
        string("source", e.source);
        ascii("}");
        return Arrays.copyOf(buf, len);
    }

    private byte[] buf = new byte[512];
    private int len;

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void number(long v) {
        ascii(Long.toString(v));
    }

    private void number(String name, Long v) {
        ascii(",\"");
        ascii(name);
        ascii("\":");
        if (v == null) {
            ascii("null");
        } else {
            number(v.longValue());
        }
    }

    private void string(String name, String v) {
        ascii(",\"");
        ascii(name);
        ascii("\":");
        if (v == null) {
            ascii("null");
            return;
        }
        room(v.length() + 2);
        buf[len++] = '"';
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                room(1);
                buf[len++] = (byte) c;
            } else {
                escaped(v, i);
                return;
            }
        }
        room(1);
        buf[len++] = '"';
    }

    /** The rest of a string from {@code from} on, with JSON escapes and UTF-8 for non-ASCII. */
    private void escaped(String v, int from) {
        StringBuilder b = new StringBuilder(v.length() - from + 8);
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        byte[] bytes = b.append('"').toString().getBytes(StandardCharsets.UTF_8);
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private final EventJsonFastPath fastPath = new EventJsonFastPath();

    /** The encoder's own layout without a parser; any other valid JSON object with the contract's fields too. */
    public WifiEvent decode(byte[] bytes) {
        WifiEvent fast = fastPath.read(bytes);
        return fast != null ? fast : parse(bytes);
    }

    private WifiEvent parse(byte[] bytes) {
        WifiEvent e = new WifiEvent();
        try (JsonParser p = json.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("event is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                boolean isNull = t == JsonToken.VALUE_NULL;
                switch (name) {
                    case "v" -> {
                        if (p.getIntValue() > WifiEvent.SCHEMA_VERSION) {
                            throw new IllegalArgumentException("unknown event schema version " + p.getIntValue());
                        }
                    }
                    case "ts" -> e.ts = p.getLongValue();
                    case "apId" -> e.apId = isNull ? null : p.getText();
                    case "siteId" -> e.siteId = isNull ? null : p.getText();
                    case "deviceId" -> e.deviceId = isNull ? null : p.getText();
                    case "randomMac" -> e.randomMac = p.getBooleanValue();
                    case "type" -> e.type = EventType.valueOf(p.getText());
                    case "lang" -> e.lang = isNull ? null : p.getText();
                    case "ssid" -> e.ssid = isNull ? null : p.getText();
                    case "bytesIn" -> e.bytesIn = isNull ? null : p.getLongValue();
                    case "bytesOut" -> e.bytesOut = isNull ? null : p.getLongValue();
                    case "sessionSeconds" -> e.sessionSeconds = isNull ? null : p.getLongValue();
                    case "source" -> e.source = isNull ? null : p.getText();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException ex) {
            throw new IllegalArgumentException("event is not valid JSON: " + ex.getMessage(), ex);
        }
        if (e.deviceId == null || e.type == null) {
            throw new IllegalArgumentException("event lacks deviceId or type");
        }
        if (e.apId == null) { // the archive and AP health need it: refused here, it goes to the DLQ
            throw new IllegalArgumentException("event lacks apId");
        }
        return e;
    }
}
