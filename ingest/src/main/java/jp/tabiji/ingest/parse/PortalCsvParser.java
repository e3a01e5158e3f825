package jp.tabiji.ingest.parse;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tabiji.ingest.registry.Csv;

/**
 * Captive-portal logins as CSV with a header naming the columns (any order, any case), e.g.
 * {@code ts,ap,mac,event,lang}. Accepted column names are listed in {@link #ALIASES}.
 */
final class PortalCsvParser {
    static final Map<String, List<String>> ALIASES = Map.of(
            "ts", List.of("ts", "time", "timestamp", "datetime", "date_time", "login_time"),
            "ap", List.of("ap", "ap_id", "ap_name", "nas_id", "nas_identifier", "called_station_id"),
            "mac", List.of("mac", "client_mac", "mac_address", "calling_station_id", "station_mac"),
            "event", List.of("event", "result", "action", "status"),
            "lang", List.of("lang", "language", "accept_language", "locale"),
            "ssid", List.of("ssid"));

    private final Map<String, Integer> columns;
    private final String header;
    private final ZoneId zone;

    private PortalCsvParser(String header, Map<String, Integer> columns, ZoneId zone) {
        this.header = header;
        this.columns = columns;
        this.zone = zone;
    }

    /** A parser for this header line, or null if the line is no portal CSV header. */
    static PortalCsvParser forHeader(String line, ZoneId zone) {
        int comma = line.indexOf(',');
        // no column name holds a ':', which every syslog line has before its first comma: ruled out unsplit
        if (comma < 0 || line.lastIndexOf(':', comma) >= 0) {
            return null;
        }
        List<String> names = Csv.split(line);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Map.Entry<String, List<String>> a : ALIASES.entrySet()) {
                if (a.getValue().contains(n)) {
                    columns.putIfAbsent(a.getKey(), i);
                }
            }
        }
        boolean complete = columns.containsKey("ts") && columns.containsKey("mac") && columns.containsKey("event")
                && columns.containsKey("ap");
        return complete ? new PortalCsvParser(line, columns, zone) : null;
    }

    String header() {
        return header;
    }

    ParseResult parse(String line) {
        List<String> f = Csv.split(line);
        return PortalLoginParser.fromFields(name -> {
            Integer i = columns.get(name);
            return i == null || i >= f.size() ? null : f.get(i);
        }, zone);
    }
}
