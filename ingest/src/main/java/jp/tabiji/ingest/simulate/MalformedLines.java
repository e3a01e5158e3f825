package jp.tabiji.ingest.simulate;

import java.util.SplittableRandom;

/** Damaged copies of good lines, as relays and disks produce them; every one must be rejected, none may crash. */
final class MalformedLines {
    private MalformedLines() {
    }

    /** Client MACs that name no device: a controller's "unknown", broadcast, IPv4 and IPv6 multicast. */
    private static final String[] NO_DEVICE = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:fb",
        "33:33:00:00:00:01"};

    static String corrupt(String line, SplittableRandom rnd) {
        boolean json = line.startsWith("{");
        return switch (rnd.nextInt(5)) {
            // cut before the end of the MAC, which closes the line in both formats
            case 0 -> line.substring(0, json ? line.indexOf("\"mac\"") + 12 : line.length() - 4);
            case 1 -> json ? line.replaceFirst("\"ts\":\"[^\"]+\"", "\"ts\":\"yesterday\"")
                    : line.replaceFirst("(^|(?<= ))\\d{4}-\\d\\d-\\d\\dT", "2026-13-45T"); // at the start or after "<30>1 "
            case 2 -> json ? line.replaceFirst("\"mac\":\"[^\"]+\"", "\"mac\":\"zz-zz-zz-zz-zz-zz\"")
                    : line.substring(0, line.lastIndexOf(' ') + 1) + "zz:zz:zz:zz:zz:zz";
            case 3 -> {
                String mac = NO_DEVICE[rnd.nextInt(NO_DEVICE.length)];
                yield json ? line.replaceFirst("\"mac\":\"[^\"]+\"", "\"mac\":\"" + mac + "\"")
                        : line.substring(0, line.lastIndexOf(' ') + 1) + mac;
            }
            default -> "\u0000\u0007garbled " + line.substring(0, Math.min(20, line.length()));
        };
    }
}
