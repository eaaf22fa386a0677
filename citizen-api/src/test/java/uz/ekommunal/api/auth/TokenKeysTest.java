package uz.ekommunal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

    @Test
    void theLocalRunMakesItsKeyOnceOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("jwt-secret");
        byte[] first = TokenKeys.resolve(null, file);
        assertThat(first.length).isGreaterThanOrEqualTo(32);
        assertThat(TokenKeys.resolve("", file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsAndMustBeLongEnough(@TempDir Path dir) throws Exception {
        assertThat(new String(TokenKeys.resolve("k".repeat(32), dir.resolve("unused")))).isEqualTo("k".repeat(32));
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
        assertThatThrownBy(() -> TokenKeys.resolve("short", null)).hasMessageContaining("EKOMMUNAL_JWT_SECRET");
        assertThatThrownBy(() -> TokenKeys.resolve(null, null)).hasMessageContaining("EKOMMUNAL_JWT_SECRET is required");
    }
}
