package jp.tabiji.ingest.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encoding of {@link WifiEvent} on {@code tabiji.events}: one JSON object per record with the contract's
 * field names plus {@code "v"} (schema version). JSON keeps the topic readable with kcat; the streaming
 * (non-databind) API keeps it cheap. A reader rejects versions newer than it knows.
 */
public final class WifiEventCodec {
    private final JsonFactory json = new JsonFactory();

    public byte[] encode(WifiEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", WifiEvent.SCHEMA_VERSION);
            g.writeNumberField("ts", e.ts);
            g.writeStringField("apId", e.apId);
            g.writeStringField("siteId", e.siteId);
            g.writeStringField("deviceId", e.deviceId);
            g.writeBooleanField("randomMac", e.randomMac);
            g.writeStringField("type", e.type.name());
            g.writeStringField("lang", e.lang);
            g.writeStringField("ssid", e.ssid);
            writeLong(g, "bytesIn", e.bytesIn);
            writeLong(g, "bytesOut", e.bytesOut);
            writeLong(g, "sessionSeconds", e.sessionSeconds);
            g.writeStringField("source", e.source);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static void writeLong(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    public WifiEvent decode(byte[] bytes) {
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
        return e;
    }
}
