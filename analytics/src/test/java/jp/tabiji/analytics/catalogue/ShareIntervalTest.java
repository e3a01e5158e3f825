package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ShareIntervalTest {
    @Test
    void newcombesOwnExampleGivesHisInterval() {
        // Newcombe (1998), Statistics in Medicine 17:873, table II example (a): 56/70 − 48/80, method 10
        double[] d = ShareInterval.difference(ShareInterval.of(56, 70), ShareInterval.of(48, 80));
        assertThat(d[0]).isCloseTo(0.0524, within(0.0005));
        assertThat(d[1]).isCloseTo(0.3339, within(0.0005));
        // all trips to one place: Wilson's interval is not the empty [1, 1] of the plain one
        ShareInterval.Share all = ShareInterval.of(24, 24);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(24 / (24 + 1.959964 * 1.959964), within(1e-4));
        assertThat(ShareInterval.of(0, 0)).isNull();
    }

    @Test
    void theChangeIntervalHoldsTheTrueChangeAsOftenAsItsLevelSays() {
        // trips drawn per day from a Poisson whose mean varies (not the binomial Wilson assumes), shares that change
        int covered = 0;
        int trials = 400;
        for (long seed = 1; seed <= trials; seed++) {
            RandomGenerator rng = new MersenneTwister(seed);
            double usualP = 0.05 + 0.6 * rng.nextDouble();
            double eventP = Math.min(0.95, usualP + 0.3 * (rng.nextDouble() - 0.3));
            double perDay = 5 + 60 * rng.nextDouble();
            long[] usual = trips(rng, usualP, perDay, 6);
            long[] event = trips(rng, eventP, perDay * 1.5, 2);
            double[] d = ShareInterval.difference(ShareInterval.of(event[0], event[1]),
                    ShareInterval.of(usual[0], usual[1]));
            if (d[0] <= eventP - usualP && eventP - usualP <= d[1]) {
                covered++;
            }
        }
        BinomialDistribution nominal = new BinomialDistribution(trials, ShareInterval.LEVEL);
        assertThat(covered).as("change intervals holding the true change, of " + trials)
                .isBetween(nominal.inverseCumulativeProbability(0.0005), nominal.inverseCumulativeProbability(0.9995));
    }

    /** {trips to the destination, all trips} over {@code days} days. */
    private static long[] trips(RandomGenerator rng, double p, double perDay, int days) {
        long to = 0;
        long all = 0;
        for (int d = 0; d < days; d++) {
            double mean = perDay * (0.6 + 0.8 * rng.nextDouble());
            int n = new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
            for (int i = 0; i < n; i++) {
                to += rng.nextDouble() < p ? 1 : 0;
            }
            all += n;
        }
        return new long[] {to, Math.max(all, 1)};
    }
}
