package jp.tabiji.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** Times as devices write them: month names, no year (RFC 3164), zone abbreviations or none. */
final class LogTime {
    private static final long DAY_MS = 86_400_000L;
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private LogTime() {
    }

    /** 1..12 for an English month abbreviation (any case), else -1. */
    static int month(String abbrev) {
        if (abbrev.length() != 3) {
            return -1;
        }
        int i = MONTHS.indexOf(abbrev.toLowerCase(Locale.ROOT));
        return i >= 0 && i % 3 == 0 ? i / 3 + 1 : -1;
    }

    /**
     * A time logged without a year: the year that puts it closest to {@code referenceMs}, never more than a day
     * after it. Null when no year makes it a real date (e.g. Feb 30) or every candidate is too far ahead.
     */
    static Long withInferredYear(int month, int day, int hour, int minute, int second, int nanos, ZoneId zone,
                                 long referenceMs) {
        int refYear = Instant.ofEpochMilli(referenceMs).atZone(zone).getYear();
        Long best = null;
        for (int year = refYear - 1; year <= refYear + 1; year++) {
            Long t = at(year, month, day, hour, minute, second, nanos, zone);
            if (t == null || t > referenceMs + DAY_MS) {
                continue;
            }
            if (best == null || Math.abs(t - referenceMs) < Math.abs(best - referenceMs)) {
                best = t;
            }
        }
        return best;
    }

    /** Epoch millis of a local time, or null if the date does not exist. */
    static Long at(int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant()
                    .toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Nanoseconds of a fraction written as digits after the point ("123" → 123 ms); null → 0. */
    static int nanos(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String f = fraction.length() > 9 ? fraction.substring(0, 9) : fraction;
        return Integer.parseInt(f) * (int) Math.pow(10, 9 - f.length());
    }

    /** A zone abbreviation as devices print it (JST, UTC, KST...), or {@code dflt} when absent or unknown. */
    static ZoneId zone(String abbrev, ZoneId dflt) {
        if (abbrev == null || abbrev.isEmpty()) {
            return dflt;
        }
        String a = abbrev.toUpperCase(Locale.ROOT);
        switch (a) {
            case "UTC", "GMT", "Z", "UT" -> {
                return ZoneOffset.UTC;
            }
            case "JST" -> {
                return ZoneId.of("Asia/Tokyo");
            }
            case "KST" -> {
                return ZoneId.of("Asia/Seoul");
            }
            default -> {
                try {
                    return ZoneId.of(a, ZoneId.SHORT_IDS);
                } catch (DateTimeException e) {
                    return dflt;
                }
            }
        }
    }
}
