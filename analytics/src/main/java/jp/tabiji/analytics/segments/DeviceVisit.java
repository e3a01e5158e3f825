package jp.tabiji.analytics.segments;

import java.time.LocalDate;

/** One visit of a device as the `visits` table holds it: where, its span (epoch ms) and its local start day. */
record DeviceVisit(String siteId, long startMs, long endMs, LocalDate day) {
}
