package jp.tabiji.streaming.clickhouse;

import java.util.List;
import jp.tabiji.streaming.health.ApMinute;
import jp.tabiji.streaming.health.HotspotAlert;

/** Row encoders for the hotspot-health tables of migration V006. */
public final class HealthRows {
    private HealthRows() {
    }

    public static RowEncoder<ApMinute> apMinutes() {
        return RowEncoder.of("ap_minute", List.of("ap_id", "site_id", "minute", "last_event", "events", "clients_now",
                "new_connections", "login_attempts", "login_failures", "bytes_in", "bytes_out"),
                (ApMinute m, RowBinary row) -> row.string(m.apId).string(m.siteId).dateTime(m.minuteMs)
                        .dateTime(m.lastEventMs).uint32(m.events).uint32(m.clientsNow).uint32(m.newConnections)
                        .uint32(m.loginAttempts).uint32(m.loginFailures).uint64(m.bytesIn).uint64(m.bytesOut));
    }

    public static RowEncoder<HotspotAlert> alerts() {
        return RowEncoder.of("alerts", List.of("alert_id", "state", "kind", "ap_id", "site_id", "ts", "opened_at",
                "value", "threshold", "detail", "peak_value", "peak_at", "peak_attempts", "peak_failures", "revision",
                "basis"),
                (HotspotAlert a, RowBinary row) -> row.string(a.alertId).string(a.state).string(a.kind.code())
                        .string(a.apId).string(a.siteId).dateTime(a.ts).dateTime(a.openedAt).float64(a.value)
                        .float64(a.threshold).string(a.detail).float64(a.peakValue).dateTime(a.peakAt)
                        .uint32(a.peakAttempts).uint32(a.peakFailures).uint32(a.revision)
                        .string(a.basis == null ? "" : a.basis));
    }
}
