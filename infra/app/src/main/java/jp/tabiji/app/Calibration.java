package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.tabiji.analytics.catalogue.CaptureRate;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.ReferenceCounts;
import jp.tabiji.analytics.catalogue.Segment;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.registry.Csv;

/** `tabiji calibrate`: a site's reference counts into ClickHouse, and the capture rate they give. */
final class Calibration {
    private final AppConfig config;
    private final PrintStream out;

    Calibration(AppConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** @param segmentName the segment the counts are of, or null for all the site's visitors */
    int run(String site, String segmentName, Path file, String source, ApRegistry registry) throws Exception {
        if (registry.site(site).isEmpty()) {
            throw new UsageException("calibrate: " + site + " is not a site of the registry (--registry FILE)");
        }
        Segment segment = segmentName == null ? null : Segment.parse(segmentName);
        if (segmentName != null && (segment == null || segment == Segment.UNKNOWN
                || !config.segmentPeriod().segments().contains(segment))) {
            throw new UsageException("calibrate: --segment is one of visitor, commuter, staff, resident (and needs "
                    + "pseudonyms longer than a day), not " + segmentName);
        }
        Map<LocalDate, Long> counts = parse(file);
        ClickHouseHttp admin = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(admin).migrate();
        new ReferenceCounts(admin).record(site, segment, counts, source, Clock.systemUTC());
        MetricCatalogue stats = new ServeCommand(config, out).releasedCatalogue(new ClickHouseHttp(
                config.clickhouseUrl(), config.database(), ClickHouseHttp.READER), new Sites(registry), null);
        Optional<CaptureRate> rate = stats.captureRate(site, segment);
        String whose = segment == null ? site + "'s visitors" : site + "'s " + segment.label() + "s";
        out.printf("calibrate: %d reference days for %s stored (source: %s)%n", counts.size(),
                segment == null ? site : site + " (" + segment.label() + ")", source);
        if (rate.isEmpty()) {
            out.printf("calibrate: no capture rate yet: it needs %d days with both a reference count and a published "
                    + "visitor cell%n", CaptureRate.MIN_DAYS);
        } else {
            CaptureRate r = rate.get();
            out.printf(Locale.ROOT, "calibrate: the Wi-Fi sees %.1f %% of %s (%.0f %% interval %.1f–%.1f %%, "
                    + "from %d days)%n", 100 * r.rate(), whose, 100 * CaptureRate.LEVEL, 100 * r.rateLow(),
                    100 * r.rateHigh(), r.days());
        }
        return 0;
    }

    /** Lines {@code day,visitors}; a first line that is not a date is a header; a wrong line stops with its number. */
    static Map<LocalDate, Long> parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = (i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> f = Csv.split(line);
            try {
                LocalDate day = LocalDate.parse(f.get(0).trim());
                if (f.size() < 2) {
                    throw new UsageException(file + ":" + (i + 1) + ": expected day,visitors");
                }
                long n = Long.parseLong(f.get(1).trim());
                if (n < 0) {
                    throw new UsageException(file + ":" + (i + 1) + ": a count is never negative");
                }
                if (counts.put(day, n) != null) {
                    throw new UsageException(file + ":" + (i + 1) + ": " + day + " is counted twice");
                }
            } catch (DateTimeParseException e) {
                if (i > 0 || counts.size() > 0) {
                    throw new UsageException(file + ":" + (i + 1) + ": '" + f.get(0) + "' is not a date YYYY-MM-DD");
                }
            } catch (NumberFormatException e) {
                throw new UsageException(file + ":" + (i + 1) + ": the count is not a whole number");
            }
        }
        if (counts.isEmpty()) {
            throw new UsageException(file + ": no counts (lines day,visitors)");
        }
        return counts;
    }
}
