package uz.ekommunal.api.http;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uz.ekommunal.api.appeals.Action;
import uz.ekommunal.api.appeals.AppealException;
import uz.ekommunal.api.appeals.Status;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.tariffs.TariffStorageException;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/**
 * The one place where the modules' refusals (billing's, the tariff engine's, the appeals') become
 * the API's problems: the code chooses the HTTP error and the input at fault, and the detail is the
 * catalogue's {@code billing.<CODE>}, {@code tariff.<CODE>[.<reason>]} or {@code appeal.<CODE>}
 * with the refusal's own values, read in the caller's language when the answer is written.
 * A fault of the system (a failed bill run, a broken book at pricing time) is no problem of the
 * caller's: it stays unmapped and is answered as a logged 500.
 */
public final class DomainProblems {

    private static final Pattern ITEMS = Pattern.compile("\\bitems\\b");

    private DomainProblems() {
    }

    /** The problem a domain refusal is, or empty when the failure is none. */
    public static Optional<ApiException> of(Throwable failure) {
        if (failure instanceof BillingException e && e.code().isClientError()) {
            return Optional.of(billing(e));
        }
        if (failure instanceof TariffException e) {
            return Optional.of(tariff(e));
        }
        if (failure instanceof AppealException e) {
            return Optional.of(ApiException.keyed(appealError(e), e.field(), "appeal." + e.code().name(),
                    readable(e.args())));
        }
        if (failure instanceof TariffStorageException) {
            return Optional.of(ApiException.because(ApiError.SERVICE_UNAVAILABLE, null, "tariffBookCannotRead"));
        }
        return Optional.empty();
    }

    static ApiException billing(BillingException e) {
        BillingErrorCode code = e.code();
        Object[] args = e.args();
        ApiError error = switch (code) {
            case ACCOUNT_NOT_FOUND -> ApiError.ACCOUNT_NOT_FOUND;
            case INVALID_ACCOUNT_NUMBER -> ApiError.INVALID_ACCOUNT_NUMBER;
            case PROVIDER_NOT_FOUND -> ApiError.PROVIDER_NOT_FOUND;
            case METER_NOT_FOUND -> ApiError.METER_NOT_FOUND;
            case PAYMENT_NOT_FOUND -> ApiError.PAYMENT_NOT_FOUND;
            case ACCOUNT_EXISTS -> ApiError.ACCOUNT_EXISTS;
            case ACCOUNT_CLOSED -> ApiError.ACCOUNT_CLOSED;
            case SET_ASIDE_NOT_FOUND -> ApiError.SET_ASIDE_NOT_FOUND;
            case ALREADY_DECIDED -> ApiError.ALREADY_DECIDED;
            case DIFFERENCE_NOT_FOUND -> ApiError.DIFFERENCE_NOT_FOUND;
            case ALREADY_RESOLVED -> ApiError.ALREADY_RESOLVED;
            case RECEIPT_NUMBER_USED -> ApiError.RECEIPT_NUMBER_USED;
            case PAYMENT_ALREADY_CORRECTED -> ApiError.PAYMENT_ALREADY_CORRECTED;
            case CANCEL_WINDOW_PASSED -> ApiError.CANCEL_WINDOW_PASSED;
            case NOT_A_DESK_PAYMENT, ALREADY_ON_THAT_ACCOUNT, OTHER_PROVIDERS_ACCOUNT -> ApiError.CORRECTION_REFUSED;
            case MISSING_FIELD -> ApiError.MISSING_VALUE;
            default -> ApiError.INVALID_VALUE;
        };
        String field = switch (code) {
            case ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED -> "accountId";
            case INVALID_ACCOUNT_NUMBER, ACCOUNT_EXISTS -> "number";
            case PROVIDER_NOT_FOUND -> "providerId";
            case METER_NOT_FOUND -> "serial";
            case PAYMENT_NOT_FOUND, PAYMENT_ALREADY_CORRECTED, CANCEL_WINDOW_PASSED -> "id";
            case RECEIPT_NUMBER_USED, RECEIPT_NUMBER_FORMAT -> "receiptNumber";
            case INVALID_AMOUNT -> "amount";
            case CLOSED_BEFORE_OPENING -> "on";
            case SERVICES_NOT_BILLED -> "services";
            case PROVIDER_CODE_TAKEN -> "code";
            case MISSING_FIELD -> String.valueOf(args[0]);
            case CORRECTION_REASON_LENGTH -> "reason";
            case MOVE_NAMES_ACCOUNT, OTHER_PROVIDERS_ACCOUNT, ALREADY_ON_THAT_ACCOUNT -> "toAccountId";
            case UNKNOWN_DESK_CHANNEL -> "channel";
            default -> null;
        };
        if (code == BillingErrorCode.PAYMENT_ALREADY_CORRECTED) {
            args[1] = Messages.ref("billing.correction." + args[1]);
        } else if (code == BillingErrorCode.ALREADY_DECIDED) {
            args[1] = Messages.ref("billing.setAside." + args[1]);
        }
        return ApiException.keyed(error, field, "billing." + code.name(), readable(args));
    }

    static ApiException tariff(TariffException e) {
        ErrorCode code = e.code();
        ApiError error = switch (code) {
            case UNKNOWN_UTILITY, UNKNOWN_REGION, UNKNOWN_HOUSEHOLD_CLASS -> ApiError.UNKNOWN_VALUE;
            case MISSING_VALUE -> ApiError.MISSING_VALUE;
            case NO_TARIFF -> ApiError.NO_TARIFF;
            case BOOK_CONFLICT -> ApiError.TARIFF_CONFLICT;
            case BOOK_FORMAT, BOOK_INVALID_TARIFF -> ApiError.TARIFF_REJECTED;
            default -> ApiError.INVALID_VALUE;
        };
        String field = code.isInputError() ? apiName(e.field()) : bookField(e);
        String key = "tariff." + code.name() + (e.reason() == null ? "" : "." + e.reason());
        Object[] values = e.args();
        Object[] args = new Object[values.length + 1];
        args[0] = code.isInputError() ? field : e.field();
        System.arraycopy(values, 0, args, 1, values.length);
        if (e.reason() == null) {
            args[1] = apiName(String.valueOf(args[1]));
        }
        return ApiException.keyed(error, field, key, readable(args));
    }

    /** The field of a tariff version (as the operators' form names it) a book rule speaks of. */
    private static String bookField(TariffException e) {
        if (e.code() == ErrorCode.BOOK_CONFLICT || "notSupersedable".equals(e.reason())) {
            return "validFrom";
        }
        String reason = e.reason() == null ? "" : e.reason();
        return switch (reason) {
            case "validToAfterFrom" -> "validTo";
            case "blockNegativePrice", "blockNoBound", "blockBoundsRise", "blocksOnlyPerUnit", "oneBlock",
                    "statePaidNeedsNorm" -> "blocks";
            case "seasonalTwoBlocks" -> "season";
            case "coefficientPositive" -> "unmeteredCoefficient";
            case "garbageNotMetered" -> "basis";
            default -> "id";
        };
    }

    private static ApiError appealError(AppealException e) {
        return switch (e.code()) {
            case NOT_FOUND -> ApiError.APPEAL_NOT_FOUND;
            case TRANSITION_NOT_ALLOWED, NOT_AN_OFFICERS_ACTION, ALREADY_EXTENDED -> ApiError.APPEAL_TRANSITION_NOT_ALLOWED;
            case TOO_MANY_DRAFTS -> ApiError.TOO_MANY_DRAFTS;
            case PHONE_NOT_VERIFIED -> ApiError.PHONE_NOT_VERIFIED;
            case NO_ROUTE -> ApiError.NO_APPEAL_ROUTE;
            case LATE_FORWARD_NEEDS_REASON, ANSWER_TEXT_REQUIRED, REJECTION_REASONS_TOO_SHORT,
                    EXTENSION_REASON_REQUIRED -> ApiError.MISSING_VALUE;
            case UNKNOWN_ORGANISATION -> ApiError.UNKNOWN_VALUE;
            case ALREADY_THERE, UNKNOWN_REJECT_REASON -> ApiError.INVALID_VALUE;
            case FORWARD_LIMIT -> ApiError.APPEAL_FORWARD_LIMIT;
            case TOO_LATE_TO_REJECT, TOO_LATE_TO_EXTEND -> ApiError.APPEAL_DEADLINE_PASSED;
            case FILE_EMPTY, FILE_TYPE_NOT_ALLOWED -> ApiError.ATTACHMENT_TYPE_NOT_ALLOWED;
            case PHOTO_TOO_LARGE, VIDEO_TOO_LARGE -> ApiError.ATTACHMENT_TOO_LARGE;
            case TOO_MANY_ATTACHMENTS -> ApiError.TOO_MANY_ATTACHMENTS;
        };
    }

    /** The engine's request names in the API's words: it says {@code items[0]}, the API {@code utilities[0]}. */
    static String apiName(String engineName) {
        return engineName == null ? null : ITEMS.matcher(engineName).replaceAll("utilities");
    }

    /** Values as a person reads them: utilities and account families by their catalogue names. */
    static Object[] readable(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = readable(out[i]);
        }
        return out;
    }

    private static Object readable(Object value) {
        if (value instanceof Utility u) {
            return Messages.utility(u.name());
        }
        if (value instanceof AccountKind k) {
            return Messages.utility(k.name());
        }
        if (value instanceof Collection<?> c) {
            List<Object> names = c.stream().map(DomainProblems::readable).toList();
            return new Messages.Joined(names);
        }
        if (value instanceof Status st) {
            return Messages.ref("appeal.status." + st.name());
        }
        if (value instanceof Action act) {
            return Messages.ref("appeal.action." + act.name());
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return String.valueOf(value);
        }
        return value;
    }

    /** The detail in a language, e.g. for a protocol whose errors carry a description. */
    public static String detail(Language language, ApiException e) {
        return Messages.text(language, e.key(), e.args());
    }
}
