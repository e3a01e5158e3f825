package jp.tabiji.analytics.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.TreeSet;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Reads {@link Coverage} from the AP minutes the health operator writes (a row per AP and minute with events), and
 * keeps it for a short while: every dashboard page and API answer asks, and coverage moves by the minute at most.
 */
final class IngestCoverage {
    /** Quarters of an hour: local days come out right in every zone whose offset is whole quarters. */
    private static final int SLOT_S = 900;
    private static final Duration KEEP = Duration.ofSeconds(30);

    private final ClickHouseHttp clickhouse;
    private final Clock clock;
    private Coverage kept;

    IngestCoverage(ClickHouseHttp clickhouse, Clock clock) {
        this.clickhouse = clickhouse;
        this.clock = clock;
    }

    synchronized Coverage read() {
        Instant now = clock.instant();
        if (kept != null && kept.now().plus(KEEP).isAfter(now) && !kept.now().isAfter(now)) {
            return kept;
        }
        NavigableSet<LocalDate> days = new TreeSet<>();
        // one row whatever the span: the reader's row limit bounds answers, not this bookkeeping
        String slots = clickhouse.select("SELECT arraySort(groupUniqArray(intDiv(toUInt32(minute), " + SLOT_S
                + "))) FROM ap_minute WHERE events > 0").get(0)[0];
        for (String slot : slots.substring(1, slots.length() - 1).split(",")) {
            if (!slot.isEmpty()) {
                days.add(Instant.ofEpochSecond(Long.parseLong(slot) * SLOT_S).atZone(clock.getZone()).toLocalDate());
            }
        }
        kept = new Coverage(days, now, clock.getZone());
        return kept;
    }
}
