package jp.tabiji.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricRequest;

/**
 * `tabiji query METRIC --by ...` as the catalogue's metric and typed request. The CLI is the operators' tool: it asks
 * the catalogue with the exact release (primary suppression, any range).
 */
record CliQuery(Metric metric, MetricRequest request) {
    static CliQuery parse(String what, String by, LocalDate from, LocalDate to) {
        String norm = by == null ? null : by.replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (what) {
            case "visitors" -> new CliQuery(Metric.VISITORS, request(from, to, switch (norm == null ? "site,day" : norm) {
                case "site,day" -> EnumSet.of(Grouping.SITE, Grouping.DAY);
                case "site,day,lang" -> EnumSet.of(Grouping.SITE, Grouping.DAY, Grouping.LANG);
                case "day" -> EnumSet.of(Grouping.DAY);
                case "day,lang" -> EnumSet.of(Grouping.DAY, Grouping.LANG);
                default -> throw bad("visitors", "site,day | site,day,lang | day | day,lang", by);
            }));
            case "languages" -> new CliQuery(Metric.LANGUAGES, request(from, to, switch (norm == null ? "day,lang"
                    : norm) {
                case "day,lang", "lang", "" -> EnumSet.of(Grouping.DAY);
                case "site,day,lang" -> EnumSet.of(Grouping.SITE, Grouping.DAY);
                case "hour,lang" -> EnumSet.of(Grouping.HOUR);
                default -> throw bad("languages", "day,lang | site,day,lang | hour,lang", by);
            }));
            case "flows" -> new CliQuery(Metric.FLOWS, request(from, to, switch (norm == null ? "" : norm) {
                case "", "route" -> EnumSet.noneOf(Grouping.class);
                case "lang" -> EnumSet.of(Grouping.LANG);
                default -> throw bad("flows", "lang (or nothing)", by);
            }));
            case "dwell" -> new CliQuery(Metric.DWELL, request(from, to, switch (norm == null ? "" : norm) {
                case "", "site" -> EnumSet.of(Grouping.SITE);
                case "site,bucket", "bucket" -> EnumSet.of(Grouping.SITE, Grouping.BUCKET);
                default -> throw bad("dwell", "site or site,bucket", by);
            }));
            case "repeat" -> new CliQuery(Metric.REPEAT, request(from, to, EnumSet.of(Grouping.SITE)));
            default -> throw new UsageException("query supports: visitors, languages, flows, dwell, repeat, hotspots");
        };
    }

    private static MetricRequest request(LocalDate from, LocalDate to, Set<Grouping> groups) {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        return new MetricRequest(from, to, null, null, null, groups);
    }

    private static UsageException bad(String what, String choices, String by) {
        return new UsageException("--by for " + what + " must be one of " + choices + ", not '" + by + "'");
    }
}
