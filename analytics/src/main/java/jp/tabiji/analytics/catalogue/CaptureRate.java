package jp.tabiji.analytics.catalogue;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The share of a site's visitors the Wi-Fi sees, from days with a reference count (ticket gates, a people counter,
 * a survey) and a <em>released</em> visitor cell, never an exact one: so an estimate, its interval and the rate
 * together give back nothing the release does not already publish.
 *
 * <p>Each reference day gives the ratio reference ÷ observed. Their logarithms are treated as exchangeable draws
 * (the day's own capture rate, the binomial luck of who uses the Wi-Fi, the release's noise), so a new day's total
 * is its observed devices times that ratio, with Student's t prediction interval on the log scale:
 * {@code log(total/observed) ∈ m ± t(n−1) · s · √(1 + 1/n)}; the rate itself is {@code exp(−m)}, its interval
 * {@code exp(−(m ± t · s/√n))}. Nothing else is assumed: the coverage tests draw the data from a model the estimator
 * does not share (beta-binomial capture, overdispersed weekly visitors, the release's noise and suppression).
 *
 * @param days    the reference days used
 * @param logMean mean of log(reference / observed)
 * @param logSd   their sample standard deviation
 * @param t       Student's t quantile of {@link #LEVEL} for {@code days − 1} degrees of freedom, found once per fit
 */
public record CaptureRate(int days, double logMean, double logSd, double t) {
    public static final double LEVEL = 0.95;
    /** Fewer reference days than this give no rate: an interval from two ratios says nothing. */
    public static final int MIN_DAYS = 3;

    /** One reference day: the released visitor cell and the reference count. */
    public record Day(long observed, long reference) {
    }

    /** A day's estimated total, with its prediction interval. */
    public record Estimate(long observed, long estimate, long low, long high) {
    }

    /** The rate from the days where both numbers are positive, or empty with fewer than {@link #MIN_DAYS}. */
    public static Optional<CaptureRate> fit(List<Day> days) {
        double[] logs = days.stream().filter(d -> d.observed() > 0 && d.reference() > 0)
                .mapToDouble(d -> Math.log((double) d.reference() / d.observed())).toArray();
        if (logs.length < MIN_DAYS) {
            return Optional.empty();
        }
        double mean = 0;
        for (double l : logs) {
            mean += l / logs.length;
        }
        double ss = 0;
        for (double l : logs) {
            ss += (l - mean) * (l - mean);
        }
        return Optional.of(new CaptureRate(logs.length, mean, Math.sqrt(ss / (logs.length - 1)),
                new TDistribution(logs.length - 1).inverseCumulativeProbability(0.5 + LEVEL / 2)));
    }

    public double rate() {
        return Math.exp(-logMean);
    }

    public double rateLow() {
        return Math.exp(-(logMean + t * logSd / Math.sqrt(days)));
    }

    public double rateHigh() {
        return Math.exp(-(logMean - t * logSd / Math.sqrt(days)));
    }

    /**
     * A day's total from its released visitor cell (its prediction interval); never below what the cell itself
     * allows (the exact devices are at least the released value less the release's noise bound).
     */
    public Estimate estimate(long observed, int maxNoise) {
        return estimate(observed, Math.max(0, observed - maxNoise), 1);
    }

    /**
     * The total of several days from their released cells: their sum times exp(m), on the log scale within
     * {@code t · s · √(Σw² + 1/n)}, w each day's share of the observed devices, since the days' own ratios vary
     * independently around the rate while the rate's own error is shared by all (one day: the formula above). Never
     * below the cells' sum less each one's noise bound.
     */
    public Estimate estimateTotal(List<Long> observedDays, int maxNoise) {
        long sum = observedDays.stream().mapToLong(Long::longValue).sum();
        long floor = observedDays.stream().mapToLong(o -> Math.max(0, o - maxNoise)).sum();
        double squares = 0;
        for (long o : observedDays) {
            squares += sum == 0 ? 0 : ((double) o / sum) * ((double) o / sum);
        }
        return estimate(sum, floor, squares);
    }

    private Estimate estimate(long observed, long floor, double weightSquares) {
        double half = t * logSd * Math.sqrt(weightSquares + 1.0 / days);
        long low = Math.max(floor, (long) Math.floor(observed * Math.exp(logMean - half)));
        long high = Math.max(low, (long) Math.ceil(observed * Math.exp(logMean + half)));
        return new Estimate(observed, Math.max(low, Math.round(observed * Math.exp(logMean))), low, high);
    }
}
