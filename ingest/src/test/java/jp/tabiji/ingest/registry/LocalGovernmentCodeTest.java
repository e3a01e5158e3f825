package jp.tabiji.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalGovernmentCodeTest {
    @Test
    void realCodesPassWithTheirCheckDigit() {
        // Miyagi Prefecture, Sendai, Natori, Shiogama (check digit 10 → 0), Ishinomaki, Sapporo (sum under 11), Tokyo
        for (String code : new String[] {"040002", "041009", "042072", "042030", "042021", "011002", "130001"}) {
            assertThat(LocalGovernmentCode.check(" " + code + " ")).isEqualTo(code);
        }
    }

    @Test
    void aWrongCheckDigitOrShapeIsRefusedSayingWhy() {
        assertThatThrownBy(() -> LocalGovernmentCode.check("040001"))
                .hasMessage("local government code 040001 has the wrong check digit (expected 040002)");
        assertThatThrownBy(() -> LocalGovernmentCode.check("04000"))
                .hasMessageContaining("six digits, not '04000'");
        assertThatThrownBy(() -> LocalGovernmentCode.check("04-002"))
                .hasMessageContaining("six digits, not '04?002'");
    }
}
