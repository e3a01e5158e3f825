package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.simulate.SimEvent.Kind;

/**
 * The steady traffic a working public AP sees besides tourists: passers-by whose phones join for a minute or so,
 * every 2 to 6 minutes from 05:00 to 02:00 local time. With it a healthy AP is never silent for long in the hours
 * it is used, as at a real station or shrine; a simulation without it is too sparse for silence alerts to mean
 * anything. Each AP draws its passers-by from its own pool of local phones, which never use the portal.
 */
final class ApBackground {
    private static final long MINUTE = 60_000L;
    private static final int POOL_PER_AP = 60;
    static final int FIRST_DEVICE_INDEX = 10_000_000;

    private final SplittableRandom rnd;
    private final ZoneId zone;

    ApBackground(long seed, ZoneId zone) {
        this.rnd = new SplittableRandom(seed ^ 0xBAC6L);
        this.zone = zone;
    }

    List<PlannedVisit> plan(LocalDate start, int days) {
        List<PlannedVisit> out = new ArrayList<>();
        Set<String> macs = new HashSet<>();
        int index = FIRST_DEVICE_INDEX;
        for (AccessPoint ap : MiyagiSites.accessPoints()) {
            List<SimDevice> pool = new ArrayList<>();
            for (int i = 0; i < POOL_PER_AP; i++) {
                pool.add(new SimDevice(index++, uniqueMac(macs), true, "ja", "ja-JP", false));
            }
            for (int d = 0; d < days; d++) {
                LocalDate day = start.plusDays(d);
                long t = day.atStartOfDay(zone).toInstant().toEpochMilli() + 5 * 60 * MINUTE;
                long end = day.atStartOfDay(zone).toInstant().toEpochMilli() + 26 * 60 * MINUTE;
                while (t < end) {
                    SimDevice phone = pool.get(rnd.nextInt(pool.size()));
                    long leave = t + 30_000L + rnd.nextInt(60) * 1000L;
                    LocalDate visitDay = java.time.Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
                    out.add(new PlannedVisit(phone, ap.siteId(), visitDay, t, leave, null, List.of(
                            new SimEvent(t, Kind.CONNECT, ap.apId(), phone),
                            new SimEvent(leave, Kind.DISCONNECT, ap.apId(), phone))));
                    t += 2 * MINUTE + rnd.nextInt(4 * 60) * 1000L;
                }
            }
        }
        return out;
    }

    private String uniqueMac(Set<String> macs) {
        String mac;
        do {
            mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", (rnd.nextInt(256) & 0xFC) | 0x02,
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        } while (!macs.add(mac));
        return mac;
    }
}
