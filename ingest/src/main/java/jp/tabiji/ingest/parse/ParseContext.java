package jp.tabiji.ingest.parse;

import java.time.ZoneId;

/**
 * What a parser needs besides the line: the region zone (for times logged without one) and the AP to assume for
 * lines that name none (OpenWrt {@code logread} output), or null.
 */
public record ParseContext(ZoneId zone, String defaultAp) {
    public static ParseContext of(ZoneId zone) {
        return new ParseContext(zone, null);
    }
}
