package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

class NumericBinaryTest {

    @Test
    void aValueReadsBackWithItsScaleAndAsPgjdbcWritesIt() {
        for (String v : List.of("0", "0.000", "1", "-1", "1.5", "-1.5", "0.000123", "12345", "10000", "10000.0000",
                "99999999.999999", "-0.000001", "123456789012.34", "3.1415926535", "0.1", "100", "7000.25",
                "99999999999999", "100000000000000", "12345678901234567890.5", "1E+3", "-2.5E+7")) {
            check(new BigDecimal(v));
        }
        Random random = new Random(22);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            check(BigDecimal.valueOf(unscaled, random.nextInt(14)));
        }
    }

    private static void check(BigDecimal value) {
        byte[] ours = NumericBinary.of(value);
        BigDecimal back = (BigDecimal) ByteConverter.numeric(ours, 0, ours.length);
        assertThat(back).as("%s", value).isEqualTo(value.scale() < 0 ? value.setScale(0) : value);
        byte[] theirs = ByteConverter.numeric(value);
        assertThat(ours).as("%s", value).isEqualTo(theirs);
    }
}
