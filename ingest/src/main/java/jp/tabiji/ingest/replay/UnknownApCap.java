package jp.tabiji.ingest.replay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds what AP names missing from the registry can create downstream (health state and an unknown-AP alert per
 * name): each source keeps its first {@code perSource} unknown names, all sources together {@code total}; events of
 * any further name are counted and carry one name per source, {@code unknown-aps@SOURCE}, so a sender spoofing
 * endless AP names raises one alert, not endless ones. UDP senders can spoof their address too, hence the total.
 */
final class UnknownApCap {
    static final String OVERFLOW_PREFIX = "unknown-aps@";

    private final int perSource;
    private final int total;
    private final Map<String, Set<String>> bySource = new HashMap<>();
    private int names;

    UnknownApCap(int perSource, int total) {
        this.perSource = perSource;
        this.total = total;
    }

    static UnknownApCap defaults() {
        // a registry missing a few hundred real APs still shows each by name
        return new UnknownApCap(256, 4096);
    }

    /** The AP id an unknown AP's event goes on with: its own name while within the caps, else the overflow one. */
    synchronized String admit(String source, String apId) {
        Set<String> known = bySource.get(source);
        if (known != null && known.contains(apId)) {
            return apId;
        }
        if (names < total && (known == null ? bySource.size() < total : known.size() < perSource)) {
            bySource.computeIfAbsent(source, s -> new HashSet<>()).add(apId);
            names++;
            return apId;
        }
        return OVERFLOW_PREFIX + host(source);
    }

    /** The sender's host without scheme or port, so the overflow id is short and stable. */
    private static String host(String source) {
        String s = source.contains("://") ? source.substring(source.indexOf("://") + 3) : source;
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
