package uz.ekommunal.billing.desk;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * A provider's cashier desk: takes money for one of the provider's accounts through the one
 * {@link PaymentService} (so the ledger entry and the payment are the same as every channel's),
 * and keeps the receipt number unique per provider. A repeat of a receipt (the cashier pressed
 * twice, a network retry) answers the first payment; the same number with other data is refused.
 */
public final class CashierDesk {

    private static final String SELECT = """
            select p.id, d.provider_id, d.receipt_number, d.channel, p.account_id, a.number, a.holder_name,
                a.address, p.amount_tiyin, p.paid_at, d.cashier_user_id, p.cancelled_at, k.kind, k.reason
            from billing.desk_payments d join billing.payments p on p.id = d.payment_id
            join billing.accounts a on a.id = p.account_id
            left join billing.payment_corrections k on k.payment_id = p.id
            """;

    private final DataSource dataSource;
    private final PaymentService payments;
    private final Clock clock;

    public CashierDesk(DataSource dataSource, PaymentService payments, Clock clock) {
        this.dataSource = dataSource;
        this.payments = payments;
        this.clock = clock;
    }

    /** What a take did: the receipt, and whether this call made it (false: a repeat). */
    public record Taken(DeskReceipt receipt, boolean created) {
    }

    /**
     * Credits the account now; {@code whenCreated} runs in the same transaction, only for a new payment.
     *
     * @throws BillingException {@link BillingErrorCode#ACCOUNT_NOT_FOUND} (also for another provider's account),
     *     {@link BillingErrorCode#ACCOUNT_CLOSED}, {@link BillingErrorCode#RECEIPT_NUMBER_USED}
     */
    public Taken take(DeskPayment p, InTransaction<DeskReceipt> whenCreated) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> take(c, p, whenCreated));
    }

    private Taken take(Connection c, DeskPayment p, InTransaction<DeskReceipt> whenCreated) throws SQLException {
        Instant now = clock.instant();
        requireOpenAccountOf(c, p.providerId(), p.accountId(), BillingTime.dayOf(now));
        Optional<DeskReceipt> earlier = byReceipt(c, p.providerId(), p.receiptNumber());
        if (earlier.isPresent()) {
            return new Taken(sameOrRefuse(earlier.get(), p), false);
        }
        PaymentReceipt paid;
        try {
            paid = payments.apply(c, new PaymentRequest(p.channel().code(), p.transactionId(),
                    new AccountId(p.accountId()), Money.ofTiyin(p.amountTiyin()), now));
        } catch (BillingException e) {
            if (e.code() == BillingErrorCode.PAYMENT_CONFLICT) {
                throw new BillingException(BillingErrorCode.RECEIPT_NUMBER_USED, p.receiptNumber());
            }
            throw e;
        }
        int inserted;
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.desk_payments (payment_id, provider_id, receipt_number, channel, cashier_user_id)
                values (?, ?, ?, ?, ?) on conflict do nothing""")) {
            insert.setLong(1, paid.paymentId());
            insert.setLong(2, p.providerId());
            insert.setString(3, p.receiptNumber());
            insert.setString(4, p.channel().code());
            insert.setLong(5, p.cashierUserId());
            inserted = insert.executeUpdate();
        }
        DeskReceipt receipt = byReceipt(c, p.providerId(), p.receiptNumber()).orElseThrow();
        if (receipt.paymentId() != paid.paymentId()) {
            // the same number, written at the same moment for another channel's payment: this one rolls back
            throw new BillingException(BillingErrorCode.RECEIPT_NUMBER_USED, p.receiptNumber());
        }
        if (inserted == 0) {
            return new Taken(sameOrRefuse(receipt, p), false);
        }
        whenCreated.accept(c, receipt);
        return new Taken(receipt, true);
    }

    private static DeskReceipt sameOrRefuse(DeskReceipt earlier, DeskPayment p) {
        if (earlier.accountId() != p.accountId() || earlier.amountTiyin() != p.amountTiyin()
                || earlier.channel() != p.channel()) {
            throw new BillingException(BillingErrorCode.RECEIPT_NUMBER_USED, p.receiptNumber());
        }
        return earlier;
    }

    /** @throws BillingException ACCOUNT_NOT_FOUND when absent or another provider's, ACCOUNT_CLOSED */
    static void requireOpenAccountOf(Connection c, Long providerId, long accountId, LocalDate today)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select provider_id, closed_on from billing.accounts where id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || providerId != null && rs.getLong(1) != providerId) {
                    throw new BillingException(BillingErrorCode.ACCOUNT_NOT_FOUND, accountId);
                }
                Date closed = rs.getDate(2);
                if (closed != null && !closed.toLocalDate().isAfter(today)) {
                    throw new BillingException(BillingErrorCode.ACCOUNT_CLOSED, accountId, closed.toLocalDate());
                }
            }
        }
    }

    /** A desk payment, if it is of the provider (null: any provider). */
    public Optional<DeskReceipt> find(long paymentId, Long providerId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<DeskReceipt> found = list(c, SELECT + " where p.id = ?", paymentId);
            return found.stream().filter(r -> providerId == null || r.providerId() == providerId).findFirst();
        }
    }

    /** The provider's desk payments taken on a local day, oldest first. */
    public List<DeskReceipt> takenOn(long providerId, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return list(c, SELECT + " where d.provider_id = ? and p.paid_at >= ? and p.paid_at < ? order by p.paid_at, p.id",
                    providerId, Timestamp.from(BillingTime.startOf(day)), Timestamp.from(BillingTime.endOf(day)));
        }
    }

    private static Optional<DeskReceipt> byReceipt(Connection c, long providerId, String receiptNumber)
            throws SQLException {
        return list(c, SELECT + " where d.provider_id = ? and d.receipt_number = ?", providerId, receiptNumber)
                .stream().findFirst();
    }

    private static List<DeskReceipt> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            List<DeskReceipt> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp cancelled = rs.getTimestamp(12);
                    out.add(new DeskReceipt(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            DeskChannel.of(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getLong(11),
                            cancelled == null ? null : cancelled.toInstant(), rs.getString(13), rs.getString(14)));
                }
            }
            return out;
        }
    }
}
