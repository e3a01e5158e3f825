package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One typed request to the catalogue: a range of local days (both inclusive), an optional place (a site or an area),
 * language and segment (docs/SEGMENTS.md), and the grouping of the rows. Values are validated before they are built into one (dates parsed,
 * site and area from the registry, the language by pattern), so SQL only ever sees literals printed from them.
 */
public record MetricRequest(LocalDate from, LocalDate to, String site, String area, String lang, Set<Grouping> groupBy,
                            Segment segment) {
    public MetricRequest {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        groupBy = groupBy.isEmpty() ? EnumSet.noneOf(Grouping.class) : EnumSet.copyOf(groupBy);
        if (groupBy.stream().filter(Grouping::isTime).count() > 1) {
            throw new IllegalArgumentException("groupBy may hold one time unit (hour, day, week or month)");
        }
        if (groupBy.contains(Grouping.SITE) && groupBy.contains(Grouping.AREA)) {
            throw new IllegalArgumentException("groupBy may hold site or area, not both");
        }
        if (site != null && area != null) {
            throw new IllegalArgumentException("give site or area, not both");
        }
        if (segment != null && groupBy.contains(Grouping.SEGMENT)) {
            throw new IllegalArgumentException("give segment or groupBy segment, not both");
        }
    }

    /** All devices, whatever their segment. */
    public MetricRequest(LocalDate from, LocalDate to, String site, String area, String lang, Set<Grouping> groupBy) {
        this(from, to, site, area, lang, groupBy, null);
    }

    public static MetricRequest of(LocalDate from, LocalDate to, Grouping... groups) {
        return new MetricRequest(from, to, null, null, null, groups.length == 0 ? Set.of() : Set.of(groups));
    }

    public boolean groupedBy(Grouping g) {
        return groupBy.contains(g);
    }

    public Optional<Grouping> timeUnit() {
        return groupBy.stream().filter(Grouping::isTime).findFirst();
    }

    public MetricRequest withGroups(Set<Grouping> groups) {
        return new MetricRequest(from, to, site, area, lang, groups, segment);
    }

    public MetricRequest withRange(LocalDate newFrom, LocalDate newTo) {
        return new MetricRequest(newFrom, newTo, site, area, lang, groupBy, segment);
    }

    public MetricRequest withLang(String newLang) {
        return new MetricRequest(from, to, site, area, newLang, groupBy, segment);
    }

    public MetricRequest withSegment(Segment newSegment) {
        return new MetricRequest(from, to, site, area, lang, groupBy, newSegment);
    }

    /** The groupings, in the order the row's key columns come: place, time, segment, language, bucket. */
    public List<Grouping> keyOrder() {
        return groupBy.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
    }

    private static int rank(Grouping g) {
        return switch (g) {
            case SITE, AREA -> 0;
            case HOUR, DAY, WEEK, MONTH -> 1;
            case SEGMENT -> 2;
            case LANG -> 3;
            case BUCKET -> 4;
        };
    }
}
