package uz.ekommunal.billing.desk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Money;

/**
 * Undoes payments without editing them: a cancel at the desk the same day, a move to the right
 * account, a refund. Each locks the payment row first, so of two corrections of one payment at the
 * same moment the second waits, then finds it undone and is refused: the money moves once.
 */
public final class Corrections {

    private static final int MAX_REASON = 500;

    private final DataSource dataSource;
    private final PaymentService payments;
    private final Clock clock;

    public Corrections(DataSource dataSource, PaymentService payments, Clock clock) {
        this.dataSource = dataSource;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * What to undo and why.
     *
     * @param providerScope the provider the actor works for, or null for an administrator
     * @param toAccountId the right account, for a move only
     */
    public record Request(CorrectionKind kind, long paymentId, Long providerScope, Long toAccountId, String reason,
            Long actorUserId) {

        public Request {
            if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
                throw new BillingException(BillingErrorCode.CORRECTION_REASON_LENGTH, MAX_REASON);
            }
            if ((kind == CorrectionKind.MOVE) != (toAccountId != null)) {
                throw new BillingException(BillingErrorCode.MOVE_NAMES_ACCOUNT);
            }
        }
    }

    /**
     * Undoes the payment; {@code alsoDo} runs in the same transaction (the audit entry).
     *
     * @throws BillingException PAYMENT_NOT_FOUND (also for another provider's payment),
     *     PAYMENT_ALREADY_CORRECTED, CANCEL_WINDOW_PASSED, NOT_A_DESK_PAYMENT, ALREADY_ON_THAT_ACCOUNT, OTHER_PROVIDERS_ACCOUNT, ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED
     */
    public Correction apply(Request r, InTransaction<Correction> alsoDo) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Correction done = apply(c, r);
            alsoDo.accept(c, done);
            return done;
        });
    }

    private Correction apply(Connection c, Request r) throws SQLException {
        Instant now = clock.instant();
        Locked p = lock(c, r.paymentId(), r.providerScope());
        if (p.cancelled) {
            throw new BillingException(BillingErrorCode.PAYMENT_ALREADY_CORRECTED, r.paymentId(),
                    p.correction == null ? "cancelled" : p.correction.toLowerCase(java.util.Locale.ROOT));
        }
        if (r.kind() == CorrectionKind.CANCEL) {
            if (!p.desk) {
                throw new BillingException(BillingErrorCode.NOT_A_DESK_PAYMENT, r.paymentId());
            }
            if (!BillingTime.dayOf(p.paidAt).equals(BillingTime.dayOf(now))) {
                throw new BillingException(BillingErrorCode.CANCEL_WINDOW_PASSED, r.paymentId(),
                        BillingTime.dayOf(p.paidAt));
            }
        }
        if (r.kind() == CorrectionKind.MOVE) {
            checkTarget(c, p, r, now);
        }
        PaymentReceipt undone = payments.cancel(c, p.system, p.transactionId,
                r.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.reason());
        PaymentReceipt moved = null;
        if (r.kind() == CorrectionKind.MOVE) {
            moved = payments.apply(c, new PaymentRequest(p.system, p.transactionId + "/moved-from-" + p.id,
                    new AccountId(r.toAccountId()), Money.ofTiyin(p.amountTiyin), now));
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.payment_corrections (payment_id, kind, reason, actor_user_id, at,
                    reversal_entry_id, new_payment_id) values (?, ?, ?, ?, ?, ?, ?) returning id""")) {
            insert.setLong(1, p.id);
            insert.setString(2, r.kind().name());
            insert.setString(3, r.reason());
            insert.setObject(4, r.actorUserId());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setLong(6, undone.reversalId());
            insert.setObject(7, moved == null ? null : moved.paymentId());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new Correction(rs.getLong(1), r.kind(), p.id, p.accountId, r.toAccountId(), p.amountTiyin,
                        r.reason(), r.actorUserId(), now, undone.reversalId(),
                        moved == null ? null : moved.paymentId(), moved == null ? null : moved.entryId());
            }
        }
    }

    /** An account's payments, newest first (at most 200): what an operator picks a payment to correct from. */
    public java.util.List<PaymentReceipt> paymentsOf(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select * from billing.payments where account_id = ? order by paid_at desc, id desc limit 200")) {
            select.setLong(1, accountId);
            java.util.List<PaymentReceipt> out = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(PaymentService.receipt(rs));
                }
            }
            return out;
        }
    }

    private static void checkTarget(Connection c, Locked p, Request r, Instant now) throws SQLException {
        if (r.toAccountId() == p.accountId) {
            throw new BillingException(BillingErrorCode.ALREADY_ON_THAT_ACCOUNT, r.paymentId());
        }
        CashierDesk.requireOpenAccountOf(c, r.providerScope(), r.toAccountId(), BillingTime.dayOf(now));
        try (PreparedStatement select = c.prepareStatement("select provider_id from billing.accounts where id = ?")) {
            select.setLong(1, r.toAccountId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != p.providerId) {
                    // the money sits in the first provider's bank account: it cannot simply change hands
                    throw new BillingException(BillingErrorCode.OTHER_PROVIDERS_ACCOUNT, r.toAccountId());
                }
            }
        }
    }

    private record Locked(long id, String system, String transactionId, long accountId, long providerId,
            long amountTiyin, Instant paidAt, boolean cancelled, boolean desk, String correction) {
    }

    private static Locked lock(Connection c, long paymentId, Long scope) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select p.id, p.payment_system, p.transaction_id, p.account_id, a.provider_id, p.amount_tiyin,
                    p.paid_at, p.cancelled_at is not null,
                    exists (select 1 from billing.desk_payments d where d.payment_id = p.id),
                    (select k.kind from billing.payment_corrections k where k.payment_id = p.id)
                from billing.payments p join billing.accounts a on a.id = p.account_id
                where p.id = ? for update of p""")) {
            select.setLong(1, paymentId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || scope != null && rs.getLong(5) != scope) {
                    throw new BillingException(BillingErrorCode.PAYMENT_NOT_FOUND, paymentId);
                }
                return new Locked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getBoolean(9),
                        rs.getString(10));
            }
        }
    }
}
