package jp.tabiji.analytics.catalogue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The published metrics, each with the groupings it offers (every one offers segment) and its default grouping. */
public enum Metric {
    VISITORS(EnumSet.of(Grouping.HOUR, Grouping.DAY, Grouping.WEEK, Grouping.MONTH, Grouping.SITE, Grouping.AREA,
            Grouping.LANG), EnumSet.of(Grouping.DAY)),
    LANGUAGES(EnumSet.of(Grouping.HOUR, Grouping.DAY, Grouping.WEEK, Grouping.MONTH, Grouping.SITE, Grouping.AREA,
            Grouping.LANG), EnumSet.of(Grouping.DAY, Grouping.LANG)),
    FLOWS(EnumSet.of(Grouping.LANG), EnumSet.noneOf(Grouping.class)),
    DWELL(EnumSet.of(Grouping.SITE, Grouping.AREA, Grouping.BUCKET), EnumSet.of(Grouping.SITE)),
    REPEAT(EnumSet.of(Grouping.SITE, Grouping.AREA), EnumSet.of(Grouping.SITE));

    private final Set<Grouping> offered;
    private final Set<Grouping> dflt;

    Metric(Set<Grouping> offered, Set<Grouping> dflt) {
        this.offered = EnumSet.copyOf(offered);
        this.offered.add(Grouping.SEGMENT);
        this.dflt = dflt;
    }

    public Set<Grouping> offered() {
        return EnumSet.copyOf(offered);
    }

    public Set<Grouping> defaultGrouping() {
        return dflt.isEmpty() ? EnumSet.noneOf(Grouping.class) : EnumSet.copyOf(dflt);
    }

    /**
     * The groupings a comma-separated list names ({@code site,week}), as the API's {@code groupBy} and the CLI's
     * {@code --by} take them: each one offered by this metric, none twice; otherwise an error naming the choices.
     */
    public Set<Grouping> groups(String by) {
        return Grouping.parseAll(by, offered);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
