package jp.tabiji.ingest.simulate;

import java.time.Instant;
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
 * Applies {@link SimulatedFault}s to the model's visits, so that the logs and the truth both reflect them: an
 * outage removes every event at its AP in its span (visits left without events are gone, a login lost with
 * them is learned later or never); an overload and a login burst add the devices that cause them.
 */
final class FaultInjector {
    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;
    static final int OVERLOAD_EXTRA = 5;
    static final int BURST_ATTEMPTS = 40;
    private static final int FIRST_DEVICE_INDEX = 20_000_000;

    private final SplittableRandom rnd;
    private final ZoneId zone;
    private final Set<String> macs = new HashSet<>();
    private int nextIndex = FIRST_DEVICE_INDEX;

    FaultInjector(long seed, ZoneId zone) {
        this.rnd = new SplittableRandom(seed ^ 0xFA17L);
        this.zone = zone;
    }

    List<PlannedVisit> apply(List<PlannedVisit> visits, List<SimulatedFault> faults) {
        List<PlannedVisit> out = new ArrayList<>(visits);
        for (SimulatedFault f : faults) {
            AccessPoint ap = MiyagiSites.accessPoints().stream().filter(a -> a.apId().equals(f.apId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no simulated AP " + f.apId()));
            switch (f.kind()) {
                case OUTAGE -> out = withoutEvents(out, f);
                case OVERLOAD -> out.addAll(overload(ap, f));
                case LOGIN_BURST -> out.addAll(loginBurst(ap, f));
            }
        }
        return out;
    }

    private static List<PlannedVisit> withoutEvents(List<PlannedVisit> visits, SimulatedFault f) {
        List<PlannedVisit> out = new ArrayList<>();
        for (PlannedVisit v : visits) {
            List<SimEvent> kept = v.events().stream()
                    .filter(e -> !(e.apId().equals(f.apId()) && e.ts() >= f.from() && e.ts() < f.to())).toList();
            if (kept.size() == v.events().size()) {
                out.add(v);
            } else if (!kept.isEmpty()) {
                Long login = kept.stream().filter(e -> e.kind() == Kind.LOGIN || e.kind() == Kind.LOGIN_FAILED)
                        .map(SimEvent::ts).findFirst().orElse(null);
                out.add(new PlannedVisit(v.device(), v.siteId(), v.day(), v.arrive(), v.depart(), login, kept));
            }
        }
        return out;
    }

    /** Capacity + 5 phones join in the first half minute, stay (re-associating every 20 minutes), and leave. */
    private List<PlannedVisit> overload(AccessPoint ap, SimulatedFault f) {
        List<PlannedVisit> out = new ArrayList<>();
        int n = ap.capacity() + OVERLOAD_EXTRA;
        for (int i = 0; i < n; i++) {
            SimDevice phone = newDevice(false);
            long join = f.from() + i * 30 * SECOND / n;
            long leave = f.to() + i * 30 * SECOND / n;
            List<SimEvent> events = new ArrayList<>();
            for (long t = join; t < leave; t += 20 * MINUTE) {
                events.add(new SimEvent(t, Kind.CONNECT, ap.apId(), phone));
            }
            events.add(new SimEvent(leave, Kind.DISCONNECT, ap.apId(), phone));
            out.add(new PlannedVisit(phone, ap.siteId(), day(join), join, leave, null, events));
        }
        return out;
    }

    /** 40 phones spread over the span try the portal; three in five fail. */
    private List<PlannedVisit> loginBurst(AccessPoint ap, SimulatedFault f) {
        List<PlannedVisit> out = new ArrayList<>();
        for (int i = 0; i < BURST_ATTEMPTS; i++) {
            SimDevice phone = newDevice(true);
            long t = f.from() + i * (f.to() - f.from()) / BURST_ATTEMPTS;
            long login = t + 10 * SECOND;
            out.add(new PlannedVisit(phone, ap.siteId(), day(t), t, t + MINUTE, login, List.of(
                    new SimEvent(t, Kind.CONNECT, ap.apId(), phone),
                    new SimEvent(login, i % 5 < 3 ? Kind.LOGIN_FAILED : Kind.LOGIN, ap.apId(), phone),
                    new SimEvent(t + MINUTE, Kind.DISCONNECT, ap.apId(), phone))));
        }
        return out;
    }

    private java.time.LocalDate day(long ts) {
        return Instant.ofEpochMilli(ts).atZone(zone).toLocalDate();
    }

    private SimDevice newDevice(boolean logsIn) {
        String mac;
        do {
            mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", (rnd.nextInt(256) & 0xFC) | 0x02,
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        } while (!macs.add(mac));
        LanguageMix.Language lang = LanguageMix.pick(rnd);
        return new SimDevice(nextIndex++, mac, true, lang.code(), lang.acceptLanguages().get(0), logsIn);
    }
}
