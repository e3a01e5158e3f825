package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import jp.tabiji.ingest.simulate.MiyagiSites.SiteSpec;

/**
 * Who went where: tourists staying one to three days, each day a trip from Sendai Station or the airport
 * through a few sites, roaming between a site's APs, logging in to the portal or not. Deterministic per seed.
 */
final class TouristModel {
    private static final long MINUTE = 60_000L;
    private static final double RANDOM_MAC_SHARE = 0.7;
    private static final double NEVER_LOGS_IN_SHARE = 0.25;

    private final SplittableRandom rnd;
    private final ZoneId zone;
    private final LocalDate start;
    private final int days;
    private final MacRotation rotation;

    TouristModel(long seed, ZoneId zone, LocalDate start, int days) {
        this(seed, zone, start, days, new MacRotation(seed, 0, 0));
    }

    TouristModel(long seed, ZoneId zone, LocalDate start, int days, MacRotation rotation) {
        this.rotation = rotation;
        this.rnd = new SplittableRandom(seed);
        this.zone = zone;
        this.start = start;
        this.days = days;
    }

    List<PlannedVisit> plan(int deviceCount) {
        List<PlannedVisit> visits = new ArrayList<>();
        Set<String> macs = new HashSet<>();
        for (int i = 0; i < deviceCount; i++) {
            SimDevice device = newDevice(i, macs);
            int firstDay = rnd.nextInt(days);
            int stay = Math.min(days - firstDay, 1 + rnd.nextInt(3));
            boolean loggedIn = false;
            for (int d = firstDay; d < firstDay + stay; d++) {
                loggedIn = planDay(rotation.onDay(device, start.plusDays(d)), start.plusDays(d), d == firstDay, loggedIn,
                        visits);
            }
        }
        return visits;
    }

    private SimDevice newDevice(int index, Set<String> macs) {
        boolean random = rnd.nextDouble() < RANDOM_MAC_SHARE;
        String mac;
        do {
            int first = rnd.nextInt(256) & 0xFC; // unicast
            if (random) {
                first |= 0x02; // locally administered: a randomized MAC
            }
            mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", first, rnd.nextInt(256), rnd.nextInt(256),
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        } while (!macs.add(mac));
        LanguageMix.Language lang = LanguageMix.pick(rnd);
        String accept = lang.acceptLanguages().get(rnd.nextInt(lang.acceptLanguages().size()));
        return new SimDevice(index, mac, random, lang.code(), accept, rnd.nextDouble() >= NEVER_LOGS_IN_SHARE);
    }

    /** Plans one day trip; returns whether the device has logged in to the portal by its end. */
    private boolean planDay(SimDevice device, LocalDate day, boolean arrivalDay, boolean loggedIn,
                            List<PlannedVisit> out) {
        long midnight = day.atStartOfDay(zone).toInstant().toEpochMilli();
        // One trip in five starts before 09:00 local time, i.e. on the previous UTC date.
        long t = midnight + (rnd.nextDouble() < 0.2 ? minutes(360, 540) : minutes(540, 720));
        SiteSpec hub = MiyagiSites.SITES.get(arrivalDay && rnd.nextDouble() < 0.35 ? 1 : 0);
        List<SiteSpec> route = new ArrayList<>(List.of(hub));
        int stops = 1 + rnd.nextInt(3);
        while (route.size() <= stops) {
            SiteSpec next = MiyagiSites.SITES.get(2 + rnd.nextInt(MiyagiSites.SITES.size() - 2));
            if (!next.equals(route.get(route.size() - 1))) {
                route.add(next);
            }
        }
        if (rnd.nextDouble() < 0.6) {
            route.add(MiyagiSites.SITES.get(0)); // back to the station for the train home
        }
        long latest = midnight + 23 * 60 * MINUTE;
        for (SiteSpec site : route) {
            long dwell = minutes(12, 150);
            if (t + dwell > latest) {
                break;
            }
            boolean wantsLogin = device.logsIn() && (!loggedIn || rnd.nextDouble() < 0.15);
            PlannedVisit v = new VisitRenderer(rnd, rotation.forVisit(device), site, day).render(t, t + dwell,
                    wantsLogin);
            loggedIn |= v.loginAt() != null;
            out.add(v);
            t += dwell + minutes(20, 90);
        }
        return loggedIn;
    }

    private long minutes(int from, int to) {
        return (from + rnd.nextInt(to - from)) * MINUTE + rnd.nextInt(60) * 1000L;
    }
}
