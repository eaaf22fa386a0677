package uz.ekommunal.api.http;

/**
 * Every error the HTTP API answers, with a unique code (a test checks) and its HTTP status.
 * Answered as {@code application/problem+json} (RFC 9457).
 */
public enum ApiError {
    INVALID_PARAMETER(1001, 400, "Invalid parameter"),
    MISSING_PARAMETER(1002, 400, "Missing parameter"),
    INVALID_BODY(1003, 400, "Invalid request body"),
    NOT_FOUND(1004, 404, "Not found"),
    METER_NOT_FOUND(2001, 404, "Meter not found"),
    INVALID_VALUE(3001, 400, "Invalid value"),
    UNKNOWN_VALUE(3002, 400, "Unknown value"),
    MISSING_VALUE(3003, 400, "Missing value"),
    NO_TARIFF(3004, 422, "No tariff for that date"),
    INVALID_PHONE(4001, 400, "Invalid phone number"),
    TOO_MANY_CODES(4002, 429, "Too many codes asked"),
    WRONG_CODE(4003, 401, "Wrong or expired code"),
    CODE_ATTEMPTS_EXHAUSTED(4004, 401, "Code attempts exhausted"),
    UNAUTHENTICATED(4005, 401, "Sign-in required"),
    INVALID_REFRESH_TOKEN(4006, 401, "Invalid refresh token"),
    FORBIDDEN(4007, 403, "Not allowed"),
    ONEID_NOT_CONFIGURED(4201, 404, "OneID sign-in is not configured"),
    ONEID_STATE_INVALID(4202, 400, "Unknown, used or expired OneID sign-in"),
    ONEID_PROVIDER_ERROR(4203, 400, "OneID did not sign you in"),
    ONEID_CODE_REJECTED(4204, 400, "OneID refused the authorization code"),
    ONEID_ID_TOKEN_INVALID(4205, 502, "Invalid ID token from OneID"),
    ONEID_UNAVAILABLE(4206, 503, "OneID unavailable"),
    ONEID_HANDOFF_INVALID(4207, 400, "Unknown, used or expired OneID hand-off"),
    INVALID_ACCOUNT_NUMBER(4101, 400, "Invalid account number"),
    ACCOUNT_UNAVAILABLE(4102, 404, "Account unavailable"),
    ACCOUNT_NOT_FOUND(4103, 404, "Account not found"),
    INVOICE_NOT_FOUND(4104, 404, "Invoice not found"),
    NOTHING_TO_PAY(4108, 422, "Nothing to pay for that utility on this invoice"),
    ACCOUNT_ALREADY_LINKED(4105, 409, "Account already linked"),
    TOO_MANY_ACCOUNTS(4106, 409, "Too many linked accounts"),
    BILLING_UNAVAILABLE(4107, 503, "Billing unavailable"),
    LINK_REFUSED(4109, 403, "Account number and link code do not match"),
    TOO_MANY_LINK_ATTEMPTS(4110, 429, "Too many link attempts"),
    TOO_MANY_LOOKUPS(4111, 429, "Too many account look-ups"),
    APPEAL_NOT_FOUND(6001, 404, "Appeal not found"),
    APPEAL_TRANSITION_NOT_ALLOWED(6002, 409, "Not allowed in the appeal's status"),
    APPEAL_DEADLINE_PASSED(6003, 409, "The time allowed for this has passed"),
    NO_APPEAL_ROUTE(6004, 422, "No organisation answers this category"),
    ATTACHMENT_TOO_LARGE(6005, 413, "Attachment too large"),
    ATTACHMENT_TYPE_NOT_ALLOWED(6006, 415, "Attachment type not allowed"),
    ATTACHMENT_NOT_FOUND(6007, 404, "Attachment not found"),
    TOO_MANY_ATTACHMENTS(6008, 409, "Too many attachments"),
    APPEAL_FORWARD_LIMIT(6191, 409, "Forwarded too many times: an administrator decides"),
    USER_NOT_FOUND(6192, 404, "User not found"),
    APPEAL_NOT_ANSWERED(6193, 409, "The appeal has no answer yet"),
    METER_ALREADY_REGISTERED(7001, 409, "Meter already registered"),
    METER_OUT_OF_SERVICE(7002, 409, "Meter out of service"),
    TARIFF_REJECTED(7003, 422, "Tariff version rejected"),
    TARIFF_CONFLICT(7004, 409, "Tariff versions overlap"),
    TARIFF_VERSION_NOT_FOUND(7005, 404, "Tariff version not found"),
    BILL_RUN_NOT_FOUND(7006, 404, "Bill run not found"),
    PROVIDER_NOT_FOUND(7007, 404, "Provider not found"),
    OPERATOR_ONLY(7008, 403, "Operators and administrators only"),
    INVALID_CHARACTERS(1401, 400, "Control characters are not allowed"),
    SMS_BUDGET_EXHAUSTED(4401, 429, "SMS budget for this hour used up"),
    PHONE_NOT_VERIFIED(4402, 422, "Phone not verified"),
    PHONE_CODE_WRONG(4403, 422, "Wrong or expired confirmation code"),
    TOO_MANY_DRAFTS(6401, 409, "Too many drafts"),
    HELD_READING_NOT_FOUND(7201, 404, "No held reading there"),
    READING_REFUSED(7901, 422, "Reading refused by validation"),
    READING_CONFLICT(7902, 409, "Another reading is stored for that time"),
    READING_PHOTO_NOT_FOUND(7903, 404, "No reading photo there"),
    READING_PHOTO_TOO_LARGE(7904, 413, "Reading photo too large"),
    READING_PHOTO_TYPE(7905, 415, "Reading photo must be a JPEG, PNG or WebP image"),
    READING_NOT_YOURS(7906, 404, "No reading of yours there"),
    ACCOUNT_EXISTS(7009, 409, "Account already open"),
    ACCOUNT_CLOSED(7010, 409, "Account closed"),
    METER_SECRET_NOT_FOUND(7101, 404, "Meter has no secret"),
    PAYMENT_NOT_FOUND(7301, 404, "Payment not found"),
    RECEIPT_NUMBER_USED(7302, 409, "Receipt number already used"),
    PAYMENT_ALREADY_CORRECTED(7303, 409, "Payment already cancelled, moved or refunded"),
    CANCEL_WINDOW_PASSED(7304, 409, "Only a payment of today is cancelled at the desk"),
    CORRECTION_REFUSED(7305, 422, "Correction refused"),
    CASHIER_ONLY(7306, 403, "Cashiers, operators and administrators only"),
    // 731x: payment registries and reconciliation
    REGISTRY_REFUSED(7311, 422, "Payment registry refused: it does not add up to its control total"),
    SET_ASIDE_NOT_FOUND(7312, 404, "No such set-aside payment"),
    ALREADY_DECIDED(7313, 409, "The set-aside payment was already decided"),
    DIFFERENCE_NOT_FOUND(7314, 404, "No such reconciliation difference"),
    ALREADY_RESOLVED(7315, 409, "The difference was already resolved"),
    FORECAST_UNAVAILABLE(8901, 409, "No month-to-date for this account"),
    QUARANTINE_NOT_FOUND(8101, 404, "Quarantine entry not found"),
    QUARANTINE_RESOLVED(8102, 409, "Quarantine entry already replayed or discarded"),
    QUARANTINE_NOT_REPLAYABLE(8103, 409, "Only a payload kept for an unknown meter can be replayed"),
    QUARANTINE_METER_UNKNOWN(8104, 409, "The meter is still not registered"),
    // 87xx: the interactive services (estimates 870x, data export 872x, surveys 874x)
    ESTIMATE_ITEM_NOT_FOUND(8701, 404, "Work item not found"),
    ESTIMATE_NO_RATE(8702, 422, "No rate for the work item there on that date"),
    ESTIMATE_RATES_OVERLAP(8703, 409, "Rate versions overlap"),
    EXPORT_RANGE_TOO_LONG(8721, 422, "Export range too long"),
    EXPORT_NOT_ELECTRICITY(8722, 422, "Green Button data is for electricity meters"),
    SURVEY_NOT_FOUND(8741, 404, "Survey not found"),
    SURVEY_ALREADY_ANSWERED(8742, 409, "Survey already answered"),
    SURVEY_NOT_OPEN(8743, 409, "Survey not open"),
    SURVEY_RESULTS_HIDDEN(8744, 403, "Survey results not public"),
    SURVEY_ANSWER_INVALID(8745, 422, "Survey answer does not fit the question"),
    VERIFICATION_IN_FUTURE(8801, 422, "Verification date ahead of today"),
    SERVICE_UNAVAILABLE(5001, 503, "Service unavailable"),
    INTERNAL(5000, 500, "Internal error");

    private final int code;
    private final int status;
    private final String title;

    ApiError(int code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
