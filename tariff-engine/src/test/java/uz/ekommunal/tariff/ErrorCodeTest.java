package uz.ekommunal.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void numbersAreUnique() {
        long distinct = Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::number).distinct().count();
        assertThat(distinct).isEqualTo(ErrorCode.values().length);
    }

    @Test
    void exceptionNamesTheFieldAndCode() {
        TariffException e = new TariffException(ErrorCode.UNKNOWN_REGION, "region", "ATLANTIS");
        assertThat(e.code().number()).isEqualTo(1004);
        assertThat(e.field()).isEqualTo("region");
        assertThat(e.getMessage()).contains("region").contains("ATLANTIS");
    }

    @Test
    void parsingUnknownNamesFailsWithTheField() {
        assertThat(catchCode(() -> Utility.parse("plasma", "items[0].utility")))
                .isEqualTo(ErrorCode.UNKNOWN_UTILITY);
        assertThat(catchCode(() -> Region.parse("ATLANTIS", "region"))).isEqualTo(ErrorCode.UNKNOWN_REGION);
        assertThat(Utility.parse("cold-water", "u")).isEqualTo(Utility.COLD_WATER);
    }

    private static ErrorCode catchCode(Runnable action) {
        try {
            action.run();
            return null;
        } catch (TariffException e) {
            return e.code();
        }
    }
}
