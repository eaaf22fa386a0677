package uz.ekommunal.api.http;

/** An error to answer as a problem response; {@code field} names the input at fault, if any. */
public final class ApiException extends RuntimeException {

    private final ApiError error;
    private final String field;

    public ApiException(ApiError error, String field, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.field = field;
    }

    public ApiError error() {
        return error;
    }

    public String field() {
        return field;
    }
}
