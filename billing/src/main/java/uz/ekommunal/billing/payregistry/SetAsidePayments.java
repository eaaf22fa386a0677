package uz.ekommunal.billing.payregistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Money;

/**
 * The registry payments set aside (unknown or closed account) and an operator's decision on each:
 * credit it to an open account of the same provider, or reject it (the bank returns the money).
 * A decision is taken once: the row is locked, and a second decision finds it decided.
 */
public final class SetAsidePayments {

    /** Runs in the decision's transaction (an audit entry commits with it). */
    @FunctionalInterface
    public interface Audit {
        void record(Connection c, SetAsidePayment before, SetAsidePayment after) throws SQLException;
    }

    private final DataSource dataSource;
    private final PaymentService payments;
    private final Clock clock;

    public SetAsidePayments(DataSource dataSource, PaymentService payments, Clock clock) {
        this.dataSource = dataSource;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * @param providerScope only this provider's rows, or null for all
     * @param state CREDITED, SET_ASIDE or REJECTED, or null for any
     */
    public List<SetAsidePayment> list(Long providerScope, String state, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     select * from billing.registry_payments where (?::bigint is null or provider_id = ?)
                       and (?::text is null or state = ?) and (state <> 'CREDITED' or set_aside_reason is not null)
                     order by registry_id, line limit ?""")) {
            st.setObject(1, providerScope);
            st.setObject(2, providerScope);
            st.setString(3, state);
            st.setString(4, state);
            st.setInt(5, limit);
            List<SetAsidePayment> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /**
     * Credits a set-aside payment to the provider's open account {@code accountNumber}.
     *
     * @throws BillingException SET_ASIDE_NOT_FOUND (also another provider's), ALREADY_DECIDED,
     *     ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED
     */
    public SetAsidePayment credit(long id, Long providerScope, String accountNumber, String note, String decidedBy,
            Audit audit) throws SQLException {
        return decide(id, providerScope, audit, (c, before) -> {
            long accountId = openAccount(c, before.providerId(), accountNumber);
            PaymentReceipt receipt = payments.apply(c, new PaymentRequest(before.channel().paymentSystem(),
                    before.bank() + ":" + before.transactionId(), new AccountId(accountId),
                    Money.ofTiyin(before.amountTiyin()), before.paidAt()));
            return change(c, id, "CREDITED", accountId, receipt.paymentId(), decidedBy, note);
        });
    }

    /** Rejects a set-aside payment (the money goes back to the payer through the bank). */
    public SetAsidePayment reject(long id, Long providerScope, String note, String decidedBy, Audit audit)
            throws SQLException {
        return decide(id, providerScope, audit, (c, before) -> change(c, id, "REJECTED", null, null, decidedBy, note));
    }

    private interface Decision {
        SetAsidePayment apply(Connection c, SetAsidePayment before) throws SQLException;
    }

    private SetAsidePayment decide(long id, Long providerScope, Audit audit, Decision decision) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            SetAsidePayment before = lock(c, id).filter(p -> providerScope == null || p.providerId() == providerScope)
                    .filter(p -> p.reason() != null)
                    .orElseThrow(() -> new BillingException(BillingErrorCode.SET_ASIDE_NOT_FOUND, id));
            if (!before.state().equals("SET_ASIDE")) {
                throw new BillingException(BillingErrorCode.ALREADY_DECIDED, id, before.state());
            }
            SetAsidePayment after = decision.apply(c, before);
            audit.record(c, before, after);
            return after;
        });
    }

    private static long openAccount(Connection c, long providerId, String number) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select id, closed_on from billing.accounts where provider_id = ? and number = ?")) {
            st.setLong(1, providerId);
            st.setString(2, number);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new BillingException(BillingErrorCode.ACCOUNT_NOT_FOUND, number);
                }
                if (rs.getDate(2) != null) {
                    throw new BillingException(BillingErrorCode.ACCOUNT_CLOSED, number, rs.getDate(2).toLocalDate());
                }
                return rs.getLong(1);
            }
        }
    }

    private SetAsidePayment change(Connection c, long id, String state, Long accountId, Long paymentId,
            String decidedBy, String note) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                update billing.registry_payments set state = ?, account_id = coalesce(?, account_id), payment_id = ?,
                    decided_at = ?, decided_by = ?, note = ? where id = ? returning *""")) {
            st.setString(1, state);
            st.setObject(2, accountId);
            st.setObject(3, paymentId);
            st.setTimestamp(4, Timestamp.from(clock.instant()));
            st.setString(5, decidedBy);
            st.setString(6, note);
            st.setLong(7, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    private static Optional<SetAsidePayment> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from billing.registry_payments where id = ? for update")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static SetAsidePayment read(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new SetAsidePayment(rs.getLong("id"), rs.getLong("registry_id"), rs.getLong("line"), rs.getString("bank"),
                rs.getString("transaction_id"), rs.getString("branch"), Channel.of(rs.getString("channel")),
                rs.getTimestamp("paid_at").toInstant(), rs.getString("account_number"), rs.getLong("provider_id"),
                rs.getLong("amount_tiyin"), rs.getString("state"), rs.getString("set_aside_reason"),
                (Long) rs.getObject("account_id"), (Long) rs.getObject("payment_id"),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"), rs.getString("note"));
    }

}
