package jp.tabiji.analytics.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import jp.tabiji.analytics.query.ResultTable;
import org.junit.jupiter.api.Test;

class ReleaseTest {
    private static final byte[] SECRET = "release-test-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyRowOfThePublishedTableHasMeanZeroAndStaysWithinD() {
        PerturbationTable table = new PerturbationTable();
        for (long v : new long[] {1, 2, 3, 10, 1000}) {
            double mean = 0;
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                int noise = table.noise(v, (i + 0.5) / n);
                assertThat(Math.abs(noise)).isLessThanOrEqualTo(PerturbationTable.MAX_NOISE);
                assertThat(v + noise).as("no count below 0").isNotNegative();
                mean += noise;
            }
            assertThat(mean / n).as("mean of the row for " + v).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(table.variance(v)).as("an attacker's error of one look, squared").isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void theSameContributorsGiveTheSameValueAndOtherSecretsOtherNoise() {
        Release a = Release.cellKey(SECRET, 10);
        Release b = Release.cellKey("another-release-secret".getBytes(StandardCharsets.UTF_8), 10);
        SplittableRandom rnd = new SplittableRandom(1);
        int differs = 0;
        int exact = 0;
        for (int i = 0; i < 2_000; i++) {
            long v = 1 + rnd.nextInt(40);
            long hash = rnd.nextLong();
            long p = a.perturb(v, hash);
            assertThat(a.perturb(v, hash)).isEqualTo(p);
            assertThat(Math.abs(p - v)).isLessThanOrEqualTo(2);
            differs += b.perturb(v, hash) != p ? 1 : 0;
            exact += p == v ? 1 : 0;
            Object shown = a.published(v, p);
            if (shown instanceof Long n) {
                assertThat(n).as("never 1..k-1").isGreaterThanOrEqualTo(10);
            } else {
                assertThat(shown).isSameAs(ResultTable.SUPPRESSED);
            }
        }
        assertThat(differs).as("the secret keys the noise").isGreaterThan(1_000);
        assertThat(exact / 2000.0).as("cells published exactly").isBetween(0.1, 0.3);
        assertThat(a.published(0, 0)).as("nobody: zero, not hidden").isEqualTo(0L);
        assertThatThrownBy(() -> Release.cellKey(new byte[4], 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExactReleaseSuppressesUnderKOnly() {
        Release exact = Release.exact(10);
        assertThat(exact.cell(9, 123)).isSameAs(ResultTable.SUPPRESSED);
        assertThat(exact.cell(10, 123)).isEqualTo(10L);
        assertThat(exact.latticeOnly()).isFalse();
    }
}
