package jp.tabiji.ingest.privacy;

import java.util.regex.Pattern;

/** Replaces every MAC-like token in free text (DLQ lines, log messages, errors) with a fixed mask. */
public final class MacMasker {
    public static final String MASK = "xx:xx:xx:xx:xx:xx";

    /**
     * Six hex pairs separated by ':' or '-' (any case), Cisco dotted triples, and bare 12-hex-digit tokens; also
     * damaged ones (five to eight groups, a bad last group) since most of their bytes are still an address.
     * Deliberately greedy: masking a harmless hex token is better than leaking an address.
     */
    private static final Pattern MAC_LIKE = Pattern.compile(
            "(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{1,2}[:-]){4,7}[0-9A-Za-z]{1,2}(?![0-9A-Za-z])"
                    + "|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f])"
                    + "|(?<![0-9A-Za-z])[0-9A-Fa-f]{12}(?![0-9A-Za-z])");

    private MacMasker() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return MAC_LIKE.matcher(text).replaceAll(MASK);
    }

    public static boolean containsMacLike(String text) {
        return text != null && MAC_LIKE.matcher(text).find();
    }
}
