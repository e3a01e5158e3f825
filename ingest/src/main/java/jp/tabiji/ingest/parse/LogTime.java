package jp.tabiji.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
        // the offset straight from the zone rules is much cheaper than a ZonedDateTime; gaps and overlaps
        // (daylight saving changes) take the general path
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return (local.toEpochSecond(offsets.get(0))) * 1000 + nanos / 1_000_000;
        }
        return local.atZone(zone).toInstant().toEpochMilli();
    }

    /**
     * Epoch millis of an RFC 3339 time ({@code 2026-11-03T10:15:02.123+09:00}, {@code ...Z}), read without the
     * java.time parser on the common shapes (it is the hottest step of parsing syslog); null if not RFC 3339.
     */
    static Long rfc3339(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long secs = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return secs * 1000 + millis;
    }

    /** The non-negative number written by {@code len} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
