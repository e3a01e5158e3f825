package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * The groupings a comma-separated list names, each one of {@code offered} and none twice; otherwise an error
     * that names the choices (the API prefixes it with {@code groupBy}, the CLI with {@code --by}).
     */
    public static Set<Grouping> parseAll(String by, Set<Grouping> offered) {
        Set<Grouping> groups = new LinkedHashSet<>();
        for (String part : by.split(",", -1)) {
            Grouping g = parse(part);
            if (g == null || !offered.contains(g)) {
                List<String> names = new ArrayList<>();
                offered.forEach(a -> names.add(a.label()));
                // the input quoted back printable and short: it may end up in a log line
                String shown = part.replaceAll("[^\\p{L}\\p{N} ,._:+-]", "?");
                throw new IllegalArgumentException("'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                        + "' is not offered here; choose from " + String.join(", ", names));
            }
            if (!groups.add(g)) {
                throw new IllegalArgumentException("names " + g.label() + " twice");
            }
        }
        return groups;
    }

    public static Grouping parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
