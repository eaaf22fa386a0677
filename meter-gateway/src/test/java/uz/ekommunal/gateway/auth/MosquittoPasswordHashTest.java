package uz.ekommunal.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {

    /** Written by mosquitto_passwd 2.0.11 for the password "secret". */
    private static final String FROM_MOSQUITTO_PASSWD =
            "$7$101$N5/rctonqSO+nd8A$dvASTvxwFJ6IsrDJ8UarGELlYMfOYpL0n8dR5O8+WucMEvVNKP6xkUXiP3nxAB+XSxwTmS58WEeL4I4iizegcg==";

    @Test
    void acceptsTheRightPasswordForAHashMosquittoWrote() {
        assertThat(MosquittoPasswordHash.matches("secret", FROM_MOSQUITTO_PASSWD)).isTrue();
        assertThat(MosquittoPasswordHash.matches("Secret", FROM_MOSQUITTO_PASSWD)).isFalse();
        assertThat(MosquittoPasswordHash.matches("", FROM_MOSQUITTO_PASSWD)).isFalse();
    }

    @Test
    void writesMosquittosFormatWithAFreshSaltEachTime() {
        String first = MosquittoPasswordHash.hash("a meter secret of some length");
        String second = MosquittoPasswordHash.hash("a meter secret of some length");
        assertThat(first).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(first).isNotEqualTo(second);
        assertThat(MosquittoPasswordHash.matches("a meter secret of some length", first)).isTrue();
        assertThat(MosquittoPasswordHash.matches("a meter secret of some length", second)).isTrue();
        assertThat(MosquittoPasswordHash.matches("another secret", first)).isFalse();
    }

    @Test
    void refusesMalformedHashesInsteadOfThrowing() {
        assertThat(MosquittoPasswordHash.matches("secret", null)).isFalse();
        assertThat(MosquittoPasswordHash.matches("secret", "$6$abc$def")).isFalse();
        assertThat(MosquittoPasswordHash.matches("secret", "$7$101$!!!$???")).isFalse();
        assertThat(MosquittoPasswordHash.matches("secret", "$7$0$N5/rctonqSO+nd8A$AAAA")).isFalse();
        assertThat(MosquittoPasswordHash.matches(null, FROM_MOSQUITTO_PASSWD)).isFalse();
    }
}
