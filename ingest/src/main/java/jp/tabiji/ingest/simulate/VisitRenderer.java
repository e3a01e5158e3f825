package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import jp.tabiji.ingest.simulate.MiyagiSites.SiteSpec;
import jp.tabiji.ingest.simulate.SimEvent.Kind;

/** What one stay at a site makes the APs and the portal log: association, roaming, short drop-outs, login, leave. */
final class VisitRenderer {
    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;

    private final SplittableRandom rnd;
    private final SimDevice device;
    private final SiteSpec site;
    private final LocalDate day;
    private final List<SimEvent> events = new ArrayList<>();

    VisitRenderer(SplittableRandom rnd, SimDevice device, SiteSpec site, LocalDate day) {
        this.rnd = rnd;
        this.device = device;
        this.site = site;
        this.day = day;
    }

    PlannedVisit render(long arrive, long depart, boolean wantsLogin) {
        String ap = ap(rnd.nextInt(site.aps()));
        add(arrive, Kind.CONNECT, ap);
        Long loginAt = null;
        if (wantsLogin) {
            long t = arrive + 20 * SECOND + rnd.nextInt(120) * SECOND;
            if (rnd.nextDouble() < 0.1) {
                add(t, Kind.LOGIN_FAILED, ap);
                loginAt = t;
                t += 30 * SECOND;
            }
            add(t, Kind.LOGIN, ap);
            loginAt = loginAt == null ? t : loginAt;
        }
        long mid = arrive + (depart - arrive) / 2;
        if (site.aps() > 1 && rnd.nextDouble() < 0.4) {
            // roaming: the new AP often logs the association before the old one logs the loss
            String next = ap((apIndex(ap) + 1 + rnd.nextInt(site.aps() - 1)) % site.aps());
            boolean connectFirst = rnd.nextBoolean();
            add(mid, connectFirst ? Kind.CONNECT : Kind.DISCONNECT, connectFirst ? next : ap);
            add(mid + rnd.nextInt(3) * SECOND, connectFirst ? Kind.DISCONNECT : Kind.CONNECT, connectFirst ? ap : next);
            ap = next;
        } else if (depart - arrive > 40 * MINUTE && rnd.nextDouble() < 0.25) {
            // a short drop-out: under 30 minutes apart, so still one visit
            long back = Math.min(mid + (2 + rnd.nextInt(20)) * MINUTE, depart - MINUTE);
            add(mid, Kind.DISCONNECT, ap);
            add(back, Kind.CONNECT, ap);
        }
        if (rnd.nextDouble() < 0.85) {
            add(depart, Kind.DISCONNECT, ap); // otherwise the close is never logged
        }
        long last = events.stream().mapToLong(SimEvent::ts).max().orElse(arrive);
        return new PlannedVisit(device, site.id(), day, arrive, Math.max(depart, last), loginAt, List.copyOf(events));
    }

    private void add(long ts, Kind kind, String ap) {
        events.add(new SimEvent(ts, kind, ap, device));
    }

    private String ap(int index) {
        return String.format(Locale.ROOT, "%s-ap%02d", site.id(), index + 1);
    }

    private static int apIndex(String apId) {
        return Integer.parseInt(apId.substring(apId.length() - 2)) - 1;
    }
}
