package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.billing.notice.NoticeFeed;
import uz.ekommunal.tariff.Money;

/**
 * The money notices: a bill issued, a reminder {@code debt_reminder_days_before} days before the
 * due date (the 10th of the month after the billed one, as the receipts print it) while a debt
 * remains, and a payment credited. Only an account's newest bill and payments made within
 * {@code payment_max_age_days} are told, so history loaded at go-live sends nothing. Each sweep reads the last {@code bill_lookback_hours} of
 * billing's feed; the outbox key makes every notice once-only however often it runs.
 */
public final class BillNotices {

    /** The receipts' due day (the 10th of the month after the billed month). */
    static final int DUE_DAY = 10;

    private final DataSource dataSource;
    private final NoticeFeed feed;
    private final HouseholdNotifier notifier;
    private final Clock clock;
    private final HandledEvents handled = new HandledEvents();

    public BillNotices(DataSource dataSource, NoticeFeed feed, HouseholdNotifier notifier, Clock clock) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** One sweep; @return how many messages it put in the outbox */
    public int sweep() throws SQLException {
        Instant now = clock.instant();
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            Instant from = now.minus(Duration.ofHours(NoticeSettings.value(c, "bill_lookback_hours")));
            int daysBefore = NoticeSettings.value(c, "debt_reminder_days_before");
            Instant paidSince = now.minus(Duration.ofDays(NoticeSettings.value(c, "payment_max_age_days")));
            for (NoticeFeed.IssuedBill b : newestPerAccount(feed.issuedBetween(from, now.plusNanos(1_000)))) {
                LocalDate due = dueDate(b.periodEnd());
                sent += once(c, now, b.accountId(), NoticeKind.BILL_ISSUED, Long.toString(b.invoiceId()),
                        l -> Messages.text(l, "notice.bill.issued", b.accountNumber(), som(b.total(), l),
                                som(b.balanceAfter().isNegative() ? b.balanceAfter().negate() : Money.ZERO, l), day(due)));
            }
            for (NoticeFeed.CreditedPayment p : feed.creditedBetween(from, now.plusNanos(1_000))) {
                if (p.paidAt().isBefore(paidSince)) {
                    continue; // an old payment credited now (history at go-live): not news to anyone
                }
                sent += once(c, now, p.accountId(), NoticeKind.PAYMENT_CREDITED, Long.toString(p.paymentId()),
                        l -> Messages.text(l, "notice.payment.credited", p.accountNumber(), som(p.amount(), l),
                                day(NoticeFeed.dayOf(p.paidAt()))));
            }
            LocalDate today = NoticeFeed.dayOf(now);
            LocalDate dueOn = nextDueDay(today);
            // any day of the window, so a sweep that missed a day still reminds
            if (!today.plusDays(daysBefore).isBefore(dueOn)) {
                for (NoticeFeed.OpenDebt d : feed.debtsDueOn(dueOn, now)) {
                    sent += once(c, now, d.accountId(), NoticeKind.DEBT_REMINDER, Long.toString(d.invoiceId()),
                            l -> Messages.text(l, "notice.debt.reminder", d.accountNumber(), som(d.debt(), l),
                                    day(d.dueOn())));
                }
            }
        }
        handled.forgetBefore(now.minus(HandledEvents.keep()));
        return sent;
    }

    /**
     * Of the bills issued in the window, each account's newest period only: its notice tells the whole
     * debt, and a history of bills loaded at go-live (or late bills for earlier months) is not a
     * message per month.
     */
    static List<NoticeFeed.IssuedBill> newestPerAccount(List<NoticeFeed.IssuedBill> bills) {
        Map<Long, LocalDate> newest = new HashMap<>();
        for (NoticeFeed.IssuedBill b : bills) {
            newest.merge(b.accountId(), b.periodEnd(), (x, y) -> x.isAfter(y) ? x : y);
        }
        return bills.stream().filter(b -> b.periodEnd().equals(newest.get(b.accountId()))).toList();
    }

    /** A notice about an event, skipped when this process already told everyone about it. */
    private int once(Connection c, Instant now, long accountId, NoticeKind kind, String event,
            java.util.function.Function<uz.ekommunal.api.appeals.Language, String> text) throws SQLException {
        String key = kind.name() + ":" + event;
        if (handled.contains(key)) {
            return 0;
        }
        HouseholdNotifier.Sent sent = notifier.notify(c, accountId, kind, event, text);
        if (sent.complete()) {
            handled.add(key, now);
        }
        return sent.sent();
    }

    /** The first due day (the 10th) after {@code today}. */
    static LocalDate nextDueDay(LocalDate today) {
        LocalDate thisMonth = today.withDayOfMonth(DUE_DAY);
        return today.isBefore(thisMonth) ? thisMonth : thisMonth.plusMonths(1);
    }

    /** The due day of an invoice whose period ends (exclusive) on {@code periodEnd}. */
    static LocalDate dueDate(LocalDate periodEnd) {
        return periodEnd.minusDays(1).withDayOfMonth(1).plusMonths(1).withDayOfMonth(DUE_DAY);
    }

    /**
     * So'm as people read them: {@code 223 200,00} in Uzbek and Russian, {@code 223,200.00} in English
     * (never a run of six digits a phone could take for a sign-in code).
     */
    static String som(Money m, uz.ekommunal.api.appeals.Language l) {
        java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
        symbols.setGroupingSeparator(l == uz.ekommunal.api.appeals.Language.EN ? ',' : '\u00a0');
        symbols.setDecimalSeparator(l == uz.ekommunal.api.appeals.Language.EN ? '.' : ',');
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00", symbols);
        return format.format(m.amount());
    }

    static String day(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }
}
