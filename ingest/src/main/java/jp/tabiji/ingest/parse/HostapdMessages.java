package jp.tabiji.ingest.parse;

import java.util.regex.Matcher;
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

    static ParseResult parse(long ts, String ap, String message) {
        Matcher m = STA_EVENT.matcher(message);
        if (!m.matches()) {
            return ParseResult.skipped("hostapd message is no client association event");
        }
        if (ap == null) {
            return ParseResult.rejected("hostapd line names no AP (give the source --ap ID)");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(m.group(3));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("bad client MAC address");
        }
        EventType type = m.group(2).equals("CONNECTED") ? EventType.CONNECT : EventType.DISCONNECT;
        return new ParseResult.Parsed(ClientEvent.of(ts, ap, mac, type, null, SOURCE));
    }
}
