package uz.ekommunal.api.payments.click;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import uz.ekommunal.api.payments.Soum;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.hooks.AmountRule;
import uz.ekommunal.billing.payment.hooks.ClickTransitions;
import uz.ekommunal.billing.payment.hooks.ClickTransitions.ClickCall;
import uz.ekommunal.billing.payment.hooks.HookRefusal;
import uz.ekommunal.billing.payment.hooks.Payees;
import uz.ekommunal.billing.payment.hooks.PaymentHook;
import uz.ekommunal.billing.payment.hooks.Refusal;
import uz.ekommunal.tariff.Money;

/**
 * Click's SHOP-API in Click's own terms: checks what needs no database (signature, action,
 * service, number formats), turns the request into billing's {@link ClickTransitions} and each
 * refusal into Click's error code.
 */
public final class ClickMerchant {

    private static final DateTimeFormatter SIGN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final ZoneId CLICK_ZONE = ZoneId.of("Asia/Tashkent");

    private final ClickTransitions transitions;
    private final ClickSettings settings;

    public ClickMerchant(DataSource dataSource, Payees payees, PaymentService payments, PaymentTransactions transactions,
            AmountRule amounts, Clock clock, ClickSettings settings) {
        this.transitions = new ClickTransitions(new PaymentHook(ClickTransitions.SYSTEM, dataSource, payees, amounts,
                payments, transactions, clock));
        this.settings = settings;
    }

    /** Prepare ({@code action=0}); a repeat of a prepared transaction answers its prepare id again. */
    public ClickAnswer prepare(ClickRequest r, String raw) throws SQLException {
        ClickError invalid = check(r, "0");
        if (invalid != null) {
            return ClickAnswer.refuse(r, invalid);
        }
        try {
            PaymentTransaction prepared = transitions.prepare(call(r), raw);
            return new ClickAnswer(r.clickTransId(), r.merchantTransId(), prepared.id(), null, ClickError.SUCCESS);
        } catch (HookRefusal refusal) {
            return ClickAnswer.refuse(r, error(refusal.refusal()));
        }
    }

    /** Complete ({@code action=1}): credits once, or cancels when Click sends {@code error < 0}. */
    public ClickAnswer complete(ClickRequest r, String raw) throws SQLException {
        ClickError invalid = check(r, "1");
        if (invalid != null) {
            return ClickAnswer.refuse(r, invalid);
        }
        long prepareId;
        try {
            prepareId = Long.parseLong(r.merchantPrepareId());
        } catch (NumberFormatException e) {
            return ClickAnswer.refuse(r, ClickError.TRANSACTION_NOT_FOUND);
        }
        try {
            PaymentReceipt receipt = transitions.complete(prepareId, call(r), raw);
            return new ClickAnswer(r.clickTransId(), r.merchantTransId(), null, receipt.paymentId(), ClickError.SUCCESS);
        } catch (HookRefusal refusal) {
            return ClickAnswer.refuse(r, error(refusal.refusal()));
        }
    }

    /** The request's texts as values; call only after {@link #check} passed. */
    private static ClickCall call(ClickRequest r) {
        return new ClickCall(r.clickTransId(), r.merchantTransId(), Money.ofTiyin(Soum.toTiyin(r.amount())),
                Integer.parseInt(r.error()), parseSignTime(r.signTime()));
    }

    private static ClickError error(Refusal refusal) {
        return switch (refusal) {
            case ACCOUNT_NOT_FOUND, ACCOUNT_AMBIGUOUS, ACCOUNT_BUSY -> ClickError.USER_NOT_FOUND;
            case WRONG_AMOUNT -> ClickError.INCORRECT_AMOUNT;
            case TRANSACTION_NOT_FOUND -> ClickError.TRANSACTION_NOT_FOUND;
            case ALREADY_PAID -> ClickError.ALREADY_PAID;
            case CANCELLED, CANNOT_PERFORM, CANNOT_CANCEL -> ClickError.TRANSACTION_CANCELLED;
        };
    }

    /** Checks that need no database: signature, action, service, number formats. */
    private ClickError check(ClickRequest r, String action) {
        if (r == null) {
            return ClickError.BAD_REQUEST;
        }
        if (!ClickSignature.verify(r, settings.secretKey())) {
            return ClickError.SIGN_CHECK_FAILED;
        }
        if (!action.equals(r.action())) {
            return ClickError.ACTION_NOT_FOUND;
        }
        if (!r.serviceId().equals(settings.serviceId()) || !isLong(r.clickTransId()) || !isInt(r.error())
                || parseSignTime(r.signTime()) == null) {
            return ClickError.BAD_REQUEST;
        }
        if (Soum.toTiyin(r.amount()) < 0) {
            return ClickError.INCORRECT_AMOUNT;
        }
        return null;
    }

    private static Instant parseSignTime(String text) {
        try {
            return LocalDateTime.parse(text, SIGN_TIME).atZone(CLICK_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isLong(String text) {
        return text.matches("\\d{1,18}");
    }

    private static boolean isInt(String text) {
        return text.matches("-?\\d{1,9}");
    }
}
