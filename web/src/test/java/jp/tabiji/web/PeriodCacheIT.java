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
        assertThat(summaries.refresh()).as("the day, its week and its month").isEqualTo(3);
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
