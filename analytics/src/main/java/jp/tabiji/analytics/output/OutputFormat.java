package jp.tabiji.analytics.output;

import java.util.Locale;

/** The formats of `tabiji query`. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be table, csv or json, not '" + s + "'");
        }
    }
}
