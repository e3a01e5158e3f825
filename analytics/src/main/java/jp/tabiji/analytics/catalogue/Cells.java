package jp.tabiji.analytics.catalogue;

/** Parsing of the exact rows: counts are decimal, contributor hash sums unsigned 64-bit. */
final class Cells {
    private Cells() {
    }

    static long count(String s) {
        return Long.parseLong(s);
    }

    static long hash(String s) {
        return Long.parseUnsignedLong(s);
    }
}
