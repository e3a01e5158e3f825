package jp.tabiji.ingest.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * The AP registry (DESIGN.md): CSV {@code ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon} and optional
 * columns after these, named in the header: {@code capacity} (clients the AP is built for), {@code site_kind}
 * ({@code lodging} for hotels and onsen resorts), {@code open_hours} ({@code HH:MM-HH:MM}) and {@code closed} (the
 * days the site is closed, {@link ClosedDays}, e.g. {@code mon+ 12-29..01-03}), and for the open-data AP list
 * {@code municipal_code} (全国地方公共団体コード, checked), {@code address} and {@code ssid}; without a header the
 * ninth column is the capacity. Logs name an AP by id, base MAC, or a BSSID sharing the base MAC's first five bytes.
 */
public final class ApRegistry {
    static final String HEADER = "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon";

    private final Map<String, AccessPoint> byId = new LinkedHashMap<>();
    private final Map<String, AccessPoint> byMac = new HashMap<>();
    private final Map<String, AccessPoint> byMacPrefix = new HashMap<>();
    private final Map<String, Site> sites = new LinkedHashMap<>();

    public ApRegistry(Collection<AccessPoint> aps) {
        for (AccessPoint ap : aps) {
            if (byId.put(ap.apId().toLowerCase(Locale.ROOT), ap) != null) {
                throw new IllegalArgumentException("duplicate ap_id " + ap.apId());
            }
            if (ap.apMac() != null) {
                MacAddress mac = MacAddress.parse(ap.apMac());
                byMac.put(mac.canonical(), ap);
                byMacPrefix.putIfAbsent(mac.prefix(5), ap);
            }
            sites.putIfAbsent(ap.siteId(), new Site(ap.siteId(), ap.siteNameJa(), ap.siteNameEn(), ap.area(),
                    ap.lat(), ap.lon(), ap.siteKind(), ap.openHours(), ap.closed()));
        }
    }

    public static ApRegistry empty() {
        return new ApRegistry(List.of());
    }

    public static ApRegistry load(Path csv) throws IOException {
        return parse(Files.readAllLines(csv, StandardCharsets.UTF_8), csv.toString());
    }

    public static ApRegistry parse(List<String> lines, String name) {
        List<AccessPoint> aps = new ArrayList<>();
        List<String> optional = List.of("capacity");
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = lineNo == 1 ? raw.replace("\uFEFF", "") : raw;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (lineNo == 1 && line.startsWith("ap_id,")) {
                if (!line.startsWith(HEADER)) {
                    throw new IllegalArgumentException(name + ": header must start with " + HEADER);
                }
                optional = Csv.split(line).subList(8, Csv.split(line).size()).stream().map(String::trim).toList();
                continue;
            }
            List<String> f = Csv.split(line);
            if (f.size() < 8) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": expected at least 8 columns, found " + f.size());
            }
            try {
                String capacity = optionalColumn(f, optional, "capacity");
                String kind = optionalColumn(f, optional, "site_kind");
                if (kind != null && !kind.equals(Site.LODGING)) {
                    throw new IllegalArgumentException("site_kind must be empty or " + Site.LODGING + ", not '" + kind + "'");
                }
                aps.add(new AccessPoint(f.get(0).trim(), f.get(1).isBlank() ? null : f.get(1).trim(), f.get(2).trim(),
                        f.get(3), f.get(4), f.get(5), Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)),
                        capacity == null ? null : Integer.valueOf(capacity), kind,
                        OpenHours.parse(optionalColumn(f, optional, "open_hours")),
                        ClosedDays.parse(optionalColumn(f, optional, "closed")),
                        new AccessPoint.Place(optionalColumn(f, optional, "municipal_code"),
                                optionalColumn(f, optional, "address"), optionalColumn(f, optional, "ssid"))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new ApRegistry(aps);
    }

    /** An optional column's trimmed value in a row, or null where the row has none or it is blank. */
    private static String optionalColumn(List<String> row, List<String> optional, String column) {
        int i = optional.indexOf(column);
        if (i < 0 || row.size() <= 8 + i || row.get(8 + i).isBlank()) {
            return null;
        }
        return row.get(8 + i).trim();
    }

    /** Resolves an AP named by id, base MAC or BSSID. */
    public Optional<AccessPoint> resolve(String apRef) {
        if (apRef == null) {
            return Optional.empty();
        }
        AccessPoint ap = byId.get(apRef.toLowerCase(Locale.ROOT));
        if (ap != null) {
            return Optional.of(ap);
        }
        String mac = MacAddress.canonicalOrNull(apRef);
        if (mac == null) {
            return Optional.empty();
        }
        ap = byMac.get(mac);
        return Optional.ofNullable(ap != null ? ap : byMacPrefix.get(mac.substring(0, 14)));
    }

    public Collection<AccessPoint> accessPoints() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public Map<String, Site> sites() {
        return Collections.unmodifiableMap(sites);
    }

    public Optional<Site> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
