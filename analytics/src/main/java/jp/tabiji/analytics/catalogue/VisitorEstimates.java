package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;

/**
 * Estimated total visitors of a site per day, beside its observed devices: the released visitor cells of the days,
 * scaled by the capture rate its reference days give ({@link CaptureRate}), both from released cells only. Without
 * enough reference days there is no rate, and the rows carry the observed devices alone. With a rate and more than
 * one day, a last row {@code total} estimates the whole period (visitor-days) with its own, narrower interval.
 */
final class VisitorEstimates {
    static final List<String> COLUMNS = List.of("day", "visitors", "estimated_visitors", "estimated_low",
            "estimated_high");

    private final MetricCatalogue catalogue;
    private final ReferenceCounts references;

    VisitorEstimates(MetricCatalogue catalogue, ReferenceCounts references) {
        this.catalogue = catalogue;
        this.references = references;
    }

    /** The days' rows and the rate they were scaled by (empty: not calibrated). */
    record Answer(ResultTable rows, Optional<CaptureRate> rate) {
    }

    /** @param segment the segment estimated (its own reference counts and released cells), or null for all */
    Answer run(String site, Segment segment, LocalDate from, LocalDate to) {
        Release release = catalogue.release();
        Optional<CaptureRate> rate = rate(site, segment);
        List<List<Object>> rows = new ArrayList<>();
        List<Long> published = new ArrayList<>();
        Map<LocalDate, Object> cells = catalogue.siteDays(site, segment, from, to);
        for (Map.Entry<LocalDate, Object> day : cells.entrySet()) {
            Object observed = day.getValue();
            if (observed instanceof Long n) {
                published.add(n);
            }
            List<Object> row = new ArrayList<>(List.of(day.getKey().toString(), observed));
            if (rate.isPresent() && observed instanceof Long n) {
                CaptureRate.Estimate e = rate.get().estimate(n, release.maxNoise());
                row.addAll(List.of(e.estimate(), e.low(), e.high()));
            } else {
                Object none = observed instanceof Long ? null : ResultTable.SUPPRESSED;
                row.addAll(java.util.Arrays.asList(none, none, none));
            }
            rows.add(row);
        }
        if (rate.isPresent() && cells.size() > 1) {
            rows.add(total(rate.get(), published.size() == cells.size() ? published : null, release.maxNoise()));
        }
        return new Answer(new ResultTable(COLUMNS, rows, List.of("visitors"), release.k(), release.maxNoise()), rate);
    }

    /** The period's total (its own interval: {@link CaptureRate#estimateTotal}); blank when a day is hidden. */
    private static List<Object> total(CaptureRate rate, List<Long> days, int maxNoise) {
        if (days == null) {
            return java.util.Arrays.asList("total", null, null, null, null);
        }
        CaptureRate.Estimate e = rate.estimateTotal(days, maxNoise);
        return List.of("total", e.observed(), e.estimate(), e.low(), e.high());
    }

    /**
     * The rate from the site's reference days whose visitor cell is published (a hidden cell says nothing); of one
     * segment, from that segment's counts and cells.
     */
    Optional<CaptureRate> rate(String site, Segment segment) {
        TreeMap<LocalDate, Long> counts = references.of(site, segment);
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        List<CaptureRate.Day> days = new ArrayList<>();
        Map<LocalDate, Object> cells = new HashMap<>();
        // in spans the catalogue takes at once (at most a year each)
        for (LocalDate a = counts.firstKey(); !a.isAfter(counts.lastKey()); a = a.plusDays(366)) {
            LocalDate b = a.plusDays(365).isAfter(counts.lastKey()) ? counts.lastKey() : a.plusDays(365);
            cells.putAll(catalogue.siteDays(site, segment, a, b));
        }
        counts.forEach((day, reference) -> {
            if (cells.get(day) instanceof Long n) {
                days.add(new CaptureRate.Day(n, reference));
            }
        });
        return CaptureRate.fit(days);
    }

    /** Each segment with reference counts at the site, and its rate (empty: too few usable days). */
    Map<Segment, Optional<CaptureRate>> segmentRates(String site) {
        Map<Segment, Optional<CaptureRate>> out = new java.util.EnumMap<>(Segment.class);
        references.segmentsOf(site).forEach(s -> out.put(s, rate(site, s)));
        return out;
    }
}
