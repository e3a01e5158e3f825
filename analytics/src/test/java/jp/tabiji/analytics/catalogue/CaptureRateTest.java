package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the estimated visitors' interval, over many seeds, with data drawn from a model the estimator does not
 * assume: a weekly, overdispersed (gamma-Poisson) number of visitors, a capture rate that changes every day (beta),
 * who uses the Wi-Fi binomial, then the release's bounded noise and suppression under k. The share of intervals
 * that hold the true total must be what a 95 % interval gives, within the binomial bounds of that many seeds.
 */
class CaptureRateTest {
    private static final int SEEDS = 600;
    private static final int K = 10;
    private static final int NOISE = 2;

    /** One simulated site: its reference days and later days to estimate, each {released, true total}. */
    private record Site(List<CaptureRate.Day> reference, List<long[]> targets) {
        long observed() {
            return targets.get(0)[0];
        }

        long truth() {
            return targets.stream().mapToLong(t -> t[1]).sum();
        }
    }

    private static Site site(long seed) {
        return site(seed, 1);
    }

    private static Site site(long seed, int targetDays) {
        RandomGenerator rng = new MersenneTwister(seed);
        double base = 80 + rng.nextDouble() * 3000;
        double meanRate = 0.05 + rng.nextDouble() * 0.55;
        double concentration = 20 + rng.nextDouble() * 180;
        BetaDistribution rate = new BetaDistribution(rng, meanRate * concentration, (1 - meanRate) * concentration);
        GammaDistribution crowd = new GammaDistribution(rng, 5, 1.0 / 5); // mean 1, overdispersion of the day
        int days = 7 + rng.nextInt(22);
        List<CaptureRate.Day> reference = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (int d = 0; reference.size() < days || targets.size() < targetDays; d++) {
            double weekday = d % 7 >= 5 ? 1.6 : 1.0;
            long truth = new PoissonDistribution(rng, base * weekday * crowd.sample(), PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
            long seen = truth == 0 ? 0 : new BinomialDistribution(rng, (int) truth, rate.sample()).sample();
            long released = seen == 0 ? 0 : Math.max(0, seen + rng.nextInt(2 * NOISE + 1) - NOISE);
            if (released < K) {
                continue; // suppressed: neither a reference day nor a day with an estimate
            }
            if (reference.size() < days) {
                reference.add(new CaptureRate.Day(released, truth));
            } else {
                targets.add(new long[] {released, truth});
            }
        }
        return new Site(reference, targets);
    }

    @Test
    void theIntervalHoldsTheTrueTotalAsOftenAsItsLevelSaysOverManySeeds() {
        int covered = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Site s = site(seed);
            CaptureRate.Estimate e = CaptureRate.fit(s.reference()).orElseThrow().estimate(s.observed(), NOISE);
            assertThat(e.low()).isLessThanOrEqualTo(e.estimate());
            assertThat(e.estimate()).isLessThanOrEqualTo(e.high());
            if (e.low() <= s.truth() && s.truth() <= e.high()) {
                covered++;
            }
        }
        BinomialDistribution nominal = new BinomialDistribution(SEEDS, CaptureRate.LEVEL);
        assertThat(covered).as("intervals holding the truth, of " + SEEDS)
                .isBetween(nominal.inverseCumulativeProbability(0.0005), nominal.inverseCumulativeProbability(0.9995));
    }

    @Test
    void aPeriodsIntervalHoldsItsTrueTotalAsOftenAsItsLevelSays() {
        int covered = 0;
        int narrower = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Site s = site(seed + 10_000, 2 + (int) (seed % 29));
            CaptureRate rate = CaptureRate.fit(s.reference()).orElseThrow();
            CaptureRate.Estimate e = rate.estimateTotal(s.targets().stream().map(t -> t[0]).toList(), NOISE);
            if (e.low() <= s.truth() && s.truth() <= e.high()) {
                covered++;
            }
            // a period's relative interval is narrower than a day's: the days' own deviations partly cancel
            CaptureRate.Estimate day = rate.estimate(s.observed(), NOISE);
            narrower += (e.high() - e.low()) / (double) e.estimate() < (day.high() - day.low()) / (double) day.estimate()
                    ? 1 : 0;
        }
        BinomialDistribution nominal = new BinomialDistribution(SEEDS, CaptureRate.LEVEL);
        assertThat(covered).as("period intervals holding the truth, of " + SEEDS)
                .isBetween(nominal.inverseCumulativeProbability(0.0005), nominal.inverseCumulativeProbability(0.9995));
        assertThat(narrower).isGreaterThan(SEEDS * 9 / 10);
    }

    @Test
    void theRateIsTheGeometricMeanOfTheDaysAndFewerThanThreeDaysGiveNone() {
        CaptureRate r = CaptureRate.fit(List.of(new CaptureRate.Day(100, 400), new CaptureRate.Day(50, 200),
                new CaptureRate.Day(20, 80))).orElseThrow();
        assertThat(r.rate()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.rateLow()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.estimate(40, 2)).isEqualTo(new CaptureRate.Estimate(40, 160, 160, 160));
        assertThat(CaptureRate.fit(List.of(new CaptureRate.Day(100, 400), new CaptureRate.Day(50, 200),
                new CaptureRate.Day(0, 80)))).isEmpty();
        // a wide spread: the interval is wide, but never below the released cell less its noise
        CaptureRate wide = CaptureRate.fit(List.of(new CaptureRate.Day(100, 110), new CaptureRate.Day(100, 900),
                new CaptureRate.Day(100, 300))).orElseThrow();
        CaptureRate.Estimate e = wide.estimate(30, 2);
        assertThat(e.low()).isEqualTo(28);
        assertThat(e.high()).isGreaterThan(1000);
        assertThat(wide.rateLow()).isLessThan(wide.rate()).isLessThan(wide.rateHigh());
    }
}
