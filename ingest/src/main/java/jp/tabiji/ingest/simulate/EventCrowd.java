package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * An event's extra visitors, injected on top of the usual ones: on every day of [from, to], {@code perDay} more
 * devices come to each of its sites, most staying an hour or more, and a share of them go on to {@code next}
 * afterwards. The truth records how many devices each site-day gained, for the uplift's interval to be checked
 * against. Written as {@code NAME:FROM/TO:SITE,...:PER_DAY[:NEXT]}, e.g.
 * {@code 松島かき祭り:2026-11-22/2026-11-23:matsushima:150:zuiganji}.
 */
public record EventCrowd(String name, LocalDate from, LocalDate to, List<String> sites, int perDay, String next) {
    public EventCrowd {
        sites = List.copyOf(sites);
        if (name.isBlank() || sites.isEmpty() || to.isBefore(from) || perDay <= 0) {
            throw new IllegalArgumentException("an event crowd needs a name, sites, a range in order and extra "
                    + "visitors above 0");
        }
        for (String s : sites) {
            site(s);
        }
        if (next != null) {
            site(next);
        }
    }

    static MiyagiSites.SiteSpec site(String id) {
        return MiyagiSites.SITES.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated site " + id));
    }

    public static EventCrowd parse(String spec) {
        String[] parts = spec.split(":");
        String[] range = parts.length >= 4 ? parts[1].split("/") : new String[0];
        if (parts.length < 4 || parts.length > 5 || range.length != 2) {
            throw new IllegalArgumentException("an event crowd is NAME:FROM/TO:SITE,...:PER_DAY[:NEXT] (e.g. "
                    + "festival:2026-11-22/2026-11-23:matsushima:150:zuiganji), not '" + spec + "'");
        }
        try {
            return new EventCrowd(parts[0], LocalDate.parse(range[0]), LocalDate.parse(range[1]),
                    Arrays.asList(parts[2].split(",")), Integer.parseInt(parts[3]), parts.length == 5 ? parts[4] : null);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("an event crowd's days are ISO dates and its extra visitors a whole "
                    + "number: " + spec);
        }
    }
}
