package uz.ekommunal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.http.ApiError;

class ApiErrorTest {

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(ApiError.values()).map(ApiError::code)).doesNotHaveDuplicates();
    }

    @Test
    void statusesAreHttpErrors() {
        assertThat(ApiError.values()).allSatisfy(e -> assertThat(e.status()).isBetween(400, 599));
    }
}
