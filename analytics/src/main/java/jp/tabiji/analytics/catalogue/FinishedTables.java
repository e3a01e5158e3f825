package jp.tabiji.analytics.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.tabiji.analytics.query.ResultTable;

/**
 * The most recently finished tables of requests answered from one stored computation. A table is a function of the
 * request and the computation's rows only (sites and release are fixed for the catalogue), so a kept one is the very
 * answer the request would be given again; a newer computation is another key. A month of flows by language
 * (11,000 routes) spent most of its time releasing and sorting the same cells on every request.
 */
final class FinishedTables {
    private static final int KEPT = 64;

    private record Key(String computation, MetricRequest request) {
    }

    private final Map<Key, ResultTable> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ResultTable> eldest) {
            return size() > KEPT;
        }
    });

    /**
     * The table of {@code request} over one computation's rows: kept if finished before, else finished now and kept.
     *
     * @param computation what alone decides the rows, or null for rows counted live (never kept)
     */
    ResultTable of(String computation, MetricRequest request, Supplier<ResultTable> finish) {
        if (computation == null) {
            return finish.get();
        }
        Key key = new Key(computation, request);
        ResultTable t = kept.get(key);
        if (t == null) {
            ResultTable done = finish.get();
            t = done.withRows(done.rows().stream().map(Collections::unmodifiableList).toList());
            kept.put(key, t);
        }
        return t;
    }
}
