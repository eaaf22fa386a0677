package uz.ekommunal.billing.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.NewEntry;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Money;

/**
 * The one way money gets onto an account: applies a payment exactly once, keyed by (payment
 * system, transaction id), and cancels it by a reversal entry. A repeat, even 50 at the same
 * moment, finds the first one's row (a unique key waits for it) and answers the same receipt.
 *
 * <p>Each operation has a form that runs in the caller's transaction, so a payment hook can
 * record its own state change (and the raw request) atomically with the ledger entry.
 */
public final class PaymentService {

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;

    public PaymentService(DataSource dataSource, Ledger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Credits the account once; a repeat of the same transaction answers the same receipt.
     *
     * @throws BillingException {@link BillingErrorCode#PAYMENT_CONFLICT} when the transaction id
     *     was applied with another account or amount, {@link BillingErrorCode#ACCOUNT_NOT_FOUND}
     */
    public PaymentReceipt apply(PaymentRequest request) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> apply(c, request));
    }

    /** {@link #apply(PaymentRequest)} within the caller's transaction (auto-commit off). */
    public PaymentReceipt apply(Connection c, PaymentRequest r) throws SQLException {
        Long id;
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.payments (payment_system, transaction_id, account_id, amount_tiyin, paid_at)
                select ?, ?, a.id, ?, ? from billing.accounts a where a.id = ?
                on conflict (payment_system, transaction_id) do nothing returning id""")) {
            insert.setString(1, r.paymentSystem());
            insert.setString(2, r.transactionId());
            insert.setLong(3, r.amountTiyin());
            insert.setTimestamp(4, Timestamp.from(r.paidAt()));
            insert.setLong(5, r.accountId());
            try (ResultSet rs = insert.executeQuery()) {
                id = rs.next() ? rs.getLong(1) : null;
            }
        }
        if (id != null) {
            long entry = ledger.append(c, new NewEntry(r.accountId(), EntryKind.PAYMENT, Money.ofTiyin(r.amountTiyin()),
                    r.paidAt(), null, id, null, r.paymentSystem() + " payment " + r.transactionId()));
            update(c, "update billing.payments set entry_id = ? where id = ?", entry, id);
        }
        PaymentReceipt receipt = find(c, r.paymentSystem(), r.transactionId()).orElseThrow(
                () -> new BillingException(BillingErrorCode.ACCOUNT_NOT_FOUND, r.accountId()));
        if (receipt.accountId() != r.accountId() || receipt.amountTiyin() != r.amountTiyin()) {
            throw new BillingException(BillingErrorCode.PAYMENT_CONFLICT, r.paymentSystem() + "/" + r.transactionId(),
                    receipt.accountId(), receipt.amountTiyin());
        }
        return receipt;
    }

    /**
     * Cancels a payment by a reversal entry (effective now); a repeat answers the same receipt.
     *
     * @throws BillingException {@link BillingErrorCode#PAYMENT_NOT_FOUND}
     */
    public PaymentReceipt cancel(String paymentSystem, String transactionId, String reason) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> cancel(c, paymentSystem, transactionId, reason));
    }

    /** {@link #cancel(String, String, String)} within the caller's transaction. */
    public PaymentReceipt cancel(Connection c, String paymentSystem, String transactionId, String reason)
            throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement cancel = c.prepareStatement("""
                update billing.payments set cancelled_at = ?, cancel_reason = ?
                where payment_system = ? and transaction_id = ? and cancelled_at is null
                returning id, account_id, amount_tiyin, entry_id""")) {
            cancel.setTimestamp(1, Timestamp.from(now));
            cancel.setString(2, reason);
            cancel.setString(3, paymentSystem);
            cancel.setString(4, transactionId);
            try (ResultSet rs = cancel.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    long reversal = ledger.append(c, new NewEntry(rs.getLong(2), EntryKind.REVERSAL,
                            Money.ofTiyin(-rs.getLong(3)), now, null, id, rs.getLong(4),
                            paymentSystem + " payment " + transactionId + " cancelled" + (reason == null ? "" : ": " + reason)));
                    update(c, "update billing.payments set reversal_id = ? where id = ?", reversal, id);
                }
            }
        }
        return find(c, paymentSystem, transactionId).orElseThrow(
                () -> new BillingException(BillingErrorCode.PAYMENT_NOT_FOUND, paymentSystem + "/" + transactionId));
    }

    /** The latest payment that stands (not cancelled): the widget's "last payment, date and amount". */
    public Optional<PaymentReceipt> lastPayment(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select * from billing.payments
                     where account_id = ? and cancelled_at is null order by paid_at desc, id desc limit 1""")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(receipt(rs)) : Optional.empty();
            }
        }
    }

    public Optional<PaymentReceipt> find(String paymentSystem, String transactionId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, paymentSystem, transactionId);
        }
    }

    public Optional<PaymentReceipt> find(Connection c, String paymentSystem, String transactionId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select * from billing.payments where payment_system = ? and transaction_id = ?")) {
            select.setString(1, paymentSystem);
            select.setString(2, transactionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(receipt(rs)) : Optional.empty();
            }
        }
    }

    /** A row of billing.payments (its own column names). */
    public static PaymentReceipt receipt(ResultSet rs) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new PaymentReceipt(rs.getLong("id"), rs.getString("payment_system"), rs.getString("transaction_id"),
                rs.getLong("account_id"), rs.getLong("amount_tiyin"), rs.getTimestamp("paid_at").toInstant(),
                rs.getLong("entry_id"), cancelled == null ? null : cancelled.toInstant(),
                rs.getString("cancel_reason"), (Long) rs.getObject("reversal_id"));
    }

    private static void update(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, a);
            update.setLong(2, b);
            update.executeUpdate();
        }
    }
}
