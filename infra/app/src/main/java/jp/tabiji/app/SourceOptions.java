package jp.tabiji.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.registry.ApRegistry;

/**
 * How to read log sources, shared by replay, parse and ingest: {@code --format}, {@code --ap ID} for lines that
 * name no AP, {@code --reference-time} for times logged without a year (default: each file's modification
 * time), the registry and the opt-out list ({@code --opt-out FILE} or TABIJI_OPT_OUT).
 */
record SourceOptions(LogFormat format, String defaultAp, Long referenceMs, ApRegistry registry, OptOutList optOut) {

    /**
     * @param referenceTime an ISO time with offset, or null for each file's modification time
     * @param optOutFile    the opt-out list, or null for none
     */
    static SourceOptions from(String formatName, String defaultAp, String referenceTime, String optOutFile,
                              ApRegistry registry) throws IOException {
        LogFormat format;
        try {
            format = LogFormat.parse(formatName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Long ref = null;
        if (referenceTime != null) {
            try {
                ref = OffsetDateTime.parse(referenceTime).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new UsageException("--reference-time must be an ISO time with offset, e.g. "
                        + "2026-11-29T12:00:00+09:00, not '" + referenceTime + "'");
            }
        }
        OptOutList optOut = optOutFile == null || optOutFile.isBlank() ? OptOutList.empty()
                : OptOutList.load(Path.of(optOutFile));
        return new SourceOptions(format, defaultAp, ref, registry, optOut);
    }

    SourceOptions withFormat(LogFormat f) {
        return new SourceOptions(f, defaultAp, referenceMs, registry, optOut);
    }

    static SourceOptions defaults(ApRegistry registry) {
        return new SourceOptions(LogFormat.AUTO, null, null, registry, OptOutList.empty());
    }

    /** The time that years are inferred against for this file. */
    long referenceTime(Path file) {
        if (referenceMs != null) {
            return referenceMs;
        }
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
