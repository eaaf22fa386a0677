package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.5, 10.1.0.0/16 ,fd00::/8");

    @Test
    void addressesAndNetworksAreTrustedByTheirBits() {
        assertThat(proxies.trusts("10.0.0.5")).isTrue();
        assertThat(proxies.trusts("10.0.0.6")).isFalse();
        assertThat(proxies.trusts("10.1.255.7")).isTrue();
        assertThat(proxies.trusts("10.2.0.1")).isFalse();
        assertThat(proxies.trusts("fd12::1")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(proxies.trusts("::ffff:10.0.0.5")).as("IPv4 mapped into IPv6").isTrue();
        assertThat(TrustedProxies.NONE.trusts("10.0.0.5")).isFalse();
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        assertThat(proxies.clientOf("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        // two proxies in a row; what the client wrote itself (192.0.2.1) is not taken
        assertThat(proxies.clientOf("10.0.0.5", "192.0.2.1, 203.0.113.7, 10.1.3.4")).isEqualTo("203.0.113.7");
        assertThat(proxies.clientOf("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(proxies.clientOf("10.0.0.5", "10.1.0.1")).as("only proxies: the farthest one").isEqualTo("10.1.0.1");
    }

    @Test
    void anUntrustedPeerOrAnUnreadableHopIsNotBelieved() {
        assertThat(proxies.clientOf("198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
        assertThat(proxies.clientOf("10.0.0.5", "203.0.113.7, evil.example")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientOf("10.0.0.5", "unknown, 203.0.113.8")).isEqualTo("203.0.113.8");
        assertThat(proxies.clientOf("10.0.0.5", "")).isEqualTo("10.0.0.5");
        assertThat(TrustedProxies.literal("localhost")).as("never a name lookup").isNull();
        assertThat(TrustedProxies.literal("1.2.3")).isNull();
    }

    @Test
    void twoListsOfTheSameNetworksAreEqual() {
        assertThat(TrustedProxies.parse("10.0.0.5,10.1.0.0/16")).isEqualTo(TrustedProxies.parse(" 10.0.0.5 , 10.1.0.0/16"))
                .hasSameHashCodeAs(TrustedProxies.parse("10.0.0.5/32,10.1.0.0/16"))
                .isNotEqualTo(TrustedProxies.parse("10.0.0.5"));
        assertThat(TrustedProxies.parse("")).isEqualTo(TrustedProxies.NONE);
        assertThat(TrustedProxies.parse("10.1.0.0/16")).hasToString("10.1.0.0/16");
    }

    @Test
    void aBadListIsRefusedAtStart() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.local")).hasMessageContaining("proxy.local");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("prefix");
    }
}
