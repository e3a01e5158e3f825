package jp.tabiji.streaming.visit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import jp.tabiji.ingest.event.WifiEvent;

/** What one closed visit gives: the {@link Visit} row and its site-day and site-hour visitor rows. */
final class VisitOutput implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    interface Rows {
        void visit(Visit v);

        void siteDay(SiteDayVisitor row);

        void siteHour(SiteHourVisitor row);
    }

    private final RegionClock clock;

    VisitOutput(RegionClock clock) {
        this.clock = clock;
    }

    void emit(String deviceId, String site, VisitAssembler.Span span, String lang, Rows rows) {
        Visit v = new Visit();
        v.deviceId = deviceId;
        v.siteId = site;
        v.startMs = span.start();
        v.endMs = span.end();
        v.startDay = clock.day(span.start());
        v.events = span.events().size();
        v.lang = lang;
        v.visitId = visitId(deviceId, site, span.start());
        Map<Integer, Long> lastByDay = new TreeMap<>();
        Map<Long, Long> lastByHour = new TreeMap<>();
        for (WifiEvent e : span.events()) {
            v.randomMac |= e.randomMac;
            lastByDay.merge(clock.day(e.ts), e.ts, Math::max);
            lastByHour.merge(clock.hour(e.ts), e.ts, Math::max);
        }
        rows.visit(v);
        lastByDay.forEach((day, last) -> {
            SiteDayVisitor row = new SiteDayVisitor(site, day, deviceId, last, lang);
            row.randomMac = v.randomMac;
            rows.siteDay(row);
        });
        lastByHour.forEach((hour, last) -> {
            SiteHourVisitor row = new SiteHourVisitor(site, RegionClock.dayOfHour(hour), RegionClock.hourLabel(hour),
                    deviceId, last, lang);
            row.randomMac = v.randomMac;
            rows.siteHour(row);
        });
    }

    static String visitId(String deviceId, String siteId, long startMs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((deviceId + "|" + siteId + "|" + startMs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
