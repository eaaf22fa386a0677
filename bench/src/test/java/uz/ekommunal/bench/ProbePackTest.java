package uz.ekommunal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.senml.SenmlParser;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.gateway.vee.VeeLimits;

/**
 * The latency probe must measure what the gateway does with a real meter's readings: trusted ones.
 * Its earlier packs (a step of 1 kWh every 20 ms) were spikes, and untrusted readings take another
 * path through the gateway (each batch looks the register's latest trusted reading up again).
 */
class ProbePackTest {

    private static final long PERIOD_MS = 20; // as bench/gateway-mqtt.sh runs the probe
    private static final Vee VEE = new Vee(VeeLimits.defaults());

    @Test
    void everyReadingPassesValidationAgainstTheOneBefore() throws Exception {
        long base = 1_796_600_000_000L;
        MeterReading previous = null;
        for (long n = 0; n < 5_000; n++) {
            MeterReading reading = parsed(base, n);
            if (previous != null) {
                assertThat(flags(previous, reading)).as("reading %d", n).isZero();
            }
            previous = reading;
        }
        assertThat(previous.value()).isEqualByComparingTo("49.99");
    }

    @Test
    void staysTrustedWhenManyReadingsBetweenWereNotSeen() throws Exception {
        // a batch may hold a reading whose latest trusted neighbour is older: 150 readings apart (3 s) still pass
        long base = 1_796_600_000_000L;
        assertThat(flags(parsed(base, 1_000), parsed(base, 1_150))).isZero();
    }

    @Test
    void theOldStepOfOneFailedOnceAReadingWasMissed() throws Exception {
        // the old probe's values (1 a reading): two steps from the last trusted reading are already a spike
        long base = 1_796_600_000_000L;
        MeterReading at = parsed(base, 0);
        MeterReading later = new MeterReading(at.serial(), at.register(), at.time().plusMillis(2 * PERIOD_MS),
                at.value().add(BigDecimal.valueOf(2)), at.protocol(), at.receivedAt());
        assertThat(flags(at, later)).isNotZero();
    }

    private static MeterReading parsed(long base, long n) throws Exception {
        long tMillis = base + n * PERIOD_MS;
        String pack = PublishToQueryableProbe.pack("PROBE0001", tMillis, n);
        List<MeterReading> readings = SenmlParser.withDefaults().parse(pack.getBytes(StandardCharsets.UTF_8),
                "PROBE0001", Protocol.MQTT, Instant.ofEpochMilli(tMillis));
        assertThat(readings).hasSize(1);
        return readings.get(0);
    }

    private static int flags(MeterReading before, MeterReading reading) {
        return VEE.check("electricity", Vee.modulus(7, BigDecimal.ONE),
                new Vee.Previous(before.time(), before.value()), null, reading.time(), reading.value(),
                reading.receivedAt());
    }
}
