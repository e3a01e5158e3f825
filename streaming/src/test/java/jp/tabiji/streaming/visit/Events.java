package jp.tabiji.streaming.visit;

import java.time.OffsetDateTime;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;

/** Test events, times given as Tokyo local "HH:mm" on 2026-11-03. */
final class Events {
    static final String DEVICE = "ae52f210edac386e";

    private Events() {
    }

    static long at(String hhmm) {
        return OffsetDateTime.parse("2026-11-03T" + hhmm + ":00+09:00").toInstant().toEpochMilli();
    }

    static WifiEvent ev(String hhmm, String ap, String site, EventType type) {
        return new WifiEvent(at(hhmm), ap, site, DEVICE, true, type, null, "hostapd");
    }

    static WifiEvent login(String hhmm, String ap, String site, String lang) {
        return new WifiEvent(at(hhmm), ap, site, DEVICE, true, EventType.LOGIN, lang, "portal");
    }
}
