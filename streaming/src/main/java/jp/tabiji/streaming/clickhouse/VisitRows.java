package jp.tabiji.streaming.clickhouse;

import java.util.List;
import jp.tabiji.streaming.move.Move;
import jp.tabiji.streaming.visit.SiteDayVisitor;
import jp.tabiji.streaming.visit.SiteHourVisitor;
import jp.tabiji.streaming.visit.Visit;

/** Row encoders for the tables of migrations V001–V003 and V010 (analytics/src/main/resources/db/migration). */
public final class VisitRows {
    private VisitRows() {
    }

    public static RowEncoder<Visit> visits() {
        return RowEncoder.of("visits", List.of("visit_id", "device_id", "site_id", "day", "start_ms", "end_ms",
                "dwell_s", "events", "lang", "random_mac"), (Visit v, RowBinary row) -> row.string(v.visitId)
                .string(v.deviceId).string(v.siteId).date(v.startDay).uint64(v.startMs).uint64(v.endMs)
                .uint32(v.dwellSeconds()).uint32(v.events).string(v.lang).uint8(v.randomMac ? 1 : 0));
    }

    public static RowEncoder<SiteDayVisitor> siteDayVisitors() {
        return RowEncoder.of("site_day_visitors", List.of("site_id", "day", "device_id", "last_event_ms", "lang",
                "random_mac"), (SiteDayVisitor s, RowBinary row) -> row.string(s.siteId).date(s.day).string(s.deviceId)
                .uint64(s.lastEventMs).string(s.lang).uint8(s.randomMac ? 1 : 0));
    }

    public static RowEncoder<SiteHourVisitor> siteHourVisitors() {
        return RowEncoder.of("site_hour_visitors", List.of("site_id", "day", "hour", "device_id", "last_event_ms",
                "lang", "random_mac"), (SiteHourVisitor s, RowBinary row) -> row.string(s.siteId).date(s.day)
                .string(s.hour).string(s.deviceId).uint64(s.lastEventMs).string(s.lang).uint8(s.randomMac ? 1 : 0));
    }

    public static RowEncoder<Move> moves() {
        return RowEncoder.of("moves", List.of("move_id", "device_id", "origin_site_id", "destination_site_id", "day",
                "departure_ms", "arrival_ms", "travel_s", "lang"), (Move m, RowBinary row) -> row.string(m.moveId)
                .string(m.deviceId).string(m.originSiteId).string(m.destinationSiteId).date(m.day)
                .uint64(m.departureMs).uint64(m.arrivalMs).uint32(m.travelSeconds()).string(m.lang));
    }
}
