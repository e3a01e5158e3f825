package jp.tabiji.web.auth;

import java.util.Locale;

/** What a user may do: viewers read the dashboard and the API, analysts also export, ops run the operations page, admins everything. */
public enum Role {
    VIEWER, ANALYST, OPS, ADMIN;

    public boolean mayReadStatistics() {
        return this != OPS;
    }

    public boolean mayExport() {
        return this == ANALYST || this == ADMIN;
    }

    public boolean mayOperate() {
        return this == OPS || this == ADMIN;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be viewer, analyst, ops or admin, not '" + s + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
