package jp.tabiji.web.opendata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.web.report.AuditLog;

/**
 * Publishing open data, for the CLI and the dashboard alike: builds a release from the released catalogue, keeps it
 * with {@link OpenDataReleases} and records who published it in the audit log.
 */
public final class OpenDataDesk {
    private final OpenDataBuilder builder;
    private final OpenDataReleases releases;
    private final AuditLog audit;

    public OpenDataDesk(MetricCatalogue catalogue, ApRegistry registry, Publisher publisher, OpenDataReleases releases,
                        AuditLog audit) {
        this.builder = new OpenDataBuilder(catalogue, registry, publisher);
        this.releases = releases;
        this.audit = audit;
    }

    /** What a publication did, and whether the range holds no whole month (so no language shares). */
    public record Outcome(OpenDataReleases.Published published, boolean noWholeMonth) {
    }

    /** @throws IllegalArgumentException for a range the catalogue refuses, saying why */
    public Outcome publish(String user, String via, LocalDate from, LocalDate to) throws IOException {
        OpenDataSet set = builder.build(from, to);
        OpenDataReleases.Published p = releases.publish(set);
        audit.published(user, via, p.range(), p.version(), p.created());
        return new Outcome(p, set.months().isEmpty());
    }

    public List<OpenDataReleases.Entry> list() throws IOException {
        return releases.list();
    }

    /** A published file, or null. */
    public Path file(String range, int version, String name) throws IOException {
        return releases.file(range, version, name);
    }
}
