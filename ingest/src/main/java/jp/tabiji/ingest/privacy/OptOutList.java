package jp.tabiji.ingest.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MACs whose owners asked not to be counted. The file lists one MAC per line in any spelling ({@code #} starts a
 * comment). Each address is hashed with a key made at random for this process as it is read, so the raw list is
 * never held in memory; a lookup hashes the candidate the same way. Not thread-safe.
 */
public final class OptOutList {
    private static final String HMAC = "HmacSHA256";
    private final Mac mac;
    private final Set<String> hashes = new HashSet<>();

    private OptOutList() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public static OptOutList empty() {
        return new OptOutList();
    }

    /** Loads the list; a line that is no MAC address fails the load with its line number (not its content). */
    public static OptOutList load(Path file) throws IOException {
        OptOutList list = new OptOutList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).replace("\uFEFF", "").trim();
                if (s.isEmpty()) {
                    continue;
                }
                try {
                    list.hashes.add(list.hash(MacAddress.parse(s)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a MAC address");
                }
            }
        }
        return list;
    }

    public boolean contains(MacAddress address) {
        return !hashes.isEmpty() && hashes.contains(hash(address));
    }

    public int size() {
        return hashes.size();
    }

    private String hash(MacAddress address) {
        byte[] d = mac.doFinal(address.canonical().getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }
}
