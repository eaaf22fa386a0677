package uz.ekommunal.api.auth;

import java.time.Duration;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * A sign-in rule said no. The HTTP adapter answers its problem; {@code retryAfter} becomes a
 * {@code Retry-After} header.
 */
public final class AuthException extends RuntimeException {

    private final ApiException problem;
    private final Duration retryAfter;

    public AuthException(ApiException problem, Duration retryAfter) {
        super(problem.getMessage(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public AuthException(ApiException problem) {
        this(problem, null);
    }

    public ApiException problem() {
        return problem;
    }

    public ApiError error() {
        return problem.error();
    }

    public String field() {
        return problem.field();
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
