package jp.tabiji.analytics.catalogue;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows read once and kept under a key that alone decides them (a computation's rows never change): the most recently
 * used ones, up to a number of rows in all, least recently used first out.
 */
final class KeptRows {
    private final long maxRows;
    private final LinkedHashMap<String, List<String[]>> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long rows;

    KeptRows(long maxRows) {
        this.maxRows = maxRows;
    }

    /** The rows kept under the key, else read now (outside the lock: readers run in parallel) and kept. */
    List<String[]> of(String key, Supplier<List<String[]>> read) {
        List<String[]> kept = get(key);
        if (kept != null) {
            return kept;
        }
        List<String[]> fresh = Collections.unmodifiableList(read.get());
        put(key, fresh);
        return fresh;
    }

    private synchronized List<String[]> get(String key) {
        return recent.get(key);
    }

    private synchronized void put(String key, List<String[]> value) {
        List<String[]> old = recent.put(key, value);
        rows += value.size() - (old == null ? 0 : old.size());
        Iterator<Map.Entry<String, List<String[]>>> eldest = recent.entrySet().iterator();
        while (rows > maxRows && recent.size() > 1) {
            rows -= eldest.next().getValue().size();
            eldest.remove();
        }
    }
}
