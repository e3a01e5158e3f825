package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tabiji.ingest.registry.HolidayCalendar;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a site's visitors would have been on a day: the same kind of day (the weekday, a national holiday counted as
 * a Sunday, as on the operations page) in the {@value #WEEKS} weeks before it, leaving out event days and days
 * without a published cell. Their mean is the expectation, and Student's t prediction interval
 * {@code mean ± t(n−1) · s · √(1 + 1/n)} the range a usual day falls in; an event's uplift is the observed cell less
 * that. Made of released cells only.
 */
public final class VisitorBaseline {
    public static final int WEEKS = 6;
    public static final int MIN_DAYS = 3;
    public static final double LEVEL = 0.95;
    /** t quantiles of the level by the number of usual days (at most the window's 7 × {@value #WEEKS} days). */
    private static final double[] T_BY_DAYS = java.util.stream.IntStream.rangeClosed(0, 7 * WEEKS + 1)
            .mapToDouble(n -> n < 2 ? Double.NaN
                    : new TDistribution(n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2))
            .toArray();

    private final HolidayCalendar holidays;

    public VisitorBaseline(HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    /** The expectation of a day, with its prediction interval, from {@code days} usual days. */
    public record Expected(double mean, double low, double high, int days) {
    }

    /** 1 (Monday) … 7 (Sunday), a national holiday being a Sunday: the calendar's kind of day. */
    int kind(LocalDate day) {
        return holidays.kindOfDay(day.toEpochDay());
    }

    /**
     * The expectation of {@code day} from the usual days before {@code before} (exclusive): the
     * {@value #WEEKS} weeks' days of the same kind, except the {@code unusual} ones and those without a number.
     *
     * @param cells day → released visitors (a Long) or a hidden cell (anything else)
     */
    public Optional<Expected> expected(LocalDate day, LocalDate before, Map<LocalDate, Object> cells,
                                       Set<LocalDate> unusual) {
        int kind = kind(day);
        List<Double> usual = new ArrayList<>();
        for (LocalDate d = before.minusDays(1); !d.isBefore(before.minusWeeks(WEEKS)); d = d.minusDays(1)) {
            if (kind(d) == kind && !unusual.contains(d) && cells.get(d) instanceof Long n) {
                usual.add((double) n);
            }
        }
        if (usual.size() < MIN_DAYS) {
            return Optional.empty();
        }
        double mean = usual.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = usual.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double half = T_BY_DAYS[usual.size()] * Math.sqrt(ss / (usual.size() - 1)) * Math.sqrt(1 + 1.0 / usual.size());
        return Optional.of(new Expected(mean, Math.max(0, mean - half), mean + half, usual.size()));
    }
}
