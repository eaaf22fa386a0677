package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingTime;

class InstantTextTest {

    @Test
    void theTextIsInstantsOwnAndTheBillingDay() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-06T18:59:59.999999999Z"), Instant.parse("2026-12-06T19:00:00Z"),
                Instant.parse("2026-12-06T11:29:00.100Z"), Instant.parse("2026-12-06T11:29:00.000100Z"),
                Instant.parse("2026-12-06T11:29:00.000000100Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00.001Z"), Instant.parse("2026-12-06T11:29:08Z").plusSeconds(4096)));
        Random random = new Random(22);
        for (int i = 0; i < 200_000; i++) {
            long second = 1_700_000_000L + random.nextInt(200_000_000);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
            instants.add(Instant.ofEpochSecond(second + 4096, nano)); // the same slot, another second
        }
        for (Instant at : instants) {
            assertThat(InstantText.iso(at)).isEqualTo(at.toString());
            assertThat(InstantText.day(at)).isEqualTo(BillingTime.dayOf(at).toString());
        }
    }
}
