package jp.tabiji.streaming.visit;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.WifiEvent;

/**
 * Everything {@link VisitSessionizer} keeps about one device, in one keyed value: a single state lookup per
 * event or timer instead of one per field, which is what made the sessionizer the pipeline's bottleneck. A Flink
 * POJO (lists are declared by interface with concrete element types, so Flink 2 serializes them without Kryo).
 */
public class DeviceTrack {
    /** No time: the field is unset. */
    public static final long NONE = Long.MIN_VALUE;

    /** Events the watermark has not passed yet, in arrival order. */
    public List<WifiEvent> pending = new ArrayList<>();
    /** The open stay's events in event-time order; empty when there is none. */
    public List<WifiEvent> stay = new ArrayList<>();
    public String staySite;
    /** Languages seen, in event-time order: the one in force at the last closed visit's end, then later ones. */
    public List<LanguageChange> languages = new ArrayList<>();
    /** Time of the last event applied, {@link #NONE} before any. */
    public long lastActivity = NONE;
    /** The one event-time timer registered for this device, {@link #NONE} if there is none. */
    public long timer = NONE;

    public DeviceTrack() {
    }

    boolean isEmpty() {
        return pending.isEmpty() && stay.isEmpty() && languages.isEmpty();
    }

    /** A language reported at a time (portal login). */
    public static class LanguageChange {
        public long ts;
        public String lang;

        public LanguageChange() {
        }

        LanguageChange(long ts, String lang) {
            this.ts = ts;
            this.lang = lang;
        }
    }
}
