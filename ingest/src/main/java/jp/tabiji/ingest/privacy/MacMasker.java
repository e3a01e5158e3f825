package jp.tabiji.ingest.privacy;

/**
 * Replaces every MAC-like token in free text (DLQ lines, log messages, errors, CLI output) with a fixed mask.
 *
 * <p>A scanner, not a regular expression, so that it runs in one pass over any input (a hostile 8 KB line costs what
 * a short one does per character). It reads runs of <em>hex groups</em> joined by separators, where a separator is
 * {@code :}, {@code -} or {@code .}, also URL-encoded ({@code %3A}, {@code %253A}, …) or JSON-escaped
 * ({@code \u003a}, …), and a group may carry a {@code 0x} prefix. A run is masked whole, with whatever word it is
 * glued to on either side, when it holds:
 * <ul>
 *   <li>five to eight consecutive groups of one or two hex digits with one kind of separator (colon, hyphen and dot
 *       spellings, and damaged ones: most of their bytes are still an address);</li>
 *   <li>three consecutive groups of four (Cisco {@code 06fc.e44a.e505}, Huawei {@code 06fc-e44a-e505}; IPv6
 *       addresses too, whose interface ids often embed the MAC);</li>
 *   <li>two consecutive groups of six ({@code 06fce4-4ae505});</li>
 *   <li>or one group of twelve hex digits (bare, {@code 0x}-prefixed, or after any word: up to fifteen).</li>
 * </ul>
 * Deliberately greedy: masking a harmless hex token is better than leaking an address. Pseudonymous device ids
 * (sixteen hex digits) and times ({@code 10:15:02.123}) are left alone.
 */
public final class MacMasker {
    public static final String MASK = "xx:xx:xx:xx:xx:xx";

    private static final String[] ENCODED_SEPARATORS = {"%3a", "%2d", "%2e", "%253a", "%252d", "%252e",
        "\\u003a", "\\u002d", "\\u002e"};

    private MacMasker() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isHex(text.charAt(i))) {
                i += escapeLength(text, i);
                continue;
            }
            int end = scanRun(text, i);
            if (end > 0) {
                int start = wordStart(text, i);
                int stop = wordEnd(text, end);
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, start).append(MASK);
                copied = stop;
                i = stop;
            } else {
                i = -end;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    public static boolean containsMacLike(String text) {
        return text != null && !mask(text).equals(text);
    }

    /**
     * Reads the run of hex groups starting at {@code from}: returns its end if it is MAC-like, else minus its end.
     * The windows see every stretch of consecutive groups, so no later part of a run that is not MAC-like is.
     */
    private static int scanRun(String s, int from) {
        int n = s.length();
        int i = from;
        Window pairs = new Window(1, 2, 5);
        Window quads = new Window(4, 4, 3);
        Window sixes = new Window(6, 6, 2);
        int kindBefore = -1;
        boolean macLike = false;
        while (true) {
            int g = i;
            if (g + 2 < n && s.charAt(g) == '0' && (s.charAt(g + 1) == 'x' || s.charAt(g + 1) == 'X')
                    && isHex(s.charAt(g + 2))) {
                g += 2;
            }
            int e = g;
            boolean letters = false;
            while (e < n && isHex(s.charAt(e))) {
                letters |= s.charAt(e) > '9';
                e++;
            }
            int len = e - g;
            macLike |= pairs.add(len) | quads.add(len) | sixes.add(len);
            // twelve digits, or up to three more glued to them by a word before or after (not a long decimal number:
            // epoch milliseconds are thirteen digits)
            macLike |= len == 12 || (len > 12 && len <= 15 && letters);
            int sepLen = e < n ? separatorLength(s, e) : 0;
            if (sepLen == 0 || e + sepLen >= n || !isHex(s.charAt(e + sepLen))) {
                return macLike ? e : -e;
            }
            int kind = separatorKind(s, e);
            if (kindBefore >= 0 && kind != kindBefore) {
                // another separator: the current group starts the windows afresh
                pairs.restart(len);
                quads.restart(len);
                sixes.restart(len);
            }
            kindBefore = kind;
            i = e + sepLen;
        }
    }

    /**
     * Consecutive groups of {@code min..max} hex digits, at least {@code count} of them; the first and the last may
     * carry up to three more digits glued on from the word beside the address ({@code sta06fc.e44a.e505}).
     */
    private static final class Window {
        private static final int GLUE = 3;
        private final int min;
        private final int max;
        private final int count;
        private int exact;
        private boolean gluedHead;

        Window(int min, int max, int count) {
            this.min = min;
            this.max = max;
            this.count = count;
        }

        boolean add(int len) {
            if (len >= min && len <= max) {
                exact++;
                return exact + (gluedHead ? 1 : 0) >= count;
            }
            boolean glued = len > max && len <= max + GLUE;
            boolean hit = glued && exact + (gluedHead ? 1 : 0) + 1 >= count;
            exact = 0;
            gluedHead = glued;
            return hit;
        }

        void restart(int len) {
            exact = len >= min && len <= max ? 1 : 0;
            gluedHead = len > max && len <= max + GLUE;
        }
    }

    /** A URL escape ({@code %20}) or JSON escape ({@code \u0020}) is one character between words, else 1. */
    private static int escapeLength(String s, int at) {
        char c = s.charAt(at);
        if (c == '%' && at + 2 < s.length() && isHex(s.charAt(at + 1)) && isHex(s.charAt(at + 2))) {
            return 3;
        }
        if (c == '\\' && at + 5 < s.length() && s.charAt(at + 1) == 'u' && isHex(s.charAt(at + 2))
                && isHex(s.charAt(at + 3)) && isHex(s.charAt(at + 4)) && isHex(s.charAt(at + 5))) {
            return 6;
        }
        return 1;
    }

    /** The separator at {@code at}: its length, or 0. */
    private static int separatorLength(String s, int at) {
        char c = s.charAt(at);
        if (c == ':' || c == '-' || c == '.') {
            return 1;
        }
        if (c == '%' || c == '\\') {
            for (String enc : ENCODED_SEPARATORS) {
                if (s.regionMatches(true, at, enc, 0, enc.length())) {
                    return enc.length();
                }
            }
        }
        return 0;
    }

    /** 0 colon, 1 hyphen, 2 dot, however spelled: the encoded forms all end in the character's hex code. */
    private static int separatorKind(String s, int at) {
        char c = s.charAt(at);
        if (c == ':' || c == '-' || c == '.') {
            return c == ':' ? 0 : c == '-' ? 1 : 2;
        }
        char last = Character.toLowerCase(s.charAt(at + separatorLength(s, at) - 1));
        return last == 'a' ? 0 : last == 'd' ? 1 : 2;
    }

    /** Masks the word a MAC is glued to as well: letters and digits directly before it. */
    private static int wordStart(String s, int at) {
        int i = at;
        while (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** After a MAC: a damaged last group (a separator and one or two letters or digits) and glued letters. */
    private static int wordEnd(String s, int at) {
        int i = at;
        int sep = i < s.length() ? separatorLength(s, i) : 0;
        if (sep > 0) {
            int j = i + sep;
            int k = j;
            while (k < s.length() && k - j < 3 && Character.isLetterOrDigit(s.charAt(k))) {
                k++;
            }
            if (k > j && k - j <= 2) {
                i = k;
            }
        }
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
