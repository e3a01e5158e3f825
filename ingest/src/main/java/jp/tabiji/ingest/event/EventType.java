package jp.tabiji.ingest.event;

/** What a log line says happened to a client. */
public enum EventType {
    CONNECT, DISCONNECT, LOGIN, LOGIN_FAILED, ACCT_START, ACCT_INTERIM, ACCT_STOP;

    /** Types that begin or continue a presence interval (DESIGN.md, "presence"). */
    public boolean opensPresence() {
        return this == CONNECT || this == ACCT_START || this == LOGIN || this == ACCT_INTERIM;
    }

    /** Types that close a presence interval. */
    public boolean closesPresence() {
        return this == DISCONNECT || this == ACCT_STOP;
    }
}
