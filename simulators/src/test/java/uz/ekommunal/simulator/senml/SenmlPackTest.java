package uz.ekommunal.simulator.senml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SenmlPackTest {

    @Test
    void oneReadingIsOneRecordWithBaseNameAndBaseTime() {
        String json = SenmlPack.json("E1000001", List.of(new SenmlRecord("1-0:1.8.0", "kWh", 1764000000, "1234.5")));
        assertThat(json).isEqualTo("[{\"bn\":\"E1000001:\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5}]");
    }

    @Test
    void laterRecordsGiveTheirTimeRelativeToTheBaseTime() {
        String json = SenmlPack.json("E1000001", List.of(
                new SenmlRecord("1-0:1.8.0", "kWh", 1764000000, "1234.5"),
                new SenmlRecord("1-0:2.8.0", "kWh", 1764000000, "12.0"),
                new SenmlRecord("1-0:1.8.0", "kWh", 1764000900, "1234.9")));
        assertThat(json).isEqualTo("[{\"bn\":\"E1000001:\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5},"
                + "{\"n\":\"1-0:2.8.0\",\"u\":\"kWh\",\"v\":12.0},"
                + "{\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.9,\"t\":900}]");
    }

    @Test
    void escapesQuotesInNames() {
        String json = SenmlPack.json("A\"B", List.of(new SenmlRecord("n", "m3", 1, "1")));
        assertThat(json).startsWith("[{\"bn\":\"A\\\"B:\"");
    }

    @Test
    void bytesAreTheJsonTextInUtf8() {
        List<List<SenmlRecord>> packs = List.of(
                List.of(new SenmlRecord("1-0:1.8.0", "kWh", 1764000000, "1234.5")),
                List.of(new SenmlRecord("1-0:1.8.0", "kWh", 1764000000, "1234.5"),
                        new SenmlRecord("1-0:2.8.0", "kWh", 1764000000, "0.000"),
                        new SenmlRecord("1-0:1.8.0", "kWh", 1764000900, "1234.9"),
                        new SenmlRecord("1-0:1.8.0", "kWh", 1763999100, "-1.5E-4")), // a skewed, earlier time
                List.of(new SenmlRecord("8-0:1.0.0", "m3", 0, "7")),
                List.of(new SenmlRecord("8-0:1.0.0", "m3", -86400, "7"), new SenmlRecord("n", "m³", 9, "1")),
                List.of(new SenmlRecord("a\"b\\c", "u", 1, "1"), new SenmlRecord("tab\t", "u", Long.MAX_VALUE, "2")));
        for (String serial : List.of("E1000001", "", "W\"1", "Г1000001")) {
            for (List<SenmlRecord> pack : packs) {
                assertThat(new String(SenmlPack.bytes(serial, pack), java.nio.charset.StandardCharsets.UTF_8))
                        .as("%s %s", serial, pack).isEqualTo(SenmlPack.json(serial, pack));
            }
        }
    }
}
