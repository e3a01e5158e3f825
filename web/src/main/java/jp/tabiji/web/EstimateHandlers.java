package jp.tabiji.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tabiji.analytics.catalogue.CaptureRate;
import jp.tabiji.analytics.catalogue.EventCalendar;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.query.ResultTable;

/**
 * HTTP for what is estimated from released cells: a site's estimated totals and capture rate, an event's uplift
 * against the usual days, a site's forecast, and the events marked.
 */
final class EstimateHandlers {
    static final String NOT_CALIBRATED_JA = "この地点には参照データ（入場者数など）がないため、推定は出せません。観測された端末数のみです。";
    static final String NOT_CALIBRATED_EN = "This site has no reference counts (ticket gates, a people counter, a survey), "
            + "so there is no estimate: observed devices only.";
    static final String NOT_CALIBRATED_SEGMENT_JA = "この区分の参照データ（観光客の調査など）がないため、推定は出せません。"
            + "観測された端末数のみです。";
    static final String NOT_CALIBRATED_SEGMENT_EN = "This site has no reference counts of this segment (a survey of "
            + "tourists, say), so there is no estimate: observed devices only.";
    private final MetricCatalogue catalogue;
    private final Optional<EventDesk> editor;

    EstimateHandlers(MetricCatalogue catalogue, Optional<EventDesk> editor) {
        this.catalogue = catalogue;
        this.editor = editor;
    }

    private EventDesk editor() {
        return editor.orElseThrow(() -> new ApiException(404, "this server does not edit events"));
    }

    /** Marks an event: {@code name}, {@code from}, {@code to}, {@code sites} (comma-separated registry site ids). */
    void addEvent(Context ctx, String user) {
        String name = one(ctx, "name");
        List<String> sites = List.of(one(ctx, "sites").split(","));
        for (String s : sites) {
            if (!catalogue.sites().has(s.trim())) {
                throw ApiException.badRequest("sites: unknown site " + s.replaceAll("[^\\p{Alnum}_.-]", "?"));
            }
        }
        EventCalendar.Event e;
        try {
            e = new EventCalendar.Event(name, MetricParams.date(ctx.queryParamMap(), "from"),
                    MetricParams.date(ctx.queryParamMap(), "to"), sites.stream().map(String::trim).toList());
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(ex.getMessage());
        }
        editor().add(user, "api", e);
        ctx.status(201).json(Map.of("name", e.name()));
    }

    void removeEvent(Context ctx, String user) {
        if (!editor().remove(user, "api", one(ctx, "name"))) {
            throw new ApiException(404, "no event of that name");
        }
        ctx.status(204);
    }

    private static String one(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() != 1 || values.get(0).isBlank()) {
            throw ApiException.badRequest(name + " is required once");
        }
        return values.get(0);
    }

    void estimates(Context ctx) {
        MetricRequest r = MetricParams.parse(ctx.queryParamMap(), catalogue.sites(), Set.of(), Set.of());
        if (r.site() == null) {
            throw ApiException.badRequest("site is required: estimates are per site");
        }
        if (r.lang() != null || !r.groupBy().isEmpty()) {
            throw ApiException.badRequest("estimates are of a site's visitors (or one segment of them) per day: "
                    + "no lang or groupBy");
        }
        Map.Entry<ResultTable, Optional<CaptureRate>> a;
        Map<jp.tabiji.analytics.catalogue.Segment, Optional<CaptureRate>> bySegment;
        try {
            a = catalogue.estimates(r.site(), r.segment(), r.from(), r.to());
            bySegment = catalogue.segmentCaptureRates(r.site());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("site", r.site());
        meta.put("segment", r.segment() == null ? null : r.segment().label());
        meta.put("from", r.from().toString());
        meta.put("to", r.to().toString());
        meta.put("calibrated", a.getValue().isPresent());
        meta.put("level", CaptureRate.LEVEL);
        a.getValue().ifPresentOrElse(rate -> meta.putAll(rate(rate)), () -> meta.put("note", r.segment() == null
                ? List.of(NOT_CALIBRATED_JA, NOT_CALIBRATED_EN) : List.of(NOT_CALIBRATED_SEGMENT_JA,
                NOT_CALIBRATED_SEGMENT_EN)));
        // the rates of the segments the site has counts of, whichever segment is asked for
        meta.put("segment_rates", bySegment.entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", e.getKey().label());
            m.put("calibrated", e.getValue().isPresent());
            e.getValue().ifPresent(rate -> m.putAll(rate(rate)));
            return m;
        }).toList());
        ctx.json(TableJson.body(a.getKey(), meta, catalogue.release().maxNoise()));
    }

    private static Map<String, Object> rate(CaptureRate rate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("capture_rate", round(rate.rate()));
        m.put("capture_rate_low", round(rate.rateLow()));
        m.put("capture_rate_high", round(rate.rateHigh()));
        m.put("reference_days", rate.days());
        return m;
    }

    void events(Context ctx) {
        List<Map<String, Object>> out = catalogue.events().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("from", e.from().toString());
            m.put("to", e.to().toString());
            m.put("sites", e.sites());
            return m;
        }).toList();
        ctx.json(Map.of("events", out));
    }

    void impact(Context ctx) {
        eventTable(ctx, catalogue::eventImpact);
    }

    void destinations(Context ctx) {
        eventTable(ctx, catalogue::eventDestinations);
    }

    private void eventTable(Context ctx, java.util.function.Function<String, Optional<ResultTable>> answer) {
        List<String> names = ctx.queryParams("name");
        if (names.size() != 1) {
            throw ApiException.badRequest("name is required once: the event's name (from /api/v1/events)");
        }
        ResultTable t = answer.apply(names.get(0)).orElseThrow(() -> new ApiException(404, "no event of that name"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", names.get(0).strip());
        meta.put("level", jp.tabiji.analytics.catalogue.VisitorBaseline.LEVEL);
        meta.put("baseline", Map.of("ja", BASELINE_JA, "en", BASELINE_EN));
        ctx.json(TableJson.body(t, meta, catalogue.release().maxNoise()));
    }

    void forecast(Context ctx) {
        String site = one(ctx, "site");
        java.time.LocalDate start = MetricParams.date(ctx.queryParamMap(), "from");
        ResultTable t;
        try {
            t = catalogue.forecast(site, start);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("site", site);
        meta.put("from", start.toString());
        meta.put("level", jp.tabiji.analytics.catalogue.VisitorBaseline.LEVEL);
        meta.put("baseline", Map.of("ja", BASELINE_JA, "en", BASELINE_EN));
        ctx.json(TableJson.body(t, meta, catalogue.release().maxNoise()));
    }

    static final String BASELINE_JA = "期待値は直前6週間の同じ曜日（祝日は日曜日として）の公表値の平均で、他のイベント日を除きます。区間は95%予測区間です。";
    static final String BASELINE_EN = "Expected: the mean of the published values of the same weekday (holidays as "
            + "Sundays) in the six weeks before, other events left out; intervals are 95 % prediction intervals.";

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
