package uz.ekommunal.api.payments.click;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import uz.ekommunal.api.payments.AmountRule;
import uz.ekommunal.storage.Transactions;
import javax.sql.DataSource;
import uz.ekommunal.api.payments.Payees;
import uz.ekommunal.api.payments.Soum;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.TransactionState;

/**
 * The supplier side of Click's SHOP-API, without HTTP. Prepare records the transaction (state 1,
 * its id is {@code merchant_prepare_id}); complete credits the account once (state 2) or, when
 * Click reports an error, cancels it (state -1) and answers -9. Each call runs in one database
 * transaction with the row locked, so concurrent repeats of a complete credit once: the first
 * answers 0, the others -4 (already paid), as the specification says.
 */
public final class ClickMerchant {

    public static final String SYSTEM = "click";
    private static final DateTimeFormatter SIGN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final ZoneId CLICK_ZONE = ZoneId.of("Asia/Tashkent");

    private final DataSource dataSource;
    private final Payees payees;
    private final PaymentService payments;
    private final PaymentTransactions transactions;
    private final AmountRule amounts;
    private final Clock clock;
    private final ClickSettings settings;

    public ClickMerchant(DataSource dataSource, Payees payees, PaymentService payments, PaymentTransactions transactions,
            AmountRule amounts, Clock clock, ClickSettings settings) {
        this.dataSource = dataSource;
        this.payees = payees;
        this.payments = payments;
        this.transactions = transactions;
        this.amounts = amounts;
        this.clock = clock;
        this.settings = settings;
    }

    /** Prepare ({@code action=0}); a repeat of a prepared transaction answers its prepare id again. */
    public ClickAnswer prepare(ClickRequest r, String raw) throws SQLException {
        ClickError invalid = check(r, "0");
        if (invalid != null) {
            return ClickAnswer.refuse(r, invalid);
        }
        long tiyin = Soum.toTiyin(r.amount());
        int clickError = Integer.parseInt(r.error());
        return Transactions.inTransaction(dataSource, c -> {
            Optional<PaymentTransaction> existing = transactions.lock(c, SYSTEM, r.clickTransId());
            if (existing.isPresent()) {
                return again(c, r, existing.get(), tiyin, clickError, raw);
            }
            Payees.Lookup payee = payees.find(r.merchantTransId());
            if (!payee.found()) {
                return ClickAnswer.refuse(r, ClickError.USER_NOT_FOUND);
            }
            if (!amounts.allows(tiyin)) {
                return ClickAnswer.refuse(r, ClickError.INCORRECT_AMOUNT);
            }
            if (clickError < 0) {
                return ClickAnswer.refuse(r, ClickError.TRANSACTION_CANCELLED);
            }
            Optional<PaymentTransaction> created = transactions.create(c, SYSTEM, r.clickTransId(),
                    payee.account().id(), r.merchantTransId(), tiyin, signTime(r), now(), raw);
            if (created.isEmpty()) {
                // the same click_trans_id prepared concurrently: answer as its repeat
                return again(c, r, transactions.lock(c, SYSTEM, r.clickTransId()).orElseThrow(), tiyin, clickError,
                        raw);
            }
            return new ClickAnswer(r.clickTransId(), r.merchantTransId(), created.get().id(), null, ClickError.SUCCESS);
        });
    }

    private ClickAnswer again(Connection c, ClickRequest r, PaymentTransaction t, long tiyin, int clickError,
            String raw) throws SQLException {
        ClickError state = stateError(r, t, tiyin);
        if (state != null) {
            return ClickAnswer.refuse(r, state);
        }
        if (clickError < 0) {
            transactions.change(c, t, TransactionState.CANCELLED, clickError, now(), raw);
            return ClickAnswer.refuse(r, ClickError.TRANSACTION_CANCELLED);
        }
        return new ClickAnswer(r.clickTransId(), r.merchantTransId(), t.id(), null, ClickError.SUCCESS);
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
        long tiyin = Soum.toTiyin(r.amount());
        int clickError = Integer.parseInt(r.error());
        return Transactions.inTransaction(dataSource, c -> {
            Optional<PaymentTransaction> found = transactions.lock(c, SYSTEM, prepareId);
            if (found.isEmpty() || !found.get().externalId().equals(r.clickTransId())) {
                return ClickAnswer.refuse(r, ClickError.TRANSACTION_NOT_FOUND);
            }
            PaymentTransaction t = found.get();
            ClickError state = stateError(r, t, tiyin);
            if (state != null) {
                return ClickAnswer.refuse(r, state);
            }
            Instant now = now();
            if (clickError < 0) {
                transactions.change(c, t, TransactionState.CANCELLED, clickError, now, raw);
                return ClickAnswer.refuse(r, ClickError.TRANSACTION_CANCELLED);
            }
            PaymentReceipt receipt = payments.apply(c, new PaymentRequest(SYSTEM, t.externalId(), t.accountId(),
                    t.amountTiyin(), now));
            transactions.change(c, t, TransactionState.PERFORMED, null, now, raw);
            return new ClickAnswer(r.clickTransId(), r.merchantTransId(), null, receipt.paymentId(), ClickError.SUCCESS);
        });
    }

    /** What a known transaction's state and data refuse, or null when it is pending and matches. */
    private static ClickError stateError(ClickRequest r, PaymentTransaction t, long tiyin) {
        if (!t.accountNumber().equals(r.merchantTransId())) {
            return ClickError.USER_NOT_FOUND;
        }
        if (t.amountTiyin() != tiyin) {
            return ClickError.INCORRECT_AMOUNT;
        }
        return switch (t.state()) {
            case PERFORMED -> ClickError.ALREADY_PAID;
            case CANCELLED, CANCELLED_AFTER_PERFORM -> ClickError.TRANSACTION_CANCELLED;
            case CREATED -> null;
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

    private Instant signTime(ClickRequest r) {
        return parseSignTime(r.signTime());
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
