package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How phones with private (randomized) addresses behave: most keep one address per network (iOS, Android), some
 * take a new one every day (Windows, iOS "rotating"), a few a new one on every connection. Each new address is a
 * new device to the pipeline, of the same person. Its own random stream, so that with no rotation the rest of the
 * simulation is unchanged.
 */
final class MacRotation {
    enum Habit { FIXED, DAILY, PER_CONNECTION }

    private static final int FIRST_ROTATED_INDEX = 40_000_000;

    private final double dailyShare;
    private final double perConnectionShare;
    private final SplittableRandom rnd;
    private final Map<Integer, Habit> habits = new HashMap<>();
    private final Map<String, SimDevice> daily = new HashMap<>();
    private final Set<String> macs = new HashSet<>();
    private int nextIndex = FIRST_ROTATED_INDEX;

    /** @param dailyShare, perConnectionShare shares of the phones with a private address */
    MacRotation(long seed, double dailyShare, double perConnectionShare) {
        this.rnd = new SplittableRandom(seed ^ 0x0A11CEL);
        this.dailyShare = dailyShare;
        this.perConnectionShare = perConnectionShare;
    }

    /** The device a person's phone is on a day: its own, or that day's address. */
    SimDevice onDay(SimDevice phone, LocalDate day) {
        if (habit(phone) != Habit.DAILY) {
            return phone;
        }
        return daily.computeIfAbsent(phone.index() + "|" + day, k -> phone.withAddress(nextIndex++, newMac()));
    }

    /** The device for one connection: a new address for the phones that take one each time. */
    SimDevice forVisit(SimDevice phone) {
        return habit(phone) == Habit.PER_CONNECTION ? phone.withAddress(nextIndex++, newMac()) : phone;
    }

    private Habit habit(SimDevice phone) {
        if (!phone.randomMac() || (dailyShare == 0 && perConnectionShare == 0)) {
            return Habit.FIXED;
        }
        return habits.computeIfAbsent(phone.person(), p -> {
            double x = rnd.nextDouble();
            return x < dailyShare ? Habit.DAILY : x < dailyShare + perConnectionShare ? Habit.PER_CONNECTION
                    : Habit.FIXED;
        });
    }

    private String newMac() {
        String mac;
        do {
            int first = (rnd.nextInt(256) & 0xFC) | 0x02; // locally administered, unicast
            mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", first, rnd.nextInt(256),
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        } while (!macs.add(mac));
        return mac;
    }
}
