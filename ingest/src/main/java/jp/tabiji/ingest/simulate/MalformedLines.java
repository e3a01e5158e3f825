package jp.tabiji.ingest.simulate;

import java.util.SplittableRandom;

/** Damaged copies of good lines, as relays and disks produce them; every one must be rejected, none may crash. */
final class MalformedLines {
    private MalformedLines() {
    }

    static String corrupt(String line, SplittableRandom rnd) {
        boolean json = line.startsWith("{");
        return switch (rnd.nextInt(4)) {
            // cut before the end of the MAC, which closes the line in both formats
            case 0 -> line.substring(0, json ? line.indexOf("\"mac\"") + 12 : line.length() - 4);
            case 1 -> json ? line.replaceFirst("\"ts\":\"[^\"]+\"", "\"ts\":\"yesterday\"")
                    : line.replaceFirst(" \\d{4}-\\d\\d-\\d\\dT", " 2026-13-45T");
            case 2 -> json ? line.replaceFirst("\"mac\":\"[^\"]+\"", "\"mac\":\"zz-zz-zz-zz-zz-zz\"")
                    : line.substring(0, line.lastIndexOf(' ') + 1) + "zz:zz:zz:zz:zz:zz";
            default -> "\u0000\u0007garbled " + line.substring(0, Math.min(20, line.length()));
        };
    }
}
