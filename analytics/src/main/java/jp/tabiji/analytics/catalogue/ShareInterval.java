package jp.tabiji.analytics.catalogue;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * 95 % intervals for a share of trips and for the change between two shares: Wilson's score interval for each
 * share, and Newcombe's hybrid score interval (his method 10) for their difference. Both treat the published trips
 * as independent draws; the release's ±D noise on each count is small beside the sampling spread and is not added.
 */
final class ShareInterval {
    static final double LEVEL = 0.95;

    /** A share and its interval, as fractions of 1. */
    record Share(double share, double low, double high) {
    }

    private ShareInterval() {
    }

    /** {@code part} of {@code whole}; null when there is no whole. */
    static Share of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) whole, (int) Math.min(part, whole),
                LEVEL);
        return new Share(part / (double) whole, ci.getLowerBound(), ci.getUpperBound());
    }

    /** The interval of {@code a.share − b.share}, as fractions of 1. */
    static double[] difference(Share a, Share b) {
        double d = a.share() - b.share();
        double below = Math.sqrt(sq(a.share() - a.low()) + sq(b.high() - b.share()));
        double above = Math.sqrt(sq(a.high() - a.share()) + sq(b.share() - b.low()));
        return new double[] {d - below, d + above};
    }

    private static double sq(double x) {
        return x * x;
    }
}
