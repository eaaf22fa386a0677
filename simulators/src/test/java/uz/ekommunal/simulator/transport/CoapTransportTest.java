package uz.ekommunal.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many local ports plain CoAP meters spread over: a port per meter, up to the setting. */
class CoapTransportTest {

    @ParameterizedTest(name = "{0} meters, at most {1} ports: {2}")
    @CsvSource({
        "1, 64, 1",
        "10, 64, 10",
        "64, 64, 64",
        "20000, 64, 64",
        "20000, 200, 200",
        "20000, 1, 1",
        "0, 64, 1",
    })
    void meterSpreadOverPortsUpToTheSetting(int meters, int ports, int expected) {
        assertThat(CoapTransport.plainEndpoints(meters, ports)).isEqualTo(expected);
    }
}
