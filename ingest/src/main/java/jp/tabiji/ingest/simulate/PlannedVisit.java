package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.util.List;

/**
 * The model's record of one stay of a device at a site: when it came and left, on which local day, when (if
 * ever) it first told the portal its language there, and the events it made.
 */
public record PlannedVisit(SimDevice device, String siteId, LocalDate day, long arrive, long depart, Long loginAt,
                           List<SimEvent> events) {
}
