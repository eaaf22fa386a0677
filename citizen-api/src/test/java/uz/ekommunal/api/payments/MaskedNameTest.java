package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedNameTest {

    @Test
    void aNameShowsItsInitialsOnly() {
        assertThat(MaskedName.of("Karimova Dilnoza")).isEqualTo("K. D***");
        assertThat(MaskedName.of("  rashidov   anvar  olimovich ")).isEqualTo("R. A***");
        assertThat(MaskedName.of("Ёқубов Шерзод")).isEqualTo("Ё. Ш***");
        assertThat(MaskedName.of("TES")).isEqualTo("T***");
        assertThat(MaskedName.of("")).isEqualTo("***");
        assertThat(MaskedName.of(null)).isEqualTo("***");
    }
}
