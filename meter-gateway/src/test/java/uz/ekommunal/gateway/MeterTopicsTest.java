package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.mqtt.MeterTopics;

class MeterTopicsTest {

    @Test
    void findsTheSerialInAReadingsTopic() {
        assertThat(MeterTopics.serialOf("meters/E1000001/readings")).isEqualTo("E1000001");
        assertThat(MeterTopics.serialOf("meters//readings")).isNull();
        assertThat(MeterTopics.serialOf("meters/a/b/readings")).isNull();
        assertThat(MeterTopics.serialOf("other/E1/readings")).isNull();
    }

    @Test
    void matchesWildcards() {
        assertThat(MeterTopics.matches("meters/+/readings", "meters/E1/readings")).isTrue();
        assertThat(MeterTopics.matches("meters/#", "meters/E1/readings")).isTrue();
        assertThat(MeterTopics.matches("#", "a")).isTrue();
        assertThat(MeterTopics.matches("meters/+/readings", "meters/E1/status")).isFalse();
        assertThat(MeterTopics.matches("meters/+", "meters/E1/readings")).isFalse();
    }

    @Test
    void sharesTheSubscriptionWhenAGroupIsGiven() {
        assertThat(MeterTopics.subscription(null)).isEqualTo("meters/+/readings");
        assertThat(MeterTopics.subscription("gw")).isEqualTo("$share/gw/meters/+/readings");
    }
}
