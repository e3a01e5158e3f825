package jp.tabiji.ingest.event;

/** What a log line says happened to a client. */
public enum EventType {
    CONNECT, DISCONNECT, LOGIN, LOGIN_FAILED, ACCT_START, ACCT_INTERIM, ACCT_STOP;

    /** Types that begin or continue a presence interval (DESIGN.md, "presence"). */
    public boolean opensPresence() {
        return this == CONNECT || this == ACCT_START || this == LOGIN || this == ACCT_INTERIM;
    }

    /** Types that close a presence interval. */
    /** A new association or accounting session: a connection still open at that AP ended no later than this. */
    public boolean startsConnection() {
        return this == CONNECT || this == ACCT_START;
    }

    public boolean closesPresence() {
        return this == DISCONNECT || this == ACCT_STOP;
    }
}
