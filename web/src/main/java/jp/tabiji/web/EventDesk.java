package jp.tabiji.web;

import java.time.Clock;
import jp.tabiji.analytics.catalogue.EventCalendar;
import jp.tabiji.web.report.AuditLog;

/**
 * Marking and removing events, for the CLI and the dashboard alike: an event changes every baseline it is left out
 * of and every uplift it is measured by, so each change is written to the audit log with who made it.
 */
public final class EventDesk {
    private final EventCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    public EventDesk(EventCalendar calendar, AuditLog audit, Clock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Marks an event (one of the same name is replaced). */
    public void add(String user, String via, EventCalendar.Event e) {
        calendar.add(e, clock);
        audit.eventChanged(user, via, "added", e.name(), e);
    }

    /** Removes the event of that name; false if there is none (nothing is audited then). */
    public boolean remove(String user, String via, String name) {
        if (!calendar.remove(name, clock)) {
            return false;
        }
        audit.eventChanged(user, via, "removed", name, null);
        return true;
    }
}
