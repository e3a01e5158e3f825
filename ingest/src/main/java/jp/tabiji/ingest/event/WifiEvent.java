package jp.tabiji.ingest.event;

import java.util.Objects;

/**
 * The one event contract that crosses the Kafka boundary (topic {@code tabiji.events}).
 * A Flink POJO: public no-arg constructor and public fields, so Flink never falls back to Kryo.
 * {@code deviceId} is a keyed pseudonym; the raw MAC never reaches this type.
 */
public class WifiEvent {
    /** Version of the encoding written by {@link WifiEventCodec}. */
    public static final int SCHEMA_VERSION = 1;

    public long ts;
    public String apId;
    public String siteId;
    public String deviceId;
    public boolean randomMac;
    public EventType type;
    public String lang;
    public String ssid;
    public Long bytesIn;
    public Long bytesOut;
    public Long sessionSeconds;
    public String source;

    public WifiEvent() {
    }

    public WifiEvent(long ts, String apId, String siteId, String deviceId, boolean randomMac, EventType type,
                     String lang, String source) {
        this.ts = ts;
        this.apId = apId;
        this.siteId = siteId;
        this.deviceId = deviceId;
        this.randomMac = randomMac;
        this.type = type;
        this.lang = lang;
        this.source = source;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WifiEvent e)) {
            return false;
        }
        return ts == e.ts && randomMac == e.randomMac && Objects.equals(apId, e.apId)
                && Objects.equals(siteId, e.siteId) && Objects.equals(deviceId, e.deviceId) && type == e.type
                && Objects.equals(lang, e.lang) && Objects.equals(ssid, e.ssid) && Objects.equals(bytesIn, e.bytesIn)
                && Objects.equals(bytesOut, e.bytesOut) && Objects.equals(sessionSeconds, e.sessionSeconds)
                && Objects.equals(source, e.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ts, apId, deviceId, type);
    }

    @Override
    public String toString() {
        return "WifiEvent{ts=" + ts + ", ap=" + apId + ", site=" + siteId + ", device=" + deviceId + ", type=" + type
                + ", lang=" + lang + ", source=" + source + "}";
    }
}
