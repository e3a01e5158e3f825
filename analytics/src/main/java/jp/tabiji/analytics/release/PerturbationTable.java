package jp.tabiji.analytics.release;

/**
 * The published perturbation table of the cell-key method (DESIGN.md, "Disclosure control"): for a cell whose
 * exact count is {@code v}, the noise added is drawn from the row for {@code v} by the cell's key, a number uniform in
 * [0, 1). Every row has mean 0 and noise within ±{@link #MAX_NOISE}; no row takes a count below 0. For v ≥ 2 the noise
 * is uniform on −2..2 (variance 2, a cell is published exactly one time in five); for v = 1 it is −1, 0, +1, +2 with
 * probabilities 0.45, 0.20, 0.25, 0.10 (variance 1.1).
 */
public final class PerturbationTable {
    /** D: no published cell is further than this from its exact count. */
    public static final int MAX_NOISE = 2;
    private static final int[] NOISE_ONE = {-1, 0, 1, 2};
    private static final double[] CDF_ONE = {0.45, 0.65, 0.90, 1.0};
    private static final int[] NOISE = {-2, -1, 0, 1, 2};
    private static final double[] CDF = {0.2, 0.4, 0.6, 0.8, 1.0};

    /** The noise for a count {@code v ≥ 1} at cell key {@code u} in [0, 1). */
    public int noise(long v, double u) {
        if (v < 1) {
            throw new IllegalArgumentException("only counts of at least 1 are perturbed, not " + v);
        }
        return v == 1 ? pick(NOISE_ONE, CDF_ONE, u) : pick(NOISE, CDF, u);
    }

    private static int pick(int[] noise, double[] cdf, double u) {
        for (int i = 0; i < cdf.length; i++) {
            if (u < cdf[i]) {
                return noise[i];
            }
        }
        return noise[noise.length - 1];
    }

    /** The variance of the row for {@code v}: what an attacker's single estimate of that cell is off by, squared. */
    public double variance(long v) {
        int[] noise = v == 1 ? NOISE_ONE : NOISE;
        double[] cdf = v == 1 ? CDF_ONE : CDF;
        double var = 0;
        double prev = 0;
        for (int i = 0; i < noise.length; i++) {
            var += (cdf[i] - prev) * noise[i] * noise[i];
            prev = cdf[i];
        }
        return var;
    }
}
