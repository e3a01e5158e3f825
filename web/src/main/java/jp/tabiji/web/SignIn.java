package jp.tabiji.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.web.auth.SessionStore;
import jp.tabiji.web.auth.UserStore;

/** Sign-in by password or one-time link, and sign-out: HTTP only, the accounts are {@link UserStore}'s. */
final class SignIn {
    static final String SESSION_COOKIE = "tabiji_session";
    private final UserStore users;
    private final SessionStore sessions;

    SignIn(UserStore users, SessionStore sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    void login(Context ctx) {
        String name = ctx.formParam("user");
        String password = ctx.formParam("password");
        if (name == null || password == null) {
            throw ApiException.badRequest("user and password are required");
        }
        UserStore.User u = users.byPassword(name, password.toCharArray())
                .orElseThrow(() -> new ApiException(401, "wrong user or password"));
        startSession(ctx, u);
        ctx.status(204);
    }

    /** A change like any other: a session's sign-out must carry its CSRF token (no foreign page can sign one out). */
    void logout(Context ctx) {
        sessions.touch(ctx.cookie(SESSION_COOKIE)).ifPresent(s -> {
            if (!s.csrfToken().equals(ctx.header("X-CSRF-Token"))) {
                throw new ApiException(403, "missing or wrong X-CSRF-Token");
            }
        });
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.status(204);
    }

    void redeem(Context ctx) {
        String user = sessions.redeem(ctx.queryParam("code"))
                .orElseThrow(() -> new ApiException(401, "this sign-in link is used up or expired"));
        startSession(ctx, users.byName(user).orElseThrow(() -> new ApiException(401, "no such user")));
        // where to land: a page of the dashboard and its language, both from closed sets
        List<String> query = new ArrayList<>();
        String lang = ctx.queryParam("lang");
        if ("en".equals(lang) || "ja".equals(lang)) {
            query.add("lang=" + lang);
        }
        for (String d : List.of("from", "to")) {
            String v = ctx.queryParam(d);
            if (v != null && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                query.add(d + "=" + v);
            }
        }
        String page = ctx.queryParam("page");
        ctx.redirect("/" + (query.isEmpty() ? "" : "?" + String.join("&", query))
                + (page != null && page.matches("[a-z]{1,20}(/[a-z0-9-]{1,64})?") ? "#" + page : ""));
    }

    private void startSession(Context ctx, UserStore.User u) {
        SessionStore.Session s = sessions.open(u.name, u.role());
        Cookie c = new Cookie(SESSION_COOKIE, s.id(), "/", (int) Duration.ofHours(8).toSeconds(),
                "https".equals(ctx.header("X-Forwarded-Proto")), 0, true, null, null, SameSite.STRICT);
        ctx.cookie(c);
    }
}
