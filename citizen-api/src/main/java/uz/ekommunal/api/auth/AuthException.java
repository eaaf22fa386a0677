package uz.ekommunal.api.auth;

import java.time.Duration;
import uz.ekommunal.api.http.ApiError;

/**
 * A sign-in rule said no. The HTTP adapter answers it as a problem; {@code retryAfter} becomes a
 * {@code Retry-After} header.
 */
public final class AuthException extends RuntimeException {

    private final ApiError error;
    private final String field;
    private final Duration retryAfter;

    public AuthException(ApiError error, String field, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.error = error;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public AuthException(ApiError error, String field, String detail) {
        this(error, field, detail, null);
    }

    public ApiError error() {
        return error;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
