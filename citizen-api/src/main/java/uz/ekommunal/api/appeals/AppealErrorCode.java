package uz.ekommunal.api.appeals;

/**
 * Everything the appeals can refuse, each with a unique number (61xx). A person reads the
 * catalogue's {@code appeal.<CODE>} with the refusal's values; the API's failure handling chooses
 * the HTTP answer (DomainProblems), so the appeals know nothing of HTTP.
 */
public enum AppealErrorCode {
    NOT_FOUND(6101, "No appeal %s"),
    TRANSITION_NOT_ALLOWED(6102, "An appeal that is %s does not allow %s"),
    NOT_AN_OFFICERS_ACTION(6103, "%s is not an officer's action"),
    TOO_MANY_DRAFTS(6104, "You have %s unsent drafts already; send one of them first"),
    PHONE_NOT_VERIFIED(6105, "Notices go only to a phone you proved is yours"),
    NO_ROUTE(6106, "No organisation answers %s yet"),
    LATE_FORWARD_NEEDS_REASON(6107, "The 5 days to forward ended on %s: a reason is required"),
    ANSWER_TEXT_REQUIRED(6108, "text (the answer) is required"),
    UNKNOWN_ORGANISATION(6109, "organisationId must be an organisation's id"),
    ALREADY_THERE(6110, "The appeal is already there"),
    FORWARD_LIMIT(6111, "Forwarded %s times already: an administrator decides where it goes now"),
    REJECTION_REASONS_TOO_SHORT(6112, "note (the reasons for rejecting, at least %s characters) is required"),
    EXTENSION_REASON_REQUIRED(6113, "reason (why more study is needed) is required"),
    ALREADY_EXTENDED(6114, "The deadline was already extended"),
    UNKNOWN_REJECT_REASON(6115, "reason must be one of %s"),
    TOO_LATE_TO_REJECT(6116, "Too late: it could be rejected until %s"),
    TOO_LATE_TO_EXTEND(6117, "Too late: it could be extended until %s"),
    FILE_EMPTY(6118, "The file is empty"),
    FILE_TYPE_NOT_ALLOWED(6119, "Only photos, scans and videos are accepted"),
    PHOTO_TOO_LARGE(6120, "A photo or scan may be at most %s MB"),
    VIDEO_TOO_LARGE(6121, "A video may be at most %s MB"),
    TOO_MANY_ATTACHMENTS(6122, "An appeal may have at most %s attachments");

    private final int number;
    private final String english;

    AppealErrorCode(int number, String english) {
        this.number = number;
        this.english = english;
    }

    public int number() {
        return number;
    }

    /** The English text, for logs. */
    String format(Object... args) {
        return String.format(english, args);
    }
}
