package jp.tabiji.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions, in memory (a restart signs everyone out): an id for the cookie, a CSRF token the
 * page must echo on every change, an idle timeout and an absolute one. Also one-time sign-in links.
 */
public final class SessionStore {
    /** One session. */
    public record Session(String id, String user, Role role, String csrfToken, Instant created, Instant lastSeen) {
    }

    private record Link(String user, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public SessionStore(Clock clock, Duration idle, Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** 30 minutes idle, 8 hours at most. */
    public static SessionStore withDefaults() {
        return new SessionStore(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(8));
    }

    public Session open(String user, Role role) {
        Instant now = clock.instant();
        Session s = new Session(randomId(), user, role, randomId(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty if unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(absolute))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session renewed = new Session(s.id(), s.user(), s.role(), s.csrfToken(), s.created(), now);
        sessions.put(id, renewed);
        return Optional.of(renewed);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** A sign-in code for {@code user}, good once within {@code validity}. */
    public String oneTimeLink(String user, Duration validity) {
        String code = randomId();
        links.put(code, new Link(user, clock.instant().plus(validity)));
        return code;
    }

    /** The user a one-time code signs in, consuming it. */
    public Optional<String> redeem(String code) {
        Link l = code == null ? null : links.remove(code);
        return l == null || clock.instant().isAfter(l.expires()) ? Optional.empty() : Optional.of(l.user());
    }

    private String randomId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
