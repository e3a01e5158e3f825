package jp.tabiji.analytics.hotspots;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.query.ResultTable;

/**
 * {@code tabiji query hotspots}: the board as rows {@code ap_id,site_id,status,last_seen,clients_now,open_alerts},
 * sorted by AP id; last_seen in the region's local time with its offset, empty when never seen. No cell counts
 * devices of visitors, so nothing here is suppressed.
 */
public final class HotspotTable {
    public static final List<String> COLUMNS = List.of("ap_id", "site_id", "status", "last_seen", "clients_now",
            "open_alerts");

    private HotspotTable() {
    }

    public static ResultTable of(HotspotBoard.Board board, ZoneId zone) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        List<List<Object>> rows = new ArrayList<>();
        for (Hotspot h : board.hotspots()) {
            List<Object> row = new ArrayList<>();
            row.add(h.apId());
            row.add(h.siteId() == null ? "" : h.siteId());
            row.add(h.status());
            row.add(h.lastSeenMs() == null ? "" : iso.format(Instant.ofEpochMilli(h.lastSeenMs()).atZone(zone)));
            row.add((long) h.clientsNow());
            row.add((long) h.openAlerts());
            rows.add(row);
        }
        return new ResultTable(COLUMNS, rows, List.of(), 1);
    }
}
