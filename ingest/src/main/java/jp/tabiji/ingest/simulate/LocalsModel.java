package jp.tabiji.ingest.simulate;

import java.time.DayOfWeek;
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
 * The people who are not tourists, and the tourists who look like them: commuters with weekday routines at the
 * station (some irregular), staff with long days at one site (some part-time), residents around the city on many
 * days; and, as the hard cases, onsen guests of several nights and tourists staying ten to fourteen days.
 * Deterministic per seed; device indexes start at {@code firstIndex} so they never meet the tourists'.
 */
final class LocalsModel {
    private static final long MINUTE = 60_000L;
    private static final List<String> CITY = List.of("sendai-station", "jozenji-dori", "zuihoden", "aoba-castle",
            "shiogama");

    private final SplittableRandom rnd;
    private final ZoneId zone;
    private final LocalDate start;
    private final int days;
    private final Set<String> macs = new HashSet<>();
    private final MacRotation rotation;
    private int nextIndex;

    LocalsModel(long seed, ZoneId zone, LocalDate start, int days, int firstIndex, MacRotation rotation) {
        this.rotation = rotation;
        this.rnd = new SplittableRandom(seed ^ 0x10CA15L);
        this.zone = zone;
        this.start = start;
        this.days = days;
        this.nextIndex = firstIndex;
    }

    List<PlannedVisit> plan(WorkloadSimulator.Population p) {
        List<PlannedVisit> out = new ArrayList<>();
        for (int i = 0; i < p.commuters(); i++) {
            commuter(device(Persona.COMMUTER, "ja", 0.1), out);
        }
        for (int i = 0; i < p.staff(); i++) {
            staff(device(Persona.STAFF, "ja", 0.05), out);
        }
        for (int i = 0; i < p.residents(); i++) {
            resident(device(Persona.RESIDENT, rnd.nextDouble() < 0.9 ? "ja" : null, 0.3), out);
        }
        for (int i = 0; i < p.longStays(); i++) {
            SimDevice tourist = device(Persona.TOURIST, null, 0.75);
            if (i % 2 == 0) {
                onsenGuest(tourist, out);
            } else {
                longStay(tourist, out);
            }
        }
        return out;
    }

    /** Weekdays, morning and (mostly) evening, each a short pass at one or two sites, at the person's own times. */
    private void commuter(SimDevice d, List<PlannedVisit> out) {
        boolean irregular = rnd.nextDouble() < 0.3;
        List<SiteSpec> route = rnd.nextDouble() < 0.7 ? List.of(site("sendai-station"))
                : List.of(site("sendai-station"), site(rnd.nextBoolean() ? "jozenji-dori" : "sendai-airport"));
        int morning = 420 + rnd.nextInt(80); // 07:00..08:20
        int evening = 1050 + rnd.nextInt(100); // 17:30..19:10
        for (int day = 0; day < days; day++) {
            LocalDate date = start.plusDays(day);
            if (isWeekend(date) || rnd.nextDouble() > (irregular ? 0.45 : 0.9)) {
                continue;
            }
            SiteSpec s = route.get(rnd.nextInt(route.size()));
            pass(d, s, date, morning + rnd.nextInt(30), 4 + rnd.nextInt(20), out);
            if (rnd.nextDouble() < 0.75) {
                pass(d, route.get(rnd.nextInt(route.size())), date, evening + rnd.nextInt(30), 4 + rnd.nextInt(20), out);
            }
        }
    }

    /** Shifts at one workplace: five days a week, or two or three for part-timers, within opening hours. */
    private void staff(SimDevice d, List<PlannedVisit> out) {
        SiteSpec work = MiyagiSites.SITES.get(rnd.nextInt(MiyagiSites.SITES.size()));
        boolean partTime = rnd.nextDouble() < 0.3;
        int shiftStart = 480 + rnd.nextInt(150); // 08:00..10:30
        for (int day = 0; day < days; day++) {
            LocalDate date = start.plusDays(day);
            double works = partTime ? 0.38 : 0.72;
            if (rnd.nextDouble() > works) {
                continue;
            }
            int length = partTime ? 280 + rnd.nextInt(80) : 420 + rnd.nextInt(120);
            pass(d, work, date, shiftStart + rnd.nextInt(20), length, out);
        }
    }

    /** Around the city on many days of the month, an errand or two a day. */
    private void resident(SimDevice d, List<PlannedVisit> out) {
        double active = 0.3 + 0.35 * rnd.nextDouble();
        for (int day = 0; day < days; day++) {
            if (rnd.nextDouble() > active) {
                continue;
            }
            LocalDate date = start.plusDays(day);
            int t = 540 + rnd.nextInt(300);
            for (int k = 0, n = 1 + rnd.nextInt(2); k < n; k++) {
                int dwell = 20 + rnd.nextInt(100);
                pass(d, site(CITY.get(rnd.nextInt(CITY.size()))), date, t, dwell, out);
                t += dwell + 30 + rnd.nextInt(120);
            }
        }
    }

    /** Two to five nights at an onsen, each night there from the afternoon to the next morning, sights by day. */
    private void onsenGuest(SimDevice d, List<PlannedVisit> out) {
        SiteSpec onsen = site(rnd.nextBoolean() ? "akiu-onsen" : "naruko-onsen");
        int nights = 2 + rnd.nextInt(4);
        int first = rnd.nextInt(Math.max(1, days - nights));
        for (int n = 0; n <= nights && first + n < days; n++) {
            LocalDate date = start.plusDays(first + n);
            if (n > 0) {
                SiteSpec sight = MiyagiSites.SITES.get(2 + rnd.nextInt(MiyagiSites.SITES.size() - 2));
                if (!sight.equals(onsen)) {
                    pass(d, sight, date, 630 + rnd.nextInt(60), 60 + rnd.nextInt(120), out);
                }
            }
            if (n < nights) {
                // from 15:00-17:00 until 09:00-10:00 the next morning: the night is the guest's evidence
                int arrive = 900 + rnd.nextInt(120);
                pass(d, onsen, date, arrive, 24 * 60 - arrive + 540 + rnd.nextInt(60), out);
            }
        }
    }

    /** Ten to fourteen consecutive days of sightseeing: many days, but one stretch and many sights. */
    private void longStay(SimDevice d, List<PlannedVisit> out) {
        int stay = 10 + rnd.nextInt(5);
        int first = rnd.nextInt(Math.max(1, days - stay));
        for (int n = 0; n < stay && first + n < days; n++) {
            LocalDate date = start.plusDays(first + n);
            int t = 540 + rnd.nextInt(120);
            for (int k = 0, stops = 1 + rnd.nextInt(3); k < stops; k++) {
                int dwell = 30 + rnd.nextInt(120);
                pass(d, MiyagiSites.SITES.get(rnd.nextInt(MiyagiSites.SITES.size())), date, t, dwell, out);
                t += dwell + 40 + rnd.nextInt(60);
            }
        }
    }

    private void pass(SimDevice d, SiteSpec s, LocalDate date, int minuteOfDay, int minutes, List<PlannedVisit> out) {
        long arrive = date.atStartOfDay(zone).toInstant().toEpochMilli() + minuteOfDay * MINUTE + rnd.nextInt(60) * 1000L;
        out.add(new VisitRenderer(rnd, rotation.forVisit(rotation.onDay(d, date)), s, date).render(arrive, arrive + minutes * MINUTE, d.logsIn()
                && rnd.nextDouble() < 0.2));
    }

    private SimDevice device(Persona persona, String lang, double logsIn) {
        LanguageMix.Language l = lang == null ? LanguageMix.pick(rnd) : LanguageMix.LANGUAGES.stream()
                .filter(x -> x.code().equals(lang)).findFirst().orElseThrow();
        boolean random = rnd.nextDouble() < 0.7;
        String mac;
        do {
            int first = (rnd.nextInt(256) & 0xFC) | (random ? 0x02 : 0);
            mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", first, rnd.nextInt(256), rnd.nextInt(256),
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        } while (!macs.add(mac));
        int index = nextIndex++;
        return new SimDevice(index, mac, random, l.code(), l.acceptLanguages().get(0), rnd.nextDouble() < logsIn,
                persona, index);
    }

    private static SiteSpec site(String id) {
        return MiyagiSites.SITES.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
