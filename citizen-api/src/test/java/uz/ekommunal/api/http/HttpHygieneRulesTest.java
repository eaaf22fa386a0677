package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpHygieneRulesTest {

    @Test
    void controlCharactersAreFoundButTabsAlwaysAndLineBreaksInTextAreNot() {
        assertThat(ControlCharacters.hasControl("a\u0000b", true)).isTrue();
        assertThat(ControlCharacters.hasControl("a\u001bb", true)).isTrue();
        assertThat(ControlCharacters.hasControl("a\u007fb", true)).isTrue();
        assertThat(ControlCharacters.hasControl("a\u0085b", true)).isTrue();
        assertThat(ControlCharacters.hasControl("line\r\nnext\tcolumn", true)).isFalse();
        assertThat(ControlCharacters.hasControl("line\nnext", false)).isTrue();
        assertThat(ControlCharacters.hasControl("Oʻzbekiston — ok", false)).isFalse();
        assertThat(ControlCharacters.hasControl(null, false)).isFalse();
    }

    @Test
    void addressesAreCountedByTheirNetwork() {
        assertThat(ClientAddress.network("127.0.0.2")).isEqualTo(ClientAddress.network("127.0.0.250"))
                .isEqualTo("127.0.0.0/24");
        assertThat(ClientAddress.network("127.0.1.2")).isNotEqualTo(ClientAddress.network("127.0.0.2"));
        assertThat(ClientAddress.network("2001:db8:1:2:0:0:0:1")).isEqualTo(ClientAddress.network("2001:db8:1:ff:0:0:0:9"))
                .isEqualTo("2001:db8:1::/48");
    }

    @Test
    void aSocketWithoutAHostAddressIsUnknownNotNull() {
        // the connection guard counts per address in a ConcurrentHashMap, which refuses a null key
        assertThat(ClientAddress.ofSocket(SocketAddress.inetSocketAddress(4000, "127.0.0.7"))).isEqualTo("127.0.0.7");
        assertThat(ClientAddress.ofSocket(SocketAddress.domainSocketAddress("/run/ekommunal.sock"))).isEqualTo("unknown");
        assertThat(ClientAddress.ofSocket(null)).isEqualTo("unknown");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new HttpLimits(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
