package jp.tabiji.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.Segment;

/**
 * Every kind of request the catalogue answers, asked of two catalogues over the same rows on different
 * engines: each metric with no grouping, each grouping it offers and each pair of them, alone and with a site, an
 * area, a language or a segment; over one day and over the whole range; and the key figures. Returns what
 * differed (the answer, or the refusal, of each side), and every request that failed on either.
 */
final class CatalogueSweep {
    private static final String FAILED = "FAILED: ";
    private final LocalDate from;
    private final LocalDate to;
    private final String site;
    private final String area;
    private final String lang;
    private int asked;

    CatalogueSweep(LocalDate from, LocalDate to, String site, String area, String lang) {
        this.from = from;
        this.to = to;
        this.site = site;
        this.area = area;
        this.lang = lang;
    }

    /** How many requests both catalogues have been asked so far. */
    int requests() {
        return asked;
    }

    List<String> differences(MetricCatalogue a, MetricCatalogue b) {
        List<String> out = new ArrayList<>();
        for (MetricRequest r : kindsOfRequest()) {
            for (Metric m : Metric.values()) {
                compare(out, m.label() + " " + r, c -> c.run(m, r), a, b);
            }
            if (r.groupBy().isEmpty()) {
                compare(out, "key figures " + r, c -> c.keyFigures(r), a, b);
            }
        }
        return out;
    }

    private List<MetricRequest> kindsOfRequest() {
        List<Set<Grouping>> groupings = new ArrayList<>();
        groupings.add(EnumSet.noneOf(Grouping.class));
        for (Grouping g : Grouping.values()) {
            groupings.add(EnumSet.of(g));
            for (Grouping h : Grouping.values()) {
                if (h.ordinal() > g.ordinal()) {
                    groupings.add(EnumSet.of(g, h));
                }
            }
        }
        List<MetricRequest> out = new ArrayList<>();
        for (LocalDate[] range : List.of(new LocalDate[] {from, from}, new LocalDate[] {from, to})) {
            for (Set<Grouping> groups : groupings) {
                add(out, () -> new MetricRequest(range[0], range[1], null, null, null, groups));
                if (groups.size() <= 1) {
                    add(out, () -> new MetricRequest(range[0], range[1], site, null, null, groups));
                    add(out, () -> new MetricRequest(range[0], range[1], null, area, null, groups));
                    add(out, () -> new MetricRequest(range[0], range[1], null, null, lang, groups));
                    add(out, () -> new MetricRequest(range[0], range[1], null, null, null, groups, Segment.VISITOR));
                }
            }
        }
        return out;
    }

    /** A combination the request itself refuses (two time units, say) is not asked. */
    private static void add(List<MetricRequest> out, java.util.function.Supplier<MetricRequest> request) {
        try {
            out.add(request.get());
        } catch (IllegalArgumentException e) {
            // not a request anyone can make
        }
    }

    private void compare(List<String> out, String what, Function<MetricCatalogue, Object> ask, MetricCatalogue a,
                         MetricCatalogue b) {
        asked++;
        String left = answer(ask, a);
        String right = answer(ask, b);
        if (!Objects.equals(left, right) || left.startsWith(FAILED)) {
            out.add(what + "\n    18.16: " + left + "\n    26.x:  " + right);
        }
    }

    private static String answer(Function<MetricCatalogue, Object> ask, MetricCatalogue c) {
        try {
            return String.valueOf(ask.apply(c));
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        } catch (RuntimeException e) {
            return FAILED + e;
        }
    }
}
