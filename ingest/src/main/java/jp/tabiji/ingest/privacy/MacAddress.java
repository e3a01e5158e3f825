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
        String c = canonicalize(text);
        if (c == null) {
            throw new IllegalArgumentException(text == null ? "missing MAC address" : "malformed MAC address");
        }
        return new MacAddress(c);
    }

    /** The canonical spelling, or null if the text is no MAC address (no exception: unknown AP names are common). */
    private static String canonicalize(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int n = s.length();
        int group;
        if (n == 17) {
            char sep = s.charAt(2);
            if (sep != ':' && sep != '-') {
                return null;
            }
            group = 2;
        } else if (n == 14) {
            group = 4;
        } else if (n == 12) {
            group = 12;
        } else {
            return null;
        }
        char sep = group == 2 ? s.charAt(2) : '.';
        char[] out = new char[17];
        int hex = 0;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (group < 12 && (i + 1) % (group + 1) == 0) {
                if (ch != sep) {
                    return null;
                }
                continue;
            }
            int d = Character.digit(ch, 16);
            if (d < 0) {
                return null;
            }
            int pos = hex + hex / 2; // room for the colons
            out[pos] = Character.forDigit(d, 16);
            if (hex % 2 == 1 && hex < 11) {
                out[pos + 1] = ':';
            }
            hex++;
        }
        return hex == 12 ? new String(out) : null;
    }

    /** True for locally administered addresses, which is how randomized (private) MACs are marked. */
    public boolean isLocallyAdministered() {
        return (Integer.parseInt(canonical.substring(0, 2), 16) & 0x02) != 0;
    }

    /**
     * Why this address cannot be a client device, or null if it can: all zeros (what controllers log when they
     * do not know the client), broadcast, or any group address (bit 0x01 of the first byte, multicast). A
     * locally administered address (bit 0x02, a randomized phone) is a device.
     */
    public String notAClientReason() {
        if (canonical.equals("00:00:00:00:00:00")) {
            return "client MAC is all zeros (no device)";
        }
        if (canonical.equals("ff:ff:ff:ff:ff:ff")) {
            return "client MAC is the broadcast address (no device)";
        }
        if ((Integer.parseInt(canonical.substring(0, 2), 16) & 0x01) != 0) {
            return "client MAC is a multicast (group) address (no device)";
        }
        return null;
    }

    /** The first {@code n} bytes, canonical form (e.g. to match a BSSID to its AP's base MAC). */
    public String prefix(int n) {
        return canonical.substring(0, n * 3 - 1);
    }

    public String canonical() {
        return canonical;
    }

    public static String canonicalOrNull(String text) {
        return canonicalize(text);
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
