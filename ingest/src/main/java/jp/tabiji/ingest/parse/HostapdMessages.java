package jp.tabiji.ingest.parse;

import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * hostapd's client messages ({@code wlan1-1: AP-STA-CONNECTED 06:fc:e4:4a:e5:05}). Its other messages (WPA
 * handshakes, RADIUS accounting notices, IEEE 802.11 state, AP-STA-POLL-OK...) are recognised and skipped.
 */
final class HostapdMessages {
    static final String SOURCE = "hostapd";
    private static final Pattern STA_EVENT = Pattern.compile(
            "(?:(\\S+): )?AP-STA-(CONNECTED|DISCONNECTED) (\\S+)(?: .*)?", Pattern.DOTALL);

    private HostapdMessages() {
    }

    /** True if the message is written the way hostapd writes, even without a hostapd tag. */
    static boolean looksLikeHostapd(String message) {
        return STA_EVENT.matcher(message).matches();
    }

    /** Read by hand rather than by {@link #STA_EVENT}: this is the most frequent line of all. */
    static ParseResult parse(long ts, String ap, String message) {
        int at = message.indexOf("AP-STA-");
        // AP-STA-... at the start, or after one "iface: " prefix
        boolean placed = at == 0 || at > 2 && message.startsWith(": ", at - 2) && message.lastIndexOf(' ', at - 3) < 0;
        EventType type = null;
        int macStart = -1;
        if (placed && message.startsWith("CONNECTED ", at + 7)) {
            type = EventType.CONNECT;
            macStart = at + 17;
        } else if (placed && message.startsWith("DISCONNECTED ", at + 7)) {
            type = EventType.DISCONNECT;
            macStart = at + 20;
        }
        if (type == null) {
            return ParseResult.skipped("hostapd message is no client association event");
        }
        if (ap == null) {
            return ParseResult.rejected("hostapd line names no AP (give the source --ap ID)");
        }
        int macEnd = message.indexOf(' ', macStart);
        MacAddress mac;
        try {
            mac = MacAddress.parse(message.substring(macStart, macEnd < 0 ? message.length() : macEnd));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("bad client MAC address");
        }
        return ParseResult.parsed(ClientEvent.of(ts, ap, mac, type, null, SOURCE));
    }
}
