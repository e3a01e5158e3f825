package jp.tabiji.ingest.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a syslog listener binds: {@code udp://127.0.0.1:5514} or {@code tcp://0.0.0.0:5514}. */
public record SyslogEndpoint(Transport transport, String host, int port) {
    public enum Transport { UDP, TCP }

    /** A comma-separated list of endpoints, as {@code --listen} takes it. */
    public static List<SyslogEndpoint> parseList(String text) {
        List<SyslogEndpoint> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no syslog endpoint given");
        }
        return out;
    }

    public static SyslogEndpoint parse(String text) {
        URI u;
        try {
            u = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad endpoint '" + text + "': use udp://HOST:PORT or tcp://HOST:PORT");
        }
        if (u.getScheme() == null || u.getHost() == null || u.getPort() < 0) {
            throw new IllegalArgumentException("bad endpoint '" + text + "': use udp://HOST:PORT or tcp://HOST:PORT");
        }
        Transport t = switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "udp" -> Transport.UDP;
            case "tcp" -> Transport.TCP;
            default -> throw new IllegalArgumentException("endpoint '" + text + "': transport must be udp or tcp");
        };
        return new SyslogEndpoint(t, u.getHost(), u.getPort());
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
    }
}
