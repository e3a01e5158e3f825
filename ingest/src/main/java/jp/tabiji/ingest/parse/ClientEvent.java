package jp.tabiji.ingest.parse;

import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * A parsed client event before pseudonymization. Holds the raw MAC, so it never leaves the ingest process:
 * {@link EventNormalizer} turns it into a {@code WifiEvent}.
 *
 * @param apRef the AP as the log names it (id, base MAC or BSSID)
 * @param apAlt a second name of the AP from the same record (e.g. a RADIUS NAS-Identifier beside the
 *              Called-Station-Id), tried when {@code apRef} is not in the registry; or null
 * @param langRaw the language as logged (BCP 47 tag or Accept-Language), or null
 */
public record ClientEvent(long ts, String apRef, String apAlt, MacAddress mac, EventType type, String langRaw,
                          String ssid, Long bytesIn, Long bytesOut, Long sessionSeconds, String source) {

    public static ClientEvent of(long ts, String apRef, MacAddress mac, EventType type, String langRaw, String source) {
        return new ClientEvent(ts, apRef, null, mac, type, langRaw, null, null, null, null, source);
    }

    public static ClientEvent of(long ts, String apRef, String apAlt, MacAddress mac, EventType type, String source) {
        return new ClientEvent(ts, apRef, apAlt, mac, type, null, null, null, null, null, source);
    }
}
