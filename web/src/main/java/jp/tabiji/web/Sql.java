package jp.tabiji.web;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.registry.Site;

/** SQL text from validated values only (ClickHouse 18.16 has no query parameters). */
final class Sql {
    private Sql() {
    }

    /** A string literal: the value escaped as ClickHouse reads quoted strings. */
    static String literal(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }

    static String list(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(literal(v)));
        return "[" + String.join(", ", quoted) + "]";
    }

    /** The area of each row's site, from the registry. */
    static String areaOf(Sites sites) {
        List<String> ids = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        for (Site s : sites.all()) {
            ids.add(s.siteId());
            areas.add(s.area());
        }
        return "transform(site_id, " + list(ids) + ", " + list(areas) + ", '')";
    }

    /** The day range and the place filter of a request. */
    static String where(StatsRequest r, Sites sites) {
        String w = "day BETWEEN toDate('" + r.from() + "') AND toDate('" + r.to() + "')";
        if (r.site() != null) {
            w += " AND site_id = " + literal(r.site());
        }
        if (r.area() != null) {
            w += " AND has(" + list(sites.sitesIn(r.area())) + ", site_id)";
        }
        return w;
    }
}
