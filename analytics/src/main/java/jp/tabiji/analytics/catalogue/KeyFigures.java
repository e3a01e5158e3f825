package jp.tabiji.analytics.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tabiji.analytics.query.ResultTable;

/**
 * The overview's key figures for one place and lattice period, each made of the catalogue's released cells only (so
 * they can tell nothing those cells do not): visitors; the foreign share (shown non-Japanese languages over all
 * shown known languages); the median dwell; the repeat rate. A figure whose cells are hidden is null (JSON) and so
 * is a rate whose either part (repeaters, the others) is under k.
 */
final class KeyFigures {
    private final MetricCatalogue catalogue;

    KeyFigures(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Map<String, Object> run(MetricRequest place) {
        if (place.lang() != null) {
            throw new IllegalArgumentException("the key figures are not broken down by language; leave lang out");
        }
        MetricRequest r = place.withGroups(Set.of());
        int k = catalogue.release().k();
        Map<String, Object> out = new LinkedHashMap<>();
        Object visitors = first(catalogue.run(Metric.VISITORS, r), "visitors", 0L);
        out.put("visitors", shown(visitors));

        long foreign = 0;
        Long japanese = null;
        for (List<Object> row : catalogue.run(Metric.LANGUAGES, r.withGroups(Set.of(Grouping.LANG))).rows()) {
            if (row.get(1) instanceof Long n) {
                if (row.get(0).equals("ja")) {
                    japanese = n;
                } else if (!row.get(0).equals("unknown")) {
                    foreign += n;
                }
            }
        }
        out.put("foreign_share", japanese != null && foreign >= k ? round((double) foreign / (foreign + japanese)) : null);

        out.put("median_dwell_s", shown(first(catalogue.run(Metric.DWELL, r), "median_dwell_s", null)));

        ResultTable repeat = catalogue.run(Metric.REPEAT, r);
        Object repeaters = first(repeat, "repeat_visitors", 0L);
        Object all = first(repeat, "visitors", 0L);
        out.put("repeat_rate", repeaters instanceof Long n && all instanceof Long a && n >= k && a - n >= k
                ? round((double) n / a) : null);
        return out;
    }

    private static Object first(ResultTable t, String column, Object none) {
        return t.rows().isEmpty() ? none : t.rows().get(0).get(t.columnIndex(column));
    }

    private static Object shown(Object v) {
        return v == ResultTable.SUPPRESSED ? null : v;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
