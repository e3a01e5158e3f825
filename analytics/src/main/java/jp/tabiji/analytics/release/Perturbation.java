package jp.tabiji.analytics.release;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a count becomes before it is published: itself (the operators' exact tools), or its cell-key perturbation.
 * The cell key is HMAC-SHA256(release secret, the sum mod 2^64 of the contributors' record hashes): the same
 * contributors give the same key, so a cell has one value in every table, endpoint and file, and a replay or a
 * restart (which writes the same ids) changes none; without the secret nobody can tell the noise.
 */
public interface Perturbation {
    /** The count as it enters published values (and sums of them). */
    long perturb(long exact, long contributorHashSum);

    /** The largest |perturbed − exact| of one cell. */
    int maxNoise();

    /** Exact counts. */
    Perturbation NONE = new Perturbation() {
        @Override
        public long perturb(long exact, long contributorHashSum) {
            return exact;
        }

        @Override
        public int maxNoise() {
            return 0;
        }
    };

    /** The cell-key method with {@link PerturbationTable}, keyed by {@code secret} (never re-keyed once published). */
    static Perturbation cellKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the release secret must have at least 16 bytes");
        }
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        PerturbationTable table = new PerturbationTable();
        byte[] label = "tabiji-cell-key:".getBytes(StandardCharsets.US_ASCII);
        // one initialized Mac per thread: looking one up and keying it per cell cost more than the HMAC itself
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
        return new Perturbation() {
            @Override
            public long perturb(long exact, long contributorHashSum) {
                if (exact == 0) {
                    return 0; // no contributors, nobody to protect: an empty cell is not published at all
                }
                Mac mac = macs.get();
                mac.update(label);
                byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(contributorHashSum).array()); // and resets it
                long bits = ByteBuffer.wrap(h).getLong() >>> 11; // 53 bits: a double in [0, 1)
                return exact + table.noise(exact, bits / (double) (1L << 53));
            }

            @Override
            public int maxNoise() {
                return PerturbationTable.MAX_NOISE;
            }
        };
    }
}
