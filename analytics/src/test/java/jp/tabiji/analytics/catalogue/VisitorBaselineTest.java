package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jp.tabiji.ingest.registry.HolidayCalendar;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The uplift's interval against injected truth over many seeds. Each site's days follow a model the baseline does not
 * assume: a weekly profile with busier weekends and holidays, a slow trend, overdispersed (gamma-Poisson) days and
 * the release's noise and suppression; an event adds a known number of visitors on its days. The interval
 * (observed less the usual range) must hold the injected extra visitors as often as its level says.
 */
class VisitorBaselineTest {
    private static final int SEEDS = 500;
    private static final VisitorBaseline BASELINE = new VisitorBaseline(HolidayCalendar.japan());

    @Test
    void theUpliftIntervalHoldsTheInjectedExtraVisitorsAsOftenAsItsLevelSays() {
        int covered = 0;
        int trials = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RandomGenerator rng = new MersenneTwister(seed);
            double base = 30 + rng.nextDouble() * 2000;
            double trend = (rng.nextDouble() - 0.5) * 0.004; // up to ±0.2 % a day
            double[] week = {1, 0.9 + rng.nextDouble() * 0.2, 1, 1.05, 1.2, 1.6 + rng.nextDouble() * 0.6, 1.4};
            GammaDistribution day = new GammaDistribution(rng, 30, 1.0 / 30);
            LocalDate start = LocalDate.of(2026, 1, 5).plusDays(rng.nextInt(300));
            LocalDate event = start.plusDays(49 + rng.nextInt(7));
            long extra = Math.round(base * (0.1 + rng.nextDouble()));
            Map<LocalDate, Object> cells = new HashMap<>();
            long eventObserved = 0;
            for (int d = 0; d <= 56; d++) {
                LocalDate date = start.plusDays(d);
                double mean = base * week[BASELINE.kind(date) - 1] * Math.exp(trend * d) * day.sample();
                long visitors = new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
                        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample() + (date.equals(event) ? extra : 0);
                long released = Math.max(0, visitors + rng.nextInt(5) - 2);
                cells.put(date, released < 10 ? "hidden" : (Object) released);
                if (date.equals(event)) {
                    eventObserved = released;
                }
            }
            var expected = BASELINE.expected(event, event, cells, Set.of(event));
            if (expected.isEmpty() || !(cells.get(event) instanceof Long)) {
                continue;
            }
            trials++;
            double upliftLow = eventObserved - expected.get().high();
            double upliftHigh = eventObserved - expected.get().low();
            if (upliftLow <= extra && extra <= upliftHigh) {
                covered++;
            }
        }
        assertThat(trials).isGreaterThan(SEEDS * 9 / 10);
        BinomialDistribution nominal = new BinomialDistribution(trials, VisitorBaseline.LEVEL);
        assertThat(covered).as("uplift intervals holding the injected visitors, of " + trials)
                .isBetween(nominal.inverseCumulativeProbability(0.0005), nominal.inverseCumulativeProbability(0.9995));
    }

    @Test
    void aHolidayIsExpectedFromSundaysAndEventDaysAndHiddenCellsAreLeftOut() {
        // 2026-11-03 (Tuesday) is 文化の日: it is compared with the Sundays (and holidays) before it
        LocalDate culture = LocalDate.of(2026, 11, 3);
        assertThat(BASELINE.kind(culture)).isEqualTo(7);
        Map<LocalDate, Object> cells = new HashMap<>();
        for (LocalDate d = culture.minusWeeks(7); d.isBefore(culture); d = d.plusDays(1)) {
            cells.put(d, BASELINE.kind(d) == 7 ? 500L : 100L);
        }
        LocalDate festival = LocalDate.of(2026, 11, 1); // a Sunday marked as an event
        cells.put(festival, 5000L);
        cells.put(LocalDate.of(2026, 10, 25), "hidden");
        Set<LocalDate> unusual = new HashSet<>(Set.of(festival));
        var e = BASELINE.expected(culture, culture, cells, unusual).orElseThrow();
        assertThat(e.mean()).isEqualTo(500.0);
        assertThat(e.low()).isEqualTo(500.0);
        // six weeks back, 09-22 to 11-02: the Sundays 09-27, 10-04, 10-11, 10-18 and the holidays 09-22 (国民の休日),
        // 09-23 and 10-12; not 10-25 (hidden) nor 11-01 (the event)
        assertThat(e.days()).isEqualTo(7);
        assertThat(BASELINE.expected(culture, culture.minusWeeks(5), Map.of(), Set.of())).isEmpty();
    }
}
