package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.registry.Site;

/** SQL text from validated values only (ClickHouse 18.16 has no query parameters). */
final class Sql {
    /** DESIGN.md's dwell buckets, half-open minutes. */
    static final String BUCKET = "multiIf(dwell_s < 900, '0-15', dwell_s < 1800, '15-30', dwell_s < 3600, '30-60', "
            + "dwell_s < 7200, '60-120', '120+')";

    /**
     * A device's language in a cell: that of its latest row; a tie on the time goes to the greater language, so
     * that the answer does not depend on which part or shard a row was read from first.
     */
    static final String LATEST_LANG = "argMax(lang, (last_event_ms, lang))";

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

    /** Both ends inclusive, printed from parsed dates. */
    static String days(LocalDate from, LocalDate to) {
        return "day BETWEEN toDate('" + from + "') AND toDate('" + to + "')";
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

    /** The place a row counts in at a level: its site, its site's area, or '' (the region). */
    static String place(PlaceLevel level, Sites sites) {
        return switch (level) {
            case SITE -> "site_id";
            case AREA -> areaOf(sites);
            case REGION -> "''";
        };
    }

    /** Both ends inclusive, and only the devices of a segment (null: every device). */
    static String days(LocalDate from, LocalDate to, Segment segment) {
        return days(from, to) + (segment == null ? "" : " AND " + devicesOf(segment));
    }

    /**
     * A condition on a {@code device_id} column: the devices of a segment, as the newest computation of
     * {@code device_segments} has them; a visitor is any device not written there as something else.
     */
    static String devicesOf(Segment segment) {
        String current = "SELECT device_id FROM device_segments FINAL WHERE segment ";
        return segment == Segment.VISITOR
                ? "device_id NOT IN (" + current + "!= 'visitor')"
                : "device_id IN (" + current + "= '" + segment.label() + "')";
    }

    /** The day range, the place filter and the segment of a request. */
    static String where(MetricRequest r, Sites sites) {
        String w = days(r.from(), r.to(), r.segment());
        if (r.site() != null) {
            w += " AND site_id = " + literal(r.site());
        }
        if (r.area() != null) {
            w += " AND has(" + list(sites.sitesIn(r.area())) + ", site_id)";
        }
        return w;
    }

    /** The record hash whose sum over a cell's contributors keys its perturbation (see Perturbation). */
    static String hash(String column) {
        return "sipHash64(" + column + ")";
    }
}
