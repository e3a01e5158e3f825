package jp.tabiji.streaming.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The JSON of an alert on {@code tabiji.alerts} and in webhook bodies (docs/DEPLOY.md shows an example):
 * {@code schema}, {@code alert_id}, {@code state} (open/clear), {@code kind}, {@code ap_id}, {@code site_id}
 * (null for an unknown AP), {@code ts} and {@code opened_at} (ISO-8601 UTC), {@code value}, {@code threshold},
 * {@code detail}; since schema 2 also {@code peak_value}, {@code peak_at}, {@code peak_attempts},
 * {@code peak_failures}, {@code revision} and {@code basis} (a login spike's {@code failure_share} or
 * {@code failure_rate}, null for other kinds; fields only added: a schema-1 reader keeps working). An open alert is
 * sent again with the next revision when its peak rises; consumers keep the highest revision per {@code alert_id}
 * and {@code state}.
 */
public final class AlertJson {
    public static final int SCHEMA_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static byte[] encode(HotspotAlert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", SCHEMA_VERSION);
        n.put("alert_id", a.alertId);
        n.put("state", a.state);
        n.put("kind", a.kind.code());
        n.put("ap_id", a.apId);
        n.put("site_id", a.siteId);
        n.put("ts", Instant.ofEpochMilli(a.ts).toString());
        n.put("opened_at", Instant.ofEpochMilli(a.openedAt).toString());
        n.put("value", a.value);
        n.put("threshold", a.threshold);
        n.put("detail", a.detail);
        n.put("peak_value", a.peakValue);
        n.put("peak_at", Instant.ofEpochMilli(a.peakAt).toString());
        n.put("peak_attempts", a.peakAttempts);
        n.put("peak_failures", a.peakFailures);
        n.put("revision", a.revision);
        n.put("basis", a.basis);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A named function so Flink can read its types. */
    public static final class Encode implements MapFunction<HotspotAlert, byte[]> {
        @Override
        public byte[] map(HotspotAlert a) {
            return encode(a);
        }
    }
}
