package jp.tabiji.ingest.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import jp.tabiji.ingest.privacy.PseudonymPeriod;

/**
 * {@code tabiji simulate}: writes registry.csv, hostapd.log, portal.jsonl and truth.json for a Miyagi workload.
 * The logs carry what real ones do besides events: duplicated lines, malformed lines, other daemons' lines,
 * an AP missing from the registry.
 */
public final class WorkloadSimulator {
    /**
     * Simulation parameters.
     *
     * @param background steady passer-by traffic at every AP ({@link ApBackground}), as hotspot-health runs need
     * @param faults     outages, overloads and login bursts to inject (recorded in the truth with their alerts)
     * @param crowds     events' extra visitors to inject (recorded in the truth per site and day)
     */
    public record Options(int days, int devices, long seed, LocalDate start, ZoneId zone, PseudonymPeriod period,
                          boolean background, List<SimulatedFault> faults, Population population,
                          List<EventCrowd> crowds) {
        public Options(int days, int devices, long seed, LocalDate start, ZoneId zone, PseudonymPeriod period) {
            this(days, devices, seed, start, zone, period, false, List.of());
        }

        public Options(int days, int devices, long seed, LocalDate start, ZoneId zone, PseudonymPeriod period,
                       boolean background, List<SimulatedFault> faults) {
            this(days, devices, seed, start, zone, period, background, faults, Population.NONE, List.of());
        }

        public Options withPopulation(Population p) {
            return new Options(days, devices, seed, start, zone, period, background, faults, p, crowds);
        }

        public Options withCrowds(List<EventCrowd> c) {
            return new Options(days, devices, seed, start, zone, period, background, faults, population, List.copyOf(c));
        }
    }

    /**
     * Who else uses the Wi-Fi besides the {@code devices} tourists (LocalsModel): commuters, staff and residents,
     * and the tourists who look like them (onsen guests of several nights, stays of ten to fourteen days); and how
     * phones with private addresses rotate them (MacRotation).
     */
    public record Population(int commuters, int staff, int residents, int longStays, double dailyRotation,
                             double perConnectionRotation) {
        public static final Population NONE = new Population(0, 0, 0, 0, 0, 0);

        public Population(int commuters, int staff, int residents, int longStays) {
            this(commuters, staff, residents, longStays, 0, 0);
        }

        /** With phones that change their private address: a share daily, a share on every connection. */
        public Population withRotation(double daily, double perConnection) {
            return new Population(commuters, staff, residents, longStays, daily, perConnection);
        }
    }

    /** Device indexes of the locals start here, far from the tourists', the background's and the faults'. */
    static final int FIRST_LOCAL_INDEX = 30_000_000;

    /** What was written. */
    public record Summary(int devices, int visits, long hostapdLines, long portalLines) {
    }

    static final String UNREGISTERED_AP = "lobby-ap-unregistered";

    public Summary write(Options o, Path out) throws IOException {
        Files.createDirectories(out);
        MacRotation rotation = new MacRotation(o.seed(), o.population().dailyRotation(),
                o.population().perConnectionRotation());
        List<PlannedVisit> visits = new TouristModel(o.seed(), o.zone(), o.start(), o.days(), rotation)
                .plan(o.devices());
        visits.addAll(new LocalsModel(o.seed(), o.zone(), o.start(), o.days(), FIRST_LOCAL_INDEX, rotation)
                .plan(o.population()));
        if (o.background()) {
            visits.addAll(new ApBackground(o.seed(), o.zone()).plan(o.start(), o.days()));
        }
        visits.addAll(new EventCrowdModel(o.seed(), o.zone(), rotation).plan(o.crowds()));
        visits = new FaultInjector(o.seed(), o.zone()).apply(visits, o.faults());
        // what the crowds added, as the logs show it (a fault may silence some of it)
        List<PlannedVisit> crowds = visits.stream().filter(EventCrowdModel::ofACrowd).toList();
        Files.writeString(out.resolve("registry.csv"), MiyagiSites.registryCsv(), StandardCharsets.UTF_8);
        List<SimEvent> events = new ArrayList<>();
        visits.forEach(v -> events.addAll(v.events()));
        events.sort(Comparator.comparingLong(SimEvent::ts));
        SplittableRandom noise = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
        LogLineFormats formats = new LogLineFormats(o.zone());
        long hostapd = 0;
        long portal = 0;
        boolean unregisteredSeen = false;
        try (BufferedWriter h = Files.newBufferedWriter(out.resolve("hostapd.log"), StandardCharsets.UTF_8);
             BufferedWriter p = Files.newBufferedWriter(out.resolve("portal.jsonl"), StandardCharsets.UTF_8)) {
            for (SimEvent e : events) {
                boolean fromAp = e.kind() == SimEvent.Kind.CONNECT || e.kind() == SimEvent.Kind.DISCONNECT;
                if (fromAp) {
                    hostapd += writeWithNoise(h, formats.hostapd(e), noise);
                    if (noise.nextDouble() < 0.002) {
                        // the device also shows up briefly at an AP nobody registered: counted nowhere
                        hostapd += writeLine(h, formats.hostapd(new SimEvent(e.ts() + 1000, SimEvent.Kind.CONNECT,
                                UNREGISTERED_AP, e.device())));
                        unregisteredSeen = true;
                    }
                    if (noise.nextDouble() < 0.001) {
                        hostapd += writeLine(h, "<30>1 2026-01-01T00:00:00.000+09:00 " + e.apId()
                                + " dnsmasq-dhcp 812 - - DHCPACK(br-lan) 192.168.1.23 phone");
                    }
                } else {
                    portal += writeWithNoise(p, formats.portal(e, portalApRef(e, noise)), noise);
                }
            }
        }
        // a log's modification time is its last write: readers infer the year of RFC 3164 and Cisco times from it
        if (!events.isEmpty()) {
            FileTime last = FileTime.fromMillis(events.get(events.size() - 1).ts() + 60_000);
            Files.setLastModifiedTime(out.resolve("hostapd.log"), last);
            Files.setLastModifiedTime(out.resolve("portal.jsonl"), last);
        }
        GroundTruth truth = new GroundTruth(visits, o.zone(), o.period());
        writeTruth(out.resolve("truth.json"), o, truth, new GroundTruth(crowds, o.zone(), o.period()),
                unregisteredSeen);
        int devices = (int) visits.stream().map(v -> v.device().index()).distinct().count();
        return new Summary(devices, visits.size(), hostapd, portal);
    }

    /** The portal names the AP by id, by base MAC, or by the BSSID the phone associated with. */
    private static String portalApRef(SimEvent e, SplittableRandom noise) {
        double x = noise.nextDouble();
        if (x < 0.7) {
            return e.apId();
        }
        String base = MiyagiSites.accessPoints().stream().filter(a -> a.apId().equals(e.apId())).findFirst()
                .orElseThrow().apMac();
        return x < 0.85 ? base : base.substring(0, 16) + String.format(Locale.ROOT, "%x", 1 + noise.nextInt(15));
    }

    private static int writeWithNoise(BufferedWriter w, String line, SplittableRandom noise) throws IOException {
        int n = writeLine(w, line);
        double x = noise.nextDouble();
        if (x < 0.004) {
            n += writeLine(w, line); // duplicated by a relay
        } else if (x < 0.007) {
            n += writeLine(w, MalformedLines.corrupt(line, noise));
        }
        return n;
    }

    private static int writeLine(BufferedWriter w, String line) throws IOException {
        w.write(line);
        w.write('\n');
        return 1;
    }

    private static void writeTruth(Path file, Options o, GroundTruth truth, GroundTruth crowds,
                                   boolean unregisteredSeen) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("seed", o.seed());
        root.put("days", o.days());
        root.put("devices", o.devices());
        root.put("start", o.start().toString());
        root.put("zone", o.zone().getId());
        root.put("pseudonymPeriod", o.period().name().toLowerCase(Locale.ROOT));
        ArrayNode sd = root.putArray("visitorsBySiteDay");
        truth.visitorsBySiteDay().forEach(c -> sd.addObject().put("site_id", c.siteId()).put("day", c.day().toString())
                .put("visitors", c.visitors()));
        ArrayNode sdl = root.putArray("visitorsBySiteDayLang");
        truth.visitorsBySiteDayLang().forEach(c -> sdl.addObject().put("site_id", c.siteId())
                .put("day", c.day().toString()).put("lang", c.lang()).put("visitors", c.visitors()));
        // the rules of docs/SEGMENTS.md on the model's own visits, and how they fare against who people really are
        ArrayNode sds = root.putArray("visitorsBySiteDaySegment");
        truth.visitorsBySiteDaySegment().forEach(c -> sds.addObject().put("site_id", c.siteId())
                .put("day", c.day().toString()).put("segment", c.segment()).put("visitors", c.visitors()));
        ObjectNode confusion = root.putObject("segmentConfusion");
        truth.segmentConfusion().forEach((persona, segments) -> {
            ObjectNode row = confusion.putObject(persona.name().toLowerCase(Locale.ROOT));
            segments.forEach(row::put);
        });
        ObjectNode people1 = root.putObject("segmentConfusionByPerson");
        truth.personConfusion().forEach((persona, segments) -> {
            ObjectNode row = people1.putObject(persona.name().toLowerCase(Locale.ROOT));
            segments.forEach((segment, n) -> row.put(segment, Math.round(n * 1000) / 1000.0));
        });
        ObjectNode byKind = root.putObject("segmentConfusionBySiteKind");
        truth.confusionBySiteKind().forEach((kind, personas) -> {
            ObjectNode k = byKind.putObject(kind);
            personas.forEach((persona, segments) -> {
                ObjectNode row = k.putObject(persona.name().toLowerCase(Locale.ROOT));
                segments.forEach(row::put);
            });
        });
        ObjectNode bySegment = root.putObject("devicesBySegment");
        truth.devicesBySegment().forEach((period, segments) -> {
            ObjectNode row = bySegment.putObject(period);
            segments.forEach(row::put);
        });
        ArrayNode ds = root.putArray("deviceSegments");
        truth.deviceSegments().forEach(d -> ds.addObject().put("period", d.period()).put("first_site_id",
                d.firstSiteId()).put("first_start_ms", d.firstStartMs()).put("segment", d.segment()));
        // a phone that rotates its address is several devices of one person: how far device counts are from people
        ArrayNode people = root.putArray("devicesAndPeopleBySite");
        truth.peopleBySite().forEach(c -> people.addObject().put("site_id", c.siteId()).put("devices", c.devices())
                .put("people", c.people()));
        ArrayNode dl = root.putArray("visitorsByDayLang");
        truth.visitorsByDayLang().forEach(c -> dl.addObject().put("day", c.day().toString()).put("lang", c.lang())
                .put("visitors", c.visitors()));
        ArrayNode hl = root.putArray("visitorsByHourLang");
        truth.visitorsByHourLang().forEach(c -> hl.addObject().put("hour", c.hour()).put("lang", c.lang())
                .put("visitors", c.visitors()));
        ArrayNode dw = root.putArray("dwellBySite");
        truth.dwellBySite().forEach(d -> dw.addObject().put("site_id", d.siteId()).put("visits", d.visits())
                .put("median_dwell_s", d.medianDwellS()).put("p90_dwell_s", d.p90DwellS()));
        ArrayNode dh = root.putArray("dwellHistogram");
        truth.dwellHistogram().forEach(b -> dh.addObject().put("site_id", b.siteId()).put("bucket", b.bucket())
                .put("visits", b.visits()));
        ArrayNode rp = root.putArray("repeatBySite");
        truth.repeatBySite().forEach(r -> rp.addObject().put("site_id", r.siteId())
                .put("repeat_visitors", r.repeatVisitors()).put("visitors", r.visitors()));
        ArrayNode fl = root.putArray("flows");
        truth.flows().forEach(f -> fl.addObject().put("origin_site_id", f.origin())
                .put("destination_site_id", f.destination()).put("trips", f.trips()).put("travellers", f.travellers()));
        ArrayNode fll = root.putArray("flowsByLang");
        truth.flowsByLang().forEach(f -> fll.addObject().put("origin_site_id", f.origin())
                .put("destination_site_id", f.destination()).put("lang", f.lang()).put("trips", f.trips())
                .put("travellers", f.travellers()));
        root.put("background", o.background());
        writeCrowds(root.putArray("eventCrowds"), o.crowds(), crowds);
        ExpectedAlerts.write(root, o.faults(), unregisteredSeen ? List.of(UNREGISTERED_AP) : List.of());
        json.writeValue(file.toFile(), root);
    }

    /** Each injected crowd, and the devices it added to each site-day: the uplift an event's interval must hold. */
    private static void writeCrowds(ArrayNode out, List<EventCrowd> crowds, GroundTruth added) {
        for (EventCrowd c : crowds) {
            ObjectNode n = out.addObject().put("name", c.name()).put("from", c.from().toString())
                    .put("to", c.to().toString()).put("per_day", c.perDay()).put("next_site_id", c.next());
            c.sites().forEach(n.putArray("site_ids")::add);
            ArrayNode days = n.putArray("addedBySiteDay");
            added.visitorsBySiteDay().stream().filter(d -> c.sites().contains(d.siteId()) && !d.day().isBefore(c.from())
                    && !d.day().isAfter(c.to())).forEach(d -> days.addObject().put("site_id", d.siteId())
                    .put("day", d.day().toString()).put("visitors", d.visitors()));
        }
    }
}
