package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.registry.Site;

/** The registry's sites and areas: what filters may name, and how sites roll up into areas. */
public final class Sites {
    private final Map<String, Site> byId;
    private final Map<String, Long> apsPerSite = new TreeMap<>();

    public Sites(ApRegistry registry) {
        this.byId = new TreeMap<>(registry.sites());
        registry.accessPoints().forEach(ap -> apsPerSite.merge(ap.siteId(), 1L, Long::sum));
    }

    public Collection<Site> all() {
        return byId.values();
    }

    public java.util.Optional<Site> site(String siteId) {
        return java.util.Optional.ofNullable(byId.get(siteId));
    }

    public boolean has(String siteId) {
        return byId.containsKey(siteId);
    }

    public boolean hasArea(String area) {
        return byId.values().stream().anyMatch(s -> s.area().equals(area));
    }

    public String areaOf(String siteId) {
        Site s = byId.get(siteId);
        return s == null ? "" : s.area();
    }

    public List<String> sitesIn(String area) {
        List<String> ids = new ArrayList<>();
        byId.values().stream().filter(s -> s.area().equals(area)).forEach(s -> ids.add(s.siteId()));
        return ids;
    }

    public TreeSet<String> areas() {
        TreeSet<String> areas = new TreeSet<>();
        byId.values().forEach(s -> areas.add(s.area()));
        return areas;
    }

    public long accessPoints(String siteId) {
        return apsPerSite.getOrDefault(siteId, 0L);
    }
}
