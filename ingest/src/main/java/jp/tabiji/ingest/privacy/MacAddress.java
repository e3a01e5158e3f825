package jp.tabiji.ingest.privacy;

/**
 * A client or AP MAC address in canonical form: lower case, colon separated ({@code 06:fc:e4:4a:e5:05}).
 * Never put one in a log or an exception message: use {@link MacMasker}.
 */
public final class MacAddress {
    private final String canonical;

    private MacAddress(String canonical) {
        this.canonical = canonical;
    }

    /**
     * Parses the spellings vendors write: {@code 06:FC:E4:4A:E5:05}, {@code 06-fc-e4-4a-e5-05},
     * {@code 06fce44ae505} and Cisco's {@code 06fc.e44a.e505}.
     *
     * @throws IllegalArgumentException with a message that does not repeat the input
     */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing MAC address");
        }
        String s = text.trim();
        StringBuilder hex = new StringBuilder(12);
        if (s.length() == 17 && separatedEvery(s, 2, s.charAt(2)) && (s.charAt(2) == ':' || s.charAt(2) == '-')) {
            appendHex(hex, s, 2);
        } else if (s.length() == 14 && separatedEvery(s, 4, '.')) {
            appendHex(hex, s, 4);
        } else if (s.length() == 12) {
            appendHex(hex, s, 12);
        } else {
            throw new IllegalArgumentException("malformed MAC address");
        }
        if (hex.length() != 12) {
            throw new IllegalArgumentException("malformed MAC address");
        }
        StringBuilder c = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                c.append(':');
            }
            c.append(hex, i, i + 2);
        }
        return new MacAddress(c.toString());
    }

    private static boolean separatedEvery(String s, int group, char sep) {
        for (int i = group; i < s.length(); i += group + 1) {
            if (s.charAt(i) != sep) {
                return false;
            }
        }
        return true;
    }

    private static void appendHex(StringBuilder hex, String s, int group) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (group < 12 && (i + 1) % (group + 1) == 0) {
                continue;
            }
            if (Character.digit(ch, 16) < 0) {
                throw new IllegalArgumentException("malformed MAC address");
            }
            hex.append(Character.toLowerCase(ch));
        }
    }

    /** True for locally administered addresses, which is how randomized (private) MACs are marked. */
    public boolean isLocallyAdministered() {
        return (Integer.parseInt(canonical.substring(0, 2), 16) & 0x02) != 0;
    }

    /** The first {@code n} bytes, canonical form (e.g. to match a BSSID to its AP's base MAC). */
    public String prefix(int n) {
        return canonical.substring(0, n * 3 - 1);
    }

    public String canonical() {
        return canonical;
    }

    public static String canonicalOrNull(String text) {
        try {
            return parse(text).canonical();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && m.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Masked on purpose: a MAC must never end up in a log through string concatenation. */
    @Override
    public String toString() {
        return MacMasker.MASK;
    }
}
