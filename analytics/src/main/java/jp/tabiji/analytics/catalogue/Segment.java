package jp.tabiji.analytics.catalogue;

import java.util.Locale;

/** Who a device is, by docs/SEGMENTS.md's rules over its own visits in its pseudonym period. */
public enum Segment {
    VISITOR, COMMUTER, STAFF, RESIDENT,
    /** Daily pseudonyms: one day of history tells no one apart. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The segment named, or null if none is. */
    public static Segment parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
