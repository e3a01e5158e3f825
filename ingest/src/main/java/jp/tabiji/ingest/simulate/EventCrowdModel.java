package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The visits of events' crowds: devices that come only for the event, arrive between 10:00 and 15:00, stay one
 * to three hours, and half of them go on to the event's next site. Their own random stream and device numbers, so
 * that the usual visitors are the same with or without an event.
 */
final class EventCrowdModel {
    private static final long MINUTE = 60_000L;
    static final int FIRST_DEVICE_INDEX = 50_000_000;
    static final double GOES_ON_SHARE = 0.5;

    private final SplittableRandom rnd;
    private final ZoneId zone;
    private final MacRotation rotation;
    private int nextIndex = FIRST_DEVICE_INDEX;

    EventCrowdModel(long seed, ZoneId zone, MacRotation rotation) {
        this.rnd = new SplittableRandom(seed ^ 0xE7E47L);
        this.zone = zone;
        this.rotation = rotation;
    }

    /** Whether a visit is of a crowd's device (under any address it took). */
    static boolean ofACrowd(PlannedVisit v) {
        return v.device().person() >= FIRST_DEVICE_INDEX;
    }

    List<PlannedVisit> plan(List<EventCrowd> crowds) {
        List<PlannedVisit> out = new ArrayList<>();
        for (EventCrowd c : crowds) {
            for (LocalDate day = c.from(); !day.isAfter(c.to()); day = day.plusDays(1)) {
                for (String site : c.sites()) {
                    for (int i = 0; i < c.perDay(); i++) {
                        visitorOf(c, site, day, out);
                    }
                }
            }
        }
        return out;
    }

    private void visitorOf(EventCrowd c, String site, LocalDate day, List<PlannedVisit> out) {
        SimDevice device = rotation.onDay(newDevice(), day);
        long t = day.atStartOfDay(zone).toInstant().toEpochMilli() + minutes(600, 900);
        long depart = t + minutes(60, 180);
        boolean login = device.logsIn();
        PlannedVisit v = new VisitRenderer(rnd, rotation.forVisit(device), EventCrowd.site(site), day).render(t, depart,
                login);
        out.add(v);
        if (c.next() != null && !c.next().equals(site) && rnd.nextDouble() < GOES_ON_SHARE) {
            long arrive = v.depart() + minutes(20, 60);
            out.add(new VisitRenderer(rnd, rotation.forVisit(device), EventCrowd.site(c.next()), day).render(arrive,
                    arrive + minutes(15, 60), false));
        }
    }

    private SimDevice newDevice() {
        int first = rnd.nextInt(256) & 0xFC | 0x02; // mostly private addresses, as phones have by default now
        String mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", first, rnd.nextInt(256),
                rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        LanguageMix.Language lang = LanguageMix.pick(rnd);
        boolean logsIn = rnd.nextDouble() < 0.75;
        return new SimDevice(nextIndex++, mac, true, lang.code(), lang.acceptLanguages().get(0), logsIn);
    }

    private long minutes(int from, int to) {
        return (from + rnd.nextInt(to - from)) * MINUTE + rnd.nextInt(60) * 1000L;
    }
}
