package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.PeriodCache;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.release.Release;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers from the catalogue's period cache equal the live counts, are used only while current, and come back after a
 * refresh. 2026-11-02 is a Monday, so the fixture's days make a whole day, week and month.
 */
class PeriodCacheIT {
    @TempDir
    static Path dir;
    private static DashboardFixture fixture;
    private static ClickHouseHttp admin;
    private static PeriodCache summaries;
    private static MetricCatalogue live;
    private static MetricCatalogue summarized;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir);
        admin = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api");
        ClickHouseHttp reader = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api", ClickHouseHttp.READER);
        Sites sites = new Sites(fixture.registry);
        summaries = new PeriodCache(reader, admin, sites);
        // the cell-key release: cached cells must carry the same contributor hashes as live ones, or the noise differs
        Release release = Release.cellKey("period-cache-it-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);
        live = new MetricCatalogue(reader, sites, release, null);
        // days 3 to 6: devices that come back on later days, so a free range's distinct travellers and devices differ
        // from the sum of its days
        admin.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) VALUES ('r1', 'dev-001', 'castle', 'port', '2026-11-04', 0, 1, 1, 'en'), "
                + "('r2', 'dev-001', 'castle', 'port', '2026-11-06', 0, 1, 1, 'en'), ('r3', 'dev-002', 'castle', 'port', "
                + "'2026-11-05', 0, 1, 1, 'en'), ('r4', 'dev-007', 'castle', 'port', '2026-11-05', 0, 1, 1, 'ko'), "
                + "('r5', 'dev-001', 'port', 'castle', '2026-11-05', 0, 1, 1, 'en'), ('r6', 'dev-002', 'castle', "
                + "'port', '2026-11-03', 0, 1, 1, 'en')");
        admin.execute("INSERT INTO visits (visit_id, device_id, site_id, day, start_ms, end_ms, dwell_s, events, lang, "
                + "random_mac) VALUES ('w1', 'dev-001', 'castle', '2026-11-04', 0, 0, 700, 2, 'en', 0), ('w2', "
                + "'dev-002', 'castle', '2026-11-05', 0, 0, 1000, 2, 'en', 0), ('w3', 'dev-001', 'castle', "
                + "'2026-11-06', 0, 0, 2000, 2, 'en', 0), ('w4', 'dev-008', 'port', '2026-11-06', 0, 0, 5000, 2, "
                + "'en', 0), ('w5', 'dev-001', 'castle', '2026-11-03', 0, 0, 800, 2, 'en', 0)");
        summarized = new MetricCatalogue(reader, sites, release, summaries);
        Thread.sleep(2_100); // rows written within the last second wait for the next refresh
        assertThat(summaries.refresh()).as("periods computed").isPositive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static final List<String> QUERIES = List.of(
            "from=2026-11-02&to=2026-11-03&groupBy=day", "from=2026-11-02&to=2026-11-03&groupBy=site,day",
            "from=2026-11-02&to=2026-11-03&groupBy=day,lang", "from=2026-11-02&to=2026-11-02&groupBy=hour",
            "from=2026-11-02&to=2026-11-02&groupBy=site,hour,lang", "from=2026-11-02&to=2026-11-08&groupBy=week",
            "from=2026-11-02&to=2026-11-08&groupBy=area,week,lang", "from=2026-11-01&to=2026-11-30&groupBy=month",
            "from=2026-11-01&to=2026-11-30&groupBy=site", "from=2026-11-01&to=2026-11-30&groupBy=lang",
            "from=2026-11-02&to=2026-11-08&groupBy=site&area=sendai", "from=2026-11-02&to=2026-11-02&lang=en",
            "from=2026-11-02&to=2026-11-03&groupBy=day&site=castle", "from=2026-10-26&to=2026-11-08&groupBy=week");

    private static MetricRequest request(Metric m, String q) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (String kv : q.split("&")) {
            String[] p = kv.split("=");
            params.put(p[0], List.of(p[1]));
        }
        return MetricParams.parse(params, live.sites(), m.offered(), m.defaultGrouping());
    }

    @Test
    void everyAnswerFromTheCacheEqualsTheLiveCount() {
        for (String q : QUERIES) {
            MetricRequest r = request(Metric.VISITORS, q);
            assertThat(summaries.answers(r)).as("answered from the cache: " + q).isTrue();
            assertThat(summarized.run(Metric.VISITORS, r)).as(q).isEqualTo(live.run(Metric.VISITORS, r));
        }
    }

    @Test
    void flowsDwellAndRepeatOverWholePeriodsComeFromTheStoredRowsAndEqualTheLiveOnes() {
        for (String range : List.of("from=2026-11-02&to=2026-11-02", "from=2026-11-02&to=2026-11-08",
                "from=2026-11-01&to=2026-11-30")) {
            MetricRequest r = request(Metric.VISITORS, range);
            for (String query : summaries.storedQueryNames()) {
                assertThat(summaries.holds(query, r.from(), r.to())).as(query + " " + range).isTrue();
            }
            for (Metric m : List.of(Metric.FLOWS, Metric.DWELL, Metric.REPEAT)) {
                for (String by : List.of("", m == Metric.FLOWS ? "&groupBy=lang" : m == Metric.DWELL
                        ? "&groupBy=site,bucket" : "&groupBy=area")) {
                    MetricRequest q = request(m, range + by);
                    assertThat(summarized.run(m, q)).as(m + " " + range + by).isEqualTo(live.run(m, q));
                }
            }
            assertThat(summarized.keyFigures(r)).as("key figures " + range).isEqualTo(live.keyFigures(r));
        }
        assertThat(live.run(Metric.FLOWS, request(Metric.FLOWS, "from=2026-11-02&to=2026-11-08")).rows())
                .as("the fixture's trips are there to compare").isNotEmpty();
        MetricRequest cut = request(Metric.FLOWS, "from=2026-11-02&to=2026-11-04");
        assertThat(summaries.holds("flows", cut.from(), cut.to())).isFalse();
    }

    private static final List<String> FREE_RANGES = List.of("from=2026-11-03&to=2026-11-05",
            "from=2026-11-04&to=2026-11-06", "from=2026-11-02&to=2026-11-04", "from=2026-11-05&to=2026-11-06",
            "from=2026-11-01&to=2026-11-17", "from=2026-11-07&to=2026-11-09");

    @Test
    void freeRangesOfFlowsAndDwellBucketsComeFromTheCacheAndEqualTheLiveOnes() {
        for (String range : FREE_RANGES) {
            MetricRequest r = request(Metric.FLOWS, range);
            for (String query : PeriodCache.freeRangeQueryNames()) {
                assertThat(summaries.devicesOver(query, r.from(), r.to())).as(query + " " + range).isPresent();
            }
            for (String q : List.of("", "&groupBy=lang", "&lang=en", "&site=port")) {
                MetricRequest flows = request(Metric.FLOWS, range + q);
                assertThat(summarized.run(Metric.FLOWS, flows)).as("flows " + range + q).isEqualTo(live.run(Metric.FLOWS, flows));
            }
            for (String q : List.of("&groupBy=bucket", "&groupBy=site,bucket", "&groupBy=area,bucket", "")) {
                MetricRequest dwell = request(Metric.DWELL, range + q);
                assertThat(summarized.run(Metric.DWELL, dwell)).as("dwell " + range + q).isEqualTo(live.run(Metric.DWELL, dwell));
            }
        }
    }

    /**
     * The distinct devices themselves, against a count written here (with k = 1 a wrong count of several devices
     * would still show the same cells).
     */
    @Test
    void aFreeRangesDistinctDevicesAndDwellPercentilesAreExact() {
        String hashes = "toString(uniqExact(device_id)), toString(arraySum(arrayMap(x -> sipHash64(x), "
                + "groupUniqArray(device_id))))";
        for (String range : FREE_RANGES) {
            MetricRequest r = request(Metric.FLOWS, range);
            String days = "day BETWEEN toDate('" + r.from() + "') AND toDate('" + r.to() + "')";
            assertThat(rows(summaries.devicesOver("flows-lang", r.from(), r.to()).orElseThrow())).as(range).isEqualTo(
                    rows(admin.select("SELECT origin_site_id, destination_site_id, lang, " + hashes + " FROM moves FINAL "
                            + "WHERE " + days + " GROUP BY origin_site_id, destination_site_id, lang ORDER BY "
                            + "origin_site_id, destination_site_id, lang")));
            assertThat(rows(summaries.devicesOver("dwell-buckets:SITE", r.from(), r.to()).orElseThrow())).as(range)
                    .isEqualTo(rows(admin.select("SELECT site_id, " + BUCKET + " AS bucket, " + hashes + " FROM visits FINAL WHERE " + days
                            + " GROUP BY site_id, bucket ORDER BY site_id, bucket")));
        }
        for (String range : FREE_RANGES) {
            MetricRequest r = request(Metric.FLOWS, range);
            assertThat(rows(summaries.dwellOverSites(r.from(), r.to()).orElseThrow())).as(range).isEqualTo(rows(
                    admin.select("SELECT site_id, toString(n), toString(d[intDiv(n + 1, 2)]), toString(d[intDiv(9 * n + 9, "
                            + "10)]) FROM (SELECT site_id, count() AS n, arraySort(groupArray(dwell_s)) AS d FROM visits "
                            + "FINAL WHERE day BETWEEN toDate('" + r.from() + "') AND toDate('" + r.to() + "') GROUP BY "
                            + "site_id) ORDER BY site_id")));
        }
        MetricRequest three = request(Metric.FLOWS, "from=2026-11-03&to=2026-11-06");
        assertThat(rows(summaries.devicesOver("flows", three.from(), three.to()).orElseThrow()))
                .as("castle → port: devices 1, 2 and 7 over four days of five trips").contains("castle|port|3|"
                        + admin.select("SELECT toString(arraySum(arrayMap(x -> sipHash64(x), ['dev-001', 'dev-002', "
                        + "'dev-007'])))").get(0)[0]);
    }

    @Test
    void aRowOnAnEarlierDayMakesALaterFreeRangeStaleUntilTheNextRefresh() throws Exception {
        MetricRequest r = request(Metric.FLOWS, "from=2026-11-05&to=2026-11-06");
        assertThat(summaries.devicesOver("flows", r.from(), r.to())).isPresent();
        admin.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) VALUES ('r-late', 'dev-007', 'castle', 'port', '2026-11-04', 0, 1, 1, 'ko')");
        assertThat(summaries.devicesOver("flows", r.from(), r.to())).as("its days' reach depends on the 4th").isEmpty();
        assertThat(summarized.run(Metric.FLOWS, r)).isEqualTo(live.run(Metric.FLOWS, r));
        Thread.sleep(2_100);
        summaries.refresh();
        assertThat(summaries.devicesOver("flows", r.from(), r.to())).isPresent();
        assertThat(summarized.run(Metric.FLOWS, r)).isEqualTo(live.run(Metric.FLOWS, r));
    }

    /** DESIGN.md's dwell buckets, written out here rather than taken from the code under test. */
    private static final String BUCKET = "multiIf(dwell_s < 900, '0-15', dwell_s < 1800, '15-30', dwell_s < 3600, "
            + "'30-60', dwell_s < 7200, '60-120', '120+')";

    private static List<String> rows(List<String[]> rows) {
        return rows.stream().map(c -> String.join("|", c)).toList();
    }

    @Test
    void rangesThatCutAWeekOrAMonthAreCountedLive() {
        for (String q : List.of("from=2026-11-02&to=2026-11-05&groupBy=day", "from=2026-11-03&to=2026-11-03&groupBy=site")) {
            MetricRequest r = request(Metric.VISITORS, q);
            assertThat(summarized.run(Metric.VISITORS, r)).as(q).isEqualTo(live.run(Metric.VISITORS, r));
        }
        assertThat(summaries.answers(request(Metric.VISITORS, "from=2026-11-03&to=2026-11-09&groupBy=week"))).isFalse();
    }

    @Test
    void aNewRowMakesItsPeriodsStaleUntilTheNextRefresh() throws Exception {
        MetricRequest day = request(Metric.VISITORS, "from=2026-11-03&to=2026-11-03&groupBy=site");
        assertThat(summaries.answers(day)).isTrue();
        admin.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang) VALUES "
                + "('castle', '2026-11-03', 'dev-009', 9, 'ko')");
        assertThat(summaries.answers(day)).as("stale: counted live").isFalse();
        Object counted = summarized.run(Metric.VISITORS, day).rows().get(0).get(1);
        Thread.sleep(2_100);
        assertThat(summaries.refresh()).as("the day, its week and its month; the reach of it and of the 4th to 6th")
                .isEqualTo(3 + 4);
        assertThat(summaries.answers(day)).isTrue();
        assertThat(summarized.run(Metric.VISITORS, day)).isEqualTo(live.run(Metric.VISITORS, day));
        assertThat(summarized.run(Metric.VISITORS, day).rows().get(0).get(1)).as("same cell, same value").isEqualTo(counted);
    }

    @Test
    void aFlowsTableKeptFromOneComputationGivesWayToTheNextOne() throws Exception {
        MetricRequest month = request(Metric.FLOWS, "from=2026-11-01&to=2026-11-30&groupBy=lang");
        var first = summarized.run(Metric.FLOWS, month);
        assertThat(summarized.run(Metric.FLOWS, month).rows()).as("asked again: the kept rows").isSameAs(first.rows());
        assertThat(first).isEqualTo(live.run(Metric.FLOWS, month));
        admin.execute("INSERT INTO moves (move_id, device_id, origin_site_id, destination_site_id, day, departure_ms, "
                + "arrival_ms, travel_s, lang) VALUES ('m-new', 'dev-008', 'port', 'castle', '2026-11-05', 0, 1800000, "
                + "1800, 'th')");
        var stale = summarized.run(Metric.FLOWS, month);
        assertThat(stale).as("counted live while stale").isNotEqualTo(first).isEqualTo(live.run(Metric.FLOWS, month));
        Thread.sleep(2_100);
        summaries.refresh();
        var next = summarized.run(Metric.FLOWS, month);
        assertThat(next).isEqualTo(stale);
        assertThat(next.rows()).isNotSameAs(first.rows());
        assertThat(summarized.run(Metric.FLOWS, month).rows()).isSameAs(next.rows());
    }
}
