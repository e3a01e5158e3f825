package jp.tabiji.web.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A language's share of a site's visitors in percent, made of two released cells (the language's visitors and all
 * visitors) and the bounds the release's noise leaves: each exact count is within {@code maxNoise} of its released
 * value, so the exact share is within {@code [(l−m)/(v+m), (l+m)/(v−m)]}, clipped to 0–100. Blank where either cell
 * is hidden.
 */
record ShareBounds(BigDecimal share, BigDecimal low, BigDecimal high) {
    static final ShareBounds NONE = new ShareBounds(null, null, null);

    static ShareBounds of(Object language, Object all, int maxNoise) {
        if (!(language instanceof Long l) || !(all instanceof Long v) || v == 0) {
            return NONE;
        }
        double share = 100.0 * l / v;
        double low = Math.max(0, 100.0 * (l - maxNoise) / (v + maxNoise));
        double high = v - maxNoise <= 0 ? 100 : Math.min(100, 100.0 * (l + maxNoise) / (v - maxNoise));
        return new ShareBounds(percent(Math.min(100, share), RoundingMode.HALF_UP), percent(low, RoundingMode.FLOOR),
                percent(high, RoundingMode.CEILING));
    }

    private static BigDecimal percent(double p, RoundingMode mode) {
        return BigDecimal.valueOf(p).setScale(1, mode);
    }

    List<String> cells() {
        return share == null ? List.of("", "", "") : List.of(share.toPlainString(), low.toPlainString(),
                high.toPlainString());
    }
}
