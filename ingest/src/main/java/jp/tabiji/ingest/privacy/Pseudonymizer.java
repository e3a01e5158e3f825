package jp.tabiji.ingest.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * deviceId = first 16 hex digits of HMAC-SHA256(periodKey, mac), periodKey = HMAC-SHA256(secret, "tabiji:" + period).
 * Exactly DESIGN.md's definition, so ids agree across processes that share the secret. Not thread-safe.
 */
public final class Pseudonymizer {
    private static final String HMAC = "HmacSHA256";
    private static final int MAX_CACHED_PERIODS = 64;

    private final Mac secretMac;
    private final PseudonymPeriod period;
    private final ZoneId zone;
    private final Map<String, Mac> periodMacs = new HashMap<>();
    private long labelFrom = Long.MAX_VALUE;
    private long labelTo = Long.MIN_VALUE;
    private String cachedLabel;

    public Pseudonymizer(byte[] secret, PseudonymPeriod period, ZoneId zone) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the pseudonym secret is empty");
        }
        this.secretMac = newMac(secret);
        this.period = period;
        this.zone = zone;
    }

    /** The secret as configured: a file's content loses its trailing newline (DESIGN.md). */
    public static byte[] secretFromText(String text) {
        String s = text;
        while (s.endsWith("\n") || s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public String deviceId(MacAddress mac, long epochMillis) {
        return deviceId(mac, label(epochMillis));
    }

    /** The period label of a time; the current period's bounds are kept, as events mostly fall in one. */
    private String label(long epochMillis) {
        if (epochMillis >= labelFrom && epochMillis < labelTo) {
            return cachedLabel;
        }
        var local = Instant.ofEpochMilli(epochMillis).atZone(zone);
        cachedLabel = period.label(local);
        var start = period.start(local);
        labelFrom = start.toInstant().toEpochMilli();
        labelTo = period.next(start).toInstant().toEpochMilli();
        return cachedLabel;
    }

    public String deviceId(MacAddress mac, String periodLabel) {
        Mac m = periodMacs.get(periodLabel);
        if (m == null) {
            if (periodMacs.size() >= MAX_CACHED_PERIODS) {
                periodMacs.clear();
            }
            byte[] periodKey = secretMac.doFinal(("tabiji:" + periodLabel).getBytes(StandardCharsets.UTF_8));
            m = newMac(periodKey);
            periodMacs.put(periodLabel, m);
        }
        byte[] digest = m.doFinal(mac.canonical().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
