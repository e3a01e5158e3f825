package jp.tabiji.analytics.catalogue;

import java.util.Locale;

/**
 * What a metric's rows can be grouped by: at most one time unit, site or area (not both), segment, language, dwell
 * bucket.
 */
public enum Grouping {
    HOUR, DAY, WEEK, MONTH, SITE, AREA, SEGMENT, LANG, BUCKET;

    public boolean isTime() {
        return this == HOUR || this == DAY || this == WEEK || this == MONTH;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Grouping parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
