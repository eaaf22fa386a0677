package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.senml.SenmlParser;

class SenmlParserTest {

    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private final SenmlParser parser = SenmlParser.withDefaults();

    private List<MeterReading> parse(String json, String serial) throws PayloadRejected {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), serial, Protocol.MQTT, NOW);
    }

    @Test
    void readsTheReadingOfTheIssue() throws Exception {
        List<MeterReading> readings = parse(
                "[{\"bn\":\"E1000001:\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5}]", "E1000001");

        assertThat(readings).containsExactly(new MeterReading("E1000001", Register.ELECTRICITY_IMPORT,
                Instant.ofEpochSecond(1764000000), new BigDecimal("1234.5"), Protocol.MQTT, NOW));
    }

    @Test
    void appliesBaseFieldsToLaterRecords() throws Exception {
        List<MeterReading> readings = parse("""
                [{"bn":"E1:","bt":1764000000,"bu":"kWh","n":"1-0:1.8.0","v":10.25},
                 {"n":"1-0:1.8.0","t":900,"v":10.5},
                 {"n":"1-0:2.8.0","t":900,"v":0.125,"u":"Wh"}]""", "E1");

        assertThat(readings).extracting(MeterReading::time).containsExactly(Instant.ofEpochSecond(1764000000),
                Instant.ofEpochSecond(1764000900), Instant.ofEpochSecond(1764000900));
        assertThat(readings).extracting(MeterReading::value).containsExactly(new BigDecimal("10.25"),
                new BigDecimal("10.5"), new BigDecimal("0.000125"));
        assertThat(readings.get(2).register()).isEqualTo(Register.ELECTRICITY_EXPORT);
    }

    @Test
    void aNewBaseNameInThePackIsCheckedAgainEvenWhenTheRecordNameRepeats() throws Exception {
        String twoMeters = """
                [{"bn":"E1:","bt":1764000000,"n":"1-0:1.8.0","v":1},
                 {"n":"1-0:1.8.0","t":900,"v":2},
                 {"bn":"E2:","n":"1-0:1.8.0","t":1800,"v":3},
                 {"n":"1-0:1.8.0","t":2700,"v":4},
                 {"bn":"E2:","n":"1-0:2.8.0","t":2700,"v":5}]""";

        assertThat(parse(twoMeters, null)).extracting(r -> r.serial() + " " + r.register().obis() + " " + r.value())
                .containsExactly("E1 1-0:1.8.0 1", "E1 1-0:1.8.0 2", "E2 1-0:1.8.0 3", "E2 1-0:1.8.0 4", "E2 1-0:2.8.0 5");
        assertThatThrownBy(() -> parse(twoMeters, "E1"))
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).isEqualTo(RejectReason.TOPIC_MISMATCH))
                .hasMessageContaining("record 2");
        assertThatThrownBy(() -> parse("""
                [{"bn":"E1:","n":"1-0:1.8.0","t":1764000000,"v":1},
                 {"bn":"E 1:","n":"1-0:1.8.0","t":1764000900,"v":2}]""", null))
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).isEqualTo(RejectReason.INVALID_PACK))
                .hasMessageContaining("record 1");
        assertThatThrownBy(() -> parse("""
                [{"bn":"E1:","n":"1-0:1.8.0","t":1764000000,"v":1},
                 {"n":"9-9:9.9.9","t":1764000900,"v":2}]""", "E1"))
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).isEqualTo(RejectReason.UNKNOWN_REGISTER));
    }

    @Test
    void decimalTimesResolveToTheMicrosecond() throws Exception {
        List<MeterReading> readings = parse("[{\"bn\":\"E1:\",\"bt\":1764000000.5,\"n\":\"1-0:1.8.0\",\"t\":0.25,\"v\":1}]", "E1");

        assertThat(readings.get(0).time()).isEqualTo(Instant.ofEpochSecond(1764000000, 750_000_000));
    }

    @Test
    void convertsLitresToCubicMetres() throws Exception {
        List<MeterReading> readings = parse("[{\"bn\":\"W1:\",\"bt\":1764000000,\"n\":\"8-0:1.0.0\",\"u\":\"l\",\"v\":123456}]",
                null);

        assertThat(readings.get(0).value()).isEqualByComparingTo("123.456");
    }

    @Test
    void timesBelowTwoToThe28AreRelativeToNow() throws Exception {
        List<MeterReading> readings = parse("[{\"n\":\"G1:7-0:3.0.0\",\"t\":-60,\"v\":5}]", null);

        assertThat(readings.get(0).time()).isEqualTo(NOW.minusSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "broken JSON | [{\"bn\":\"E1:\" | MALFORMED_JSON",
        "not an array | {\"bn\":\"E1:\"} | INVALID_PACK",
        "empty pack | [] | INVALID_PACK",
        "record not an object | [1] | INVALID_PACK",
        "value as string | [{\"n\":\"E1:1-0:1.8.0\",\"v\":\"12\"}] | INVALID_VALUE",
        "string value field | [{\"n\":\"E1:1-0:1.8.0\",\"vs\":\"12\"}] | INVALID_VALUE",
        "no value | [{\"n\":\"E1:1-0:1.8.0\",\"t\":1764000000}] | INVALID_VALUE",
        "NaN | [{\"n\":\"E1:1-0:1.8.0\",\"v\":NaN}] | MALFORMED_JSON",
        "negative register | [{\"n\":\"E1:1-0:1.8.0\",\"v\":-1}] | INVALID_VALUE",
        "absurd value | [{\"n\":\"E1:1-0:1.8.0\",\"v\":1e400}] | INVALID_VALUE",
        "time as string | [{\"n\":\"E1:1-0:1.8.0\",\"t\":\"now\",\"v\":1}] | INVALID_TIME",
        "far-future time | [{\"n\":\"E1:1-0:1.8.0\",\"t\":4102444800,\"v\":1}] | INVALID_TIME",
        "before 2000 | [{\"n\":\"E1:1-0:1.8.0\",\"t\":900000000,\"v\":1}] | INVALID_TIME",
        "unknown unit | [{\"n\":\"E1:1-0:1.8.0\",\"u\":\"furlong\",\"v\":1}] | UNKNOWN_UNIT",
        "unit of another register | [{\"n\":\"E1:1-0:1.8.0\",\"u\":\"m3\",\"v\":1}] | UNKNOWN_UNIT",
        "unknown register | [{\"n\":\"E1:9-9:9.9.9\",\"v\":1}] | UNKNOWN_REGISTER",
        "name without serial | [{\"n\":\"1.8.0\",\"v\":1}] | INVALID_PACK",
        "bad serial | [{\"n\":\"E 1:1-0:1.8.0\",\"v\":1}] | INVALID_PACK",
        "other meter's topic | [{\"n\":\"E2:1-0:1.8.0\",\"v\":1}] | TOPIC_MISMATCH",
        "trailing content | [{\"n\":\"E1:1-0:1.8.0\",\"v\":1}] x | MALFORMED_JSON",
    })
    void rejectsWithAReason(String description, String json, RejectReason reason) {
        assertThatThrownBy(() -> parse(json, "E1"))
                .isInstanceOf(PayloadRejected.class)
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).as(description).isEqualTo(reason));
    }

    @Test
    void rejectsHugePacks() {
        StringBuilder pack = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            pack.append(i == 0 ? "" : ",").append("{\"n\":\"E1:1-0:1.8.0\",\"t\":").append(1764000000 + i)
                    .append(",\"v\":1}");
        }
        pack.append(']');

        assertThatThrownBy(() -> parse(pack.toString(), "E1"))
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).isEqualTo(RejectReason.PACK_TOO_LARGE));
        assertThatThrownBy(() -> parser.parse(new byte[2 << 20], "E1", Protocol.MQTT, NOW))
                .satisfies(e -> assertThat(((PayloadRejected) e).reason()).isEqualTo(RejectReason.PACK_TOO_LARGE));
    }
}
