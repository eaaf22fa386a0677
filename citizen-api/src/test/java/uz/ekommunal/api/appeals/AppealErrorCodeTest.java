package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AppealErrorCodeTest {

    @Test
    void codesAreUniqueAndInTheAppealsRange() {
        assertThat(Arrays.stream(AppealErrorCode.values()).map(AppealErrorCode::number)).doesNotHaveDuplicates()
                .allMatch(n -> n >= 6100 && n < 6200);
    }
}
