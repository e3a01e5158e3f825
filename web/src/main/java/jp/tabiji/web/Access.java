package jp.tabiji.web;

import io.javalin.security.RouteRole;
import jp.tabiji.web.auth.Role;

/**
 * Who may call a route, declared where the route is registered ({@link ApiServer}); a route under /api that declares
 * none is refused for everyone, so a new endpoint cannot be left open by forgetting.
 */
public enum Access implements RouteRole {
    /** No sign-in: the dashboard's files, the API description, sign-in itself, Prometheus' counts. */
    PUBLIC,
    /** Any signed-in user: who am I, the registry's sites. */
    SIGNED_IN,
    /** Visitor statistics: viewers, analysts, admins. */
    STATISTICS,
    /** Exports and reports: analysts and admins. */
    EXPORT,
    /** Hotspot operations: ops and admins. */
    OPERATIONS,
    /** Publishing open data: admins only. */
    ADMIN;

    public boolean allows(Role role) {
        return switch (this) {
            case PUBLIC, SIGNED_IN -> true;
            case STATISTICS -> role.mayReadStatistics();
            case EXPORT -> role.mayExport();
            case OPERATIONS -> role.mayOperate();
            case ADMIN -> role.mayAdminister();
        };
    }

    /** Why a role is refused, for the 403. */
    String refusal() {
        return switch (this) {
            case STATISTICS -> "your role may not read visitor statistics";
            case EXPORT -> "your role may not export; ask for the analyst role";
            case OPERATIONS -> "hotspot operations are for the ops and admin roles";
            case ADMIN -> "this is for the admin role";
            default -> "refused";
        };
    }
}
