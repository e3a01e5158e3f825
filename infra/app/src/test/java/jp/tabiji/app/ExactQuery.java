package jp.tabiji.app;

import java.time.LocalDate;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.ingest.registry.ApRegistry;

/** What `tabiji query METRIC --by BY` prints, with k = 1 (nothing suppressed): the end-to-end tests' view of a run. */
final class ExactQuery {
    private ExactQuery() {
    }

    static ResultTable run(ClickHouseHttp ch, String metric, String by, LocalDate from, LocalDate to) {
        return run(ch, metric, by, null, from, to);
    }

    /** With {@code --segment} (null: every device); {@code by} may end in {@code ,segment}. */
    static ResultTable run(ClickHouseHttp ch, String metric, String by, String segment, LocalDate from, LocalDate to) {
        CliQuery q = CliQuery.parse(metric, by, segment, from, to);
        return new MetricCatalogue(ch, new Sites(ApRegistry.empty()), Release.exact(1), null).run(q.metric(),
                q.request());
    }
}
