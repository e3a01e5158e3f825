package jp.tabiji.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.Segment;

/**
 * `tabiji query METRIC --by ...` as the catalogue's metric and typed request. The CLI is the operators' tool: it asks
 * the catalogue with the exact release (primary suppression, any range).
 */
record CliQuery(Metric metric, MetricRequest request) {
    /**
     * @param by      the grouping; {@code ,segment} at its end (or {@code segment} alone) adds rows per segment
     * @param segment only the devices of one segment (docs/SEGMENTS.md), or null for all
     */
    static CliQuery parse(String what, String by, String segment, LocalDate from, LocalDate to) {
        String norm = by == null ? null : by.replace(" ", "").toLowerCase(Locale.ROOT);
        boolean bySegment = norm != null && (norm.equals("segment") || norm.endsWith(",segment"));
        if (bySegment) {
            norm = norm.equals("segment") ? null : norm.substring(0, norm.length() - ",segment".length());
        }
        CliQuery q = parse(what, norm, from, to);
        Segment s = null;
        if (segment != null) {
            s = Segment.parse(segment);
            if (s == null) {
                throw new UsageException("--segment must be visitor, commuter, staff, resident or unknown, not '"
                        + segment + "'");
            }
        }
        Set<Grouping> groups = EnumSet.noneOf(Grouping.class);
        groups.addAll(q.request().groupBy());
        if (bySegment) {
            groups.add(Grouping.SEGMENT);
        }
        try {
            return new CliQuery(q.metric(), q.request().withGroups(groups).withSegment(s));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static CliQuery parse(String what, String by, LocalDate from, LocalDate to) {
        String norm = by == null ? null : by.replace(" ", "").toLowerCase(Locale.ROOT);
        try {
            return legacy(what, norm, by, from, to);
        } catch (UnknownGrouping e) {
            // any other grouping the metric offers, named as the API's groupBy names it (site,week; area,month; hour)
            try {
                return new CliQuery(e.metric, request(from, to, e.metric.groups(norm)));
            } catch (IllegalArgumentException notOffered) {
                throw new UsageException("--by " + notOffered.getMessage() + " (or " + e.getMessage() + ")");
            }
        }
    }

    /** The groupings the CLI has always taken, with its own spelling (language rows name lang; flows take route). */
    private static CliQuery legacy(String what, String norm, String by, LocalDate from, LocalDate to) {
        return switch (what) {
            case "visitors" -> new CliQuery(Metric.VISITORS, request(from, to, switch (norm == null ? "site,day" : norm) {
                case "site,day" -> EnumSet.of(Grouping.SITE, Grouping.DAY);
                case "site,day,lang" -> EnumSet.of(Grouping.SITE, Grouping.DAY, Grouping.LANG);
                case "day" -> EnumSet.of(Grouping.DAY);
                case "day,lang" -> EnumSet.of(Grouping.DAY, Grouping.LANG);
                default -> throw new UnknownGrouping(Metric.VISITORS, "site,day | site,day,lang | day | day,lang");
            }));
            case "languages" -> new CliQuery(Metric.LANGUAGES, request(from, to, switch (norm == null ? "day,lang"
                    : norm) {
                case "day,lang", "lang", "" -> EnumSet.of(Grouping.DAY);
                case "site,day,lang" -> EnumSet.of(Grouping.SITE, Grouping.DAY);
                case "hour,lang" -> EnumSet.of(Grouping.HOUR);
                default -> throw new UnknownGrouping(Metric.LANGUAGES, "day,lang | site,day,lang | hour,lang");
            }));
            case "flows" -> new CliQuery(Metric.FLOWS, request(from, to, switch (norm == null ? "" : norm) {
                case "", "route" -> EnumSet.noneOf(Grouping.class);
                case "lang" -> EnumSet.of(Grouping.LANG);
                default -> throw new UnknownGrouping(Metric.FLOWS, "lang (or nothing)");
            }));
            case "dwell" -> new CliQuery(Metric.DWELL, request(from, to, switch (norm == null ? "" : norm) {
                case "", "site" -> EnumSet.of(Grouping.SITE);
                case "site,bucket", "bucket" -> EnumSet.of(Grouping.SITE, Grouping.BUCKET);
                default -> throw new UnknownGrouping(Metric.DWELL, "site or site,bucket");
            }));
            case "repeat" -> new CliQuery(Metric.REPEAT, request(from, to, switch (norm == null ? "site" : norm) {
                case "site" -> EnumSet.of(Grouping.SITE);
                default -> throw new UnknownGrouping(Metric.REPEAT, "site");
            }));
            default -> throw new UsageException("query supports: visitors, languages, flows, dwell, repeat, hotspots");
        };
    }

    private static MetricRequest request(LocalDate from, LocalDate to, Set<Grouping> groups) {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        return new MetricRequest(from, to, null, null, null, groups);
    }

    /** A --by the CLI's own spellings do not know: tried next as the metric's groupings. */
    private static final class UnknownGrouping extends RuntimeException {
        final transient Metric metric;

        UnknownGrouping(Metric metric, String choices) {
            super(choices, null, false, false);
            this.metric = metric;
        }
    }
}
