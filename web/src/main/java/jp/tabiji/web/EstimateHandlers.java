package jp.tabiji.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tabiji.analytics.catalogue.CaptureRate;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.query.ResultTable;

/** HTTP for visitor estimates: a site's days with observed devices and estimated totals, and its capture rate. */
final class EstimateHandlers {
    static final String NOT_CALIBRATED_JA = "この地点には参照データ（入場者数など）がないため、推定は出せません。観測された端末数のみです。";
    static final String NOT_CALIBRATED_EN = "This site has no reference counts (ticket gates, a people counter, a survey), "
            + "so there is no estimate: observed devices only.";
    private final MetricCatalogue catalogue;

    EstimateHandlers(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void estimates(Context ctx) {
        MetricRequest r = MetricParams.parse(ctx.queryParamMap(), catalogue.sites(), Set.of(), Set.of());
        if (r.site() == null) {
            throw ApiException.badRequest("site is required: estimates are per site");
        }
        if (r.segment() != null || r.lang() != null || !r.groupBy().isEmpty()) {
            throw ApiException.badRequest("estimates are of all of a site's visitors per day: no segment, lang or groupBy");
        }
        Map.Entry<ResultTable, Optional<CaptureRate>> a;
        try {
            a = catalogue.estimates(r.site(), r.from(), r.to());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("site", r.site());
        meta.put("from", r.from().toString());
        meta.put("to", r.to().toString());
        meta.put("calibrated", a.getValue().isPresent());
        meta.put("level", CaptureRate.LEVEL);
        a.getValue().ifPresentOrElse(rate -> {
            meta.put("capture_rate", round(rate.rate()));
            meta.put("capture_rate_low", round(rate.rateLow()));
            meta.put("capture_rate_high", round(rate.rateHigh()));
            meta.put("reference_days", rate.days());
        }, () -> meta.put("note", List.of(NOT_CALIBRATED_JA, NOT_CALIBRATED_EN)));
        ctx.json(TableJson.body(a.getKey(), meta, catalogue.release().maxNoise()));
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
