package jp.tabiji.web;

import java.util.Map;

/**
 * The headers every response carries. The policy lets only the server's own scripts run (no inline script, no
 * handler attribute, no eval), so a name from the registry that slipped into markup could still not execute; pages
 * cannot be framed, sniffed into another type, or leak their URL (one-time codes, ranges) to another site.
 */
final class SecurityHeaders {
    // ECharts and Swagger UI set element styles, so inline style stays allowed; scripts do not
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    private SecurityHeaders() {
    }
}
