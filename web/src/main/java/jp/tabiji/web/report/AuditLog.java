package jp.tabiji.web.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who exported or published what, or changed which event, and when: one JSON line each, appended, never rewritten.
 */
public final class AuditLog {
    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public synchronized void exported(String user, String via, String format, ReportLanguage lang, LocalDate from,
                                      LocalDate to) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", clock.instant().toString());
        entry.put("user", user);
        entry.put("via", via);
        entry.put("what", "report");
        entry.put("format", format);
        entry.put("lang", lang.name().toLowerCase(java.util.Locale.ROOT));
        entry.put("from", from.toString());
        entry.put("to", to.toString());
        append(entry);
    }

    /** An open-data release published (or found already published: {@code created} false). */
    public synchronized void published(String user, String via, String range, int version, boolean created) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", clock.instant().toString());
        entry.put("user", user);
        entry.put("via", via);
        entry.put("what", "opendata");
        entry.put("range", range);
        entry.put("version", version);
        entry.put("created", created);
        append(entry);
    }

    /** An event marked ({@code e} its days and sites) or removed ({@code e} null). */
    public synchronized void eventChanged(String user, String via, String action, String name,
                                          jp.tabiji.analytics.catalogue.EventCalendar.Event e) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", clock.instant().toString());
        entry.put("user", user);
        entry.put("via", via);
        entry.put("what", "event");
        entry.put("action", action);
        entry.put("name", name);
        if (e != null) {
            entry.put("from", e.from().toString());
            entry.put("to", e.to().toString());
            entry.put("sites", e.sites());
        }
        append(entry);
    }

    private void append(Map<String, Object> entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                // who exported what is personal data of the staff: readable by the server's user only
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(file, (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }
}
