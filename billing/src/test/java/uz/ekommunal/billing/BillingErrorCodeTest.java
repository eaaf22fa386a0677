package uz.ekommunal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BillingErrorCodeTest {

    @Test
    void codesAreUniqueAndInBillingsRange() {
        assertThat(Arrays.stream(BillingErrorCode.values()).map(BillingErrorCode::number)).doesNotHaveDuplicates()
                .allMatch(n -> n >= 3000 && n < 4000);
    }
}
