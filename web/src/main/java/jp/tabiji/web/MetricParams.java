package jp.tabiji.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.Segment;
import jp.tabiji.analytics.catalogue.Sites;

/**
 * A statistics request's query parameters as the catalogue's typed request. Every value that later reaches SQL is
 * checked here against a closed set (sites and areas of the registry, the grouping names) or a strict pattern
 * (dates, language tags), so SQL only ever sees literals printed from validated values.
 */
final class MetricParams {
    /** The longest range one request may cover: two years of days. */
    public static final int MAX_DAYS = 731;
    private static final Pattern LANG = Pattern.compile("unknown|[a-z]{2,3}|zh-Hans|zh-Hant");
    private static final Set<String> KNOWN = Set.of("from", "to", "site", "area", "lang", "segment", "groupBy");

    private MetricParams() {
    }

    /**
     * @param allowed the groupings this endpoint offers
     * @param dflt    the grouping when none is asked for
     */
    static MetricRequest parse(Map<String, List<String>> query, Sites sites, Set<Grouping> allowed,
                               Set<Grouping> dflt) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest("unknown parameter '" + shorten(name) + "'; the parameters are from, "
                        + "to, site, area, lang, segment, groupBy");
            }
        }
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("the range may cover at most " + MAX_DAYS + " days");
        }
        String site = single(query, "site");
        if (site != null && !sites.has(site)) {
            throw ApiException.badRequest("site '" + shorten(site) + "' is not in the registry (see /api/v1/sites)");
        }
        String area = single(query, "area");
        if (area != null && !sites.hasArea(area)) {
            throw ApiException.badRequest("area '" + shorten(area) + "' is not in the registry (see /api/v1/sites)");
        }
        String lang = single(query, "lang");
        if (lang != null && !LANG.matcher(lang).matches()) {
            throw ApiException.badRequest("lang must be a language as the data names it (ja, en, ko, zh-Hans, "
                    + "zh-Hant, unknown ...), not '" + shorten(lang) + "'");
        }
        String segmentName = single(query, "segment");
        Segment segment = segmentName == null ? null : Segment.parse(segmentName);
        if (segmentName != null && segment == null) {
            throw ApiException.badRequest("segment must be visitor, commuter, staff, resident or unknown, not '"
                    + shorten(segmentName) + "'");
        }
        String by = single(query, "groupBy");
        Set<Grouping> groups = by == null ? dflt : groups(by, allowed);
        try {
            return new MetricRequest(from, to, site, area, lang, groups, segment);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static Set<Grouping> groups(String by, Set<Grouping> allowed) {
        try {
            return Grouping.parseAll(by, allowed);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("groupBy " + e.getMessage());
        }
    }

    /** A required date parameter, or a 400 that says what is wrong with it. */
    static LocalDate date(Map<String, List<String>> query, String name) {
        String v = single(query, name);
        if (v == null) {
            throw ApiException.badRequest(name + " is required (YYYY-MM-DD)");
        }
        try {
            if (v.length() != 10) {
                throw new DateTimeParseException("length", v, 0);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date YYYY-MM-DD, not '" + shorten(v) + "'");
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> vs = query.get(name);
        if (vs == null || vs.isEmpty()) {
            return null;
        }
        if (vs.size() > 1) {
            throw ApiException.badRequest(name + " is given " + vs.size() + " times; give it once");
        }
        return vs.get(0).isEmpty() ? null : vs.get(0);
    }

    /** Echoes of bad input stay short and printable. */
    private static String shorten(String s) {
        String t = s.replaceAll("[^\\p{L}\\p{N} ,._:+-]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

}
