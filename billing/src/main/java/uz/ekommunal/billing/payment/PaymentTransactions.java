package uz.ekommunal.billing.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.tariff.Money;

/**
 * The payment hooks' transactions and their state changes, always in the caller's database
 * transaction, so a state change, its raw request and the ledger entry commit together. Reads
 * meant to be followed by a change lock the row ({@code for update}): concurrent repeats of one
 * call wait for each other and the later ones see the first one's outcome.
 */
public final class PaymentTransactions {

    private static final String SELECT = "select * from billing.payment_transactions ";

    /** The transaction with the payment system's id, locked. */
    public Optional<PaymentTransaction> lock(Connection c, String paymentSystem, String externalId)
            throws SQLException {
        return one(c, SELECT + "where payment_system = ? and external_id = ? for update", paymentSystem, externalId);
    }

    /** The transaction with our id, locked, if it is the payment system's. */
    public Optional<PaymentTransaction> lock(Connection c, String paymentSystem, long id) throws SQLException {
        return one(c, SELECT + "where payment_system = ? and id = ? for update", paymentSystem, id);
    }

    /** The account's transaction waiting to be performed, locked (Payme allows one). */
    public Optional<PaymentTransaction> lockPending(Connection c, String paymentSystem, AccountId account)
            throws SQLException {
        return one(c, SELECT + "where payment_system = ? and account_id = ? and state = 1 for update",
                paymentSystem, account.value());
    }

    /**
     * Records a new transaction in state 1 with its first event.
     *
     * @return empty when a unique key refused it (the same external id, or a second pending
     *     Payme transaction of the account, written concurrently): nothing was written
     */
    public Optional<PaymentTransaction> create(Connection c, String paymentSystem, String externalId, AccountId account,
            String accountNumber, Money amount, Instant externalTime, Instant now, String rawRequest)
            throws SQLException {
        Optional<PaymentTransaction> created = one(c, """
                insert into billing.payment_transactions (payment_system, external_id, account_id, account_number,
                    amount_tiyin, external_time, state, create_time) values (?, ?, ?, ?, ?, ?, 1, ?)
                on conflict do nothing returning *""", paymentSystem, externalId, account.value(), accountNumber,
                amount.tiyin(), Timestamp.from(externalTime), Timestamp.from(now));
        if (created.isPresent()) {
            event(c, created.get().id(), now, null, TransactionState.CREATED, null, rawRequest);
        }
        return created;
    }

    /** Moves a transaction to {@code to} (perform or cancel time set to {@code now}) and records the event. */
    public PaymentTransaction change(Connection c, PaymentTransaction t, TransactionState to, Integer reason,
            Instant now, String rawRequest) throws SQLException {
        String times = to == TransactionState.PERFORMED ? "perform_time = ?" : "cancel_time = ?";
        PaymentTransaction changed = one(c, "update billing.payment_transactions set state = ?, " + times
                + ", reason = coalesce(?, reason) where id = ? returning *", (short) to.code(), Timestamp.from(now),
                reason, t.id()).orElseThrow();
        event(c, t.id(), now, t.state(), to, reason, rawRequest);
        return changed;
    }

    /** The payment system's transactions created (by its own time) from {@code from} to {@code to} inclusive, oldest first. */
    public List<PaymentTransaction> createdBetween(Connection c, String paymentSystem, Instant from, Instant to)
            throws SQLException {
        return list(c, SELECT + "where payment_system = ? and external_time between ? and ? order by external_time, id",
                paymentSystem, Timestamp.from(from), Timestamp.from(to));
    }

    /** The raw requests of a transaction's state changes, oldest first (for operators and tests). */
    public List<String> rawRequests(Connection c, long transactionId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select raw_request from billing.payment_transaction_events where transaction_id = ? order by id")) {
            select.setLong(1, transactionId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static void event(Connection c, long id, Instant at, TransactionState from, TransactionState to,
            Integer reason, String rawRequest) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.payment_transaction_events (transaction_id, at, from_state, to_state, reason,
                    raw_request) values (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, id);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setObject(3, from == null ? null : (short) from.code());
            insert.setShort(4, (short) to.code());
            insert.setObject(5, reason);
            insert.setString(6, rawRequest.replace("\u0000", "\\u0000")); // PostgreSQL text holds no NUL
            insert.executeUpdate();
        }
    }

    private static Optional<PaymentTransaction> one(Connection c, String sql, Object... args) throws SQLException {
        List<PaymentTransaction> found = list(c, sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<PaymentTransaction> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<PaymentTransaction> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static PaymentTransaction read(ResultSet rs) throws SQLException {
        return new PaymentTransaction(rs.getLong("id"), rs.getString("payment_system"), rs.getString("external_id"),
                rs.getLong("account_id"), rs.getString("account_number"), rs.getLong("amount_tiyin"),
                instant(rs, "external_time"), TransactionState.of(rs.getShort("state")), instant(rs, "create_time"),
                instant(rs, "perform_time"), instant(rs, "cancel_time"), (Integer) rs.getObject("reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
