package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.reading.Protocol;

/** Text PostgreSQL takes whatever a meter sent; the raw bytes stay as they came. */
class SafeTextTest {

    @Test
    void nulAndLoneSurrogatesBecomeReplacementCharactersAndPairsSurvive() {
        assertThat(SafeText.of("1-0:1.8.0\u0000", 100)).isEqualTo("1-0:1.8.0\uFFFD");
        assertThat(SafeText.of("a\uD800b\uDC00c", 100)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(SafeText.of("meter \uD83D\uDD0C", 100)).isEqualTo("meter \uD83D\uDD0C");
        assertThat(SafeText.of(null, 10)).isNull();
    }

    @Test
    void longTextIsCutWithoutSplittingAPair() {
        assertThat(SafeText.of("x".repeat(1_000_000), 2_000)).hasSize(2_001).endsWith("x\u2026");
        assertThat(SafeText.of("ab\uD83D\uDD0C", 3)).isEqualTo("ab\u2026");
    }

    @Test
    void aQuarantineEntryIsStorableWhateverItQuotesAndKeepsItsBytes() {
        byte[] raw = {0, (byte) 0xff, 'x'};
        QuarantineEntry entry = new QuarantineEntry(Instant.EPOCH, Protocol.MQTT, "meters/E1\u0000/readings",
                "unknown_register", "unknown register '1-0:1.8.0\u0000' " + "y".repeat(10_000), raw);
        assertThat(entry.source()).doesNotContain("\u0000");
        assertThat(entry.detail()).doesNotContain("\u0000").hasSize(QuarantineEntry.MAX_DETAIL + 1);
        assertThat(entry.payload()).isEqualTo(raw);
    }
}
