package uz.ekommunal.gateway.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.WriteBatch;

class SpoolTest {

    @TempDir
    Path dir;

    private static WriteBatch batch(int n) {
        Instant t = Instant.parse("2025-11-24T10:00:00Z");
        List<MeterReading> readings = List.of(new MeterReading("E" + n, Register.ELECTRICITY_IMPORT, t.plusSeconds(n),
                new BigDecimal("1234.567891"), Protocol.MQTT, t));
        QuarantineEntry rejected = new QuarantineEntry(t, Protocol.COAP, "coap:x", "malformed_json", "bad", new byte[] {1, 2});
        return new WriteBatch(List.of(new WriteBatch.ReadingGroup("mqtt:meters/E/readings", "{}".getBytes(), readings)),
                List.of(rejected));
    }

    @Test
    void replaysInOrderWhatWasAppendedAndEmptiesWhenAllIsAcknowledged() throws Exception {
        Path file = dir.resolve("readings.spool");
        try (Spool spool = new Spool(file)) {
            for (int i = 0; i < 5; i++) {
                spool.append(batch(i));
            }
            List<Spool.Record> records = spool.peek(3);
            assertThat(records).extracting(r -> r.batch().groups().get(0).readings().get(0).serial())
                    .containsExactly("E0", "E1", "E2");
            MeterReading first = records.get(0).batch().groups().get(0).readings().get(0);
            assertThat(first.value()).isEqualTo(new BigDecimal("1234.567891"));
            assertThat(records.get(0).batch().quarantine().get(0).payload()).containsExactly(1, 2);
            spool.acknowledge(records.get(2));
            assertThat(spool.peek(10)).hasSize(2);
            spool.acknowledge(spool.peek(10).get(1));
            assertThat(spool.hasPending()).isFalse();
            assertThat(Files.size(file)).isZero();
        }
    }

    @Test
    void survivesARestartAndDropsARecordCutShortByACrash() throws Exception {
        Path file = dir.resolve("readings.spool");
        try (Spool spool = new Spool(file)) {
            spool.append(batch(1));
            spool.append(batch(2));
        }
        long whole = Files.size(file);
        Files.write(file, new byte[] {0, 0, 1, 0, 9, 9}, StandardOpenOption.APPEND); // a torn third record

        try (Spool reopened = new Spool(file)) {
            assertThat(Files.size(file)).isEqualTo(whole);
            assertThat(reopened.peek(10)).hasSize(2);
        }
    }
}
