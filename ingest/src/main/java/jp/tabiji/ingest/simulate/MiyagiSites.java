package jp.tabiji.ingest.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.OpenHours;
import jp.tabiji.ingest.registry.Site;

/** A dozen real tourist sites of Miyagi Prefecture, with real coordinates, and their access points. */
public final class MiyagiSites {
    /** A site of the simulated region; {@code hub} sites are where day trips start. */
    public record SiteSpec(String id, String nameJa, String nameEn, String area, double lat, double lon, int aps,
                           boolean hub) {
    }

    public static final List<SiteSpec> SITES = List.of(
            new SiteSpec("sendai-station", "仙台駅", "Sendai Station", "Sendai", 38.2601, 140.8822, 4, true),
            new SiteSpec("sendai-airport", "仙台空港", "Sendai Airport", "Natori", 38.1397, 140.9170, 3, true),
            new SiteSpec("zuihoden", "瑞鳳殿", "Zuihoden Mausoleum", "Sendai", 38.2510, 140.8790, 2, false),
            new SiteSpec("aoba-castle", "仙台城跡（青葉城址）", "Aoba Castle Ruins", "Sendai", 38.2527, 140.8560, 3, false),
            new SiteSpec("jozenji-dori", "定禅寺通", "Jozenji-dori Avenue", "Sendai", 38.2650, 140.8700, 2, false),
            new SiteSpec("matsushima", "松島海岸", "Matsushima Bay", "Matsushima", 38.3693, 141.0630, 4, false),
            new SiteSpec("zuiganji", "瑞巌寺", "Zuiganji Temple", "Matsushima", 38.3717, 141.0597, 2, false),
            new SiteSpec("shiogama", "鹽竈神社", "Shiogama Shrine", "Shiogama", 38.3196, 141.0143, 2, false),
            new SiteSpec("akiu-onsen", "秋保温泉", "Akiu Onsen", "Sendai", 38.2260, 140.7170, 3, false),
            new SiteSpec("zao-okama", "蔵王 御釜", "Zao Okama Crater", "Zao", 38.1366, 140.4490, 2, false),
            new SiteSpec("naruko-onsen", "鳴子温泉", "Naruko Onsen", "Osaki", 38.7405, 140.7225, 3, false),
            new SiteSpec("ishinomaki", "石ノ森萬画館", "Ishinomori Manga Museum", "Ishinomaki", 38.4300, 141.3090, 2,
                    false));

    /** The free Wi-Fi's SSID at every simulated site. */
    public static final String SSID = "Miyagi_Free_Wi-Fi";

    /** Where each site stands: its municipality's 全国地方公共団体コード and its address (for the open-data AP list). */
    static final Map<String, String[]> PLACES = Map.ofEntries(
            Map.entry("sendai-station", new String[] {"041009", "宮城県仙台市青葉区中央一丁目1-1"}),
            Map.entry("sendai-airport", new String[] {"042072", "宮城県名取市下増田字南原"}),
            Map.entry("zuihoden", new String[] {"041009", "宮城県仙台市青葉区霊屋下23-2"}),
            Map.entry("aoba-castle", new String[] {"041009", "宮城県仙台市青葉区川内1"}),
            Map.entry("jozenji-dori", new String[] {"041009", "宮城県仙台市青葉区国分町三丁目"}),
            Map.entry("matsushima", new String[] {"044016", "宮城県宮城郡松島町松島字町内"}),
            Map.entry("zuiganji", new String[] {"044016", "宮城県宮城郡松島町松島字町内91"}),
            Map.entry("shiogama", new String[] {"042030", "宮城県塩竈市一森山1-1"}),
            Map.entry("akiu-onsen", new String[] {"041009", "宮城県仙台市太白区秋保町湯元"}),
            Map.entry("zao-okama", new String[] {"043010", "宮城県刈田郡蔵王町遠刈田温泉倉石岳国有林内"}),
            Map.entry("naruko-onsen", new String[] {"042153", "宮城県大崎市鳴子温泉"}),
            Map.entry("ishinomaki", new String[] {"042021", "宮城県石巻市中瀬2-7"}));

    private MiyagiSites() {
    }

    /** Each site's APs: ids {@code <site>-apNN}, base MACs on a fixed vendor prefix with the low nibble free for BSSIDs. */
    public static List<AccessPoint> accessPoints() {
        List<AccessPoint> aps = new ArrayList<>();
        for (int s = 0; s < SITES.size(); s++) {
            SiteSpec site = SITES.get(s);
            for (int a = 0; a < site.aps(); a++) {
                String mac = String.format(Locale.ROOT, "00:1a:1e:%02x:%02x:%02x", s + 1, a + 1, 0x10);
                aps.add(new AccessPoint(String.format(Locale.ROOT, "%s-ap%02d", site.id(), a + 1), mac, site.id(),
                        site.nameJa(), site.nameEn(), site.area(), site.lat(), site.lon(), capacity(site, a),
                        SegmentRules.LODGING.contains(site.id()) ? Site.LODGING : null, OpenHours.DEFAULT,
                        jp.tabiji.ingest.registry.ClosedDays.NONE,
                        new AccessPoint.Place(PLACES.get(site.id())[0], PLACES.get(site.id())[1], SSID)));
            }
        }
        return aps;
    }

    /** Clients an AP is built for: station and airport APs more than those at the sights, not all alike. */
    static int capacity(SiteSpec site, int apIndex) {
        return (site.hub() ? 250 : 150) + 10 * (apIndex % 2);
    }

    public static String registryCsv() {
        StringBuilder sb = new StringBuilder(
                "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,capacity,site_kind,open_hours,closed,"
                        + "municipal_code,address,ssid\n");
        for (AccessPoint ap : accessPoints()) {
            sb.append(String.join(",", ap.apId(), ap.apMac(), ap.siteId(), ap.siteNameJa(), ap.siteNameEn(), ap.area(),
                    Double.toString(ap.lat()), Double.toString(ap.lon()), Integer.toString(ap.capacity()),
                    ap.siteKind() == null ? "" : ap.siteKind(), ap.openHours().toString(), ap.closed().toString(),
                    ap.place().municipalCode(), ap.place().address(), ap.place().ssid())).append('\n');
        }
        return sb.toString();
    }
}
