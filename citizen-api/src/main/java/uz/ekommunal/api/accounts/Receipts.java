package uz.ekommunal.api.accounts;

import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.print.Language;
import uz.ekommunal.billing.print.ReceiptDocument;
import uz.ekommunal.billing.print.ReceiptExtras;
import uz.ekommunal.billing.print.ReceiptReading;
import uz.ekommunal.billing.print.ReceiptLine;
import uz.ekommunal.billing.print.StatementPeriod;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/**
 * An issued invoice as a printed receipt. The invoice's balance before already counts the
 * payments up to its issue, so nothing is shown as paid within it: after = before - charged.
 */
public final class Receipts {

    private Receipts() {
    }

    public static ReceiptDocument of(Invoice i, Language language) {
        List<ReceiptLine> lines = i.lines().stream().map(l -> line(l, language)).toList();
        return new ReceiptDocument(i.number(), BillingTime.dayOf(i.issuedAt()), period(i),
                i.accountNumber(), orEmpty(i.holderName()), orEmpty(i.address()), i.provider(), lines,
                i.balanceBefore().amount(), i.total().amount(), Money.ZERO.amount(), i.balanceAfter().amount());
    }

    /** Bills are payable by this day of the month after the billed one. */
    static final int DUE_DAY = 10;

    /**
     * What the receipt shows beside its lines: each metered utility's previous and current reading
     * as billed (dated, read or estimated), the due date, and the checkout link as a QR code.
     *
     * @param checkoutLink null when payments are not configured or nothing is owed
     */
    public static ReceiptExtras extras(Invoice i, Language language, String checkoutLink) {
        List<ReceiptReading> readings = i.usage().stream()
                .filter(u -> !u.corrected() && u.startValue() != null && u.endValue() != null)
                .map(u -> new ReceiptReading(name(u.utility(), language), u.periodStart(), u.startValue(),
                        u.periodEnd(), u.endValue(), u.utility().meteredUnit().label(), u.estimated()))
                .toList();
        return new ReceiptExtras(readings, dueDate(i), checkoutLink);
    }

    /** The {@value #DUE_DAY}th of the month after the billed month. */
    static LocalDate dueDate(Invoice i) {
        return i.periodEnd().minusDays(1).withDayOfMonth(1).plusMonths(1).withDayOfMonth(DUE_DAY);
    }

    /** The invoice's period by its first and last day (invoice periods end on the day after their last day). */
    static StatementPeriod period(Invoice i) {
        LocalDate lastDay = i.periodEnd().minusDays(1);
        return new StatementPeriod(i.periodStart(), lastDay.isBefore(i.periodStart()) ? i.periodStart() : lastDay);
    }

    private static ReceiptLine line(InvoiceLine l, Language language) {
        String name = name(l.utility(), language);
        String description = switch (l.type()) {
            case STATE_PAID -> name + (language == Language.RUSSIAN ? " (оплачивает государство)" : " (davlat to'laydi)");
            case CORRECTION -> name + (language == Language.RUSSIAN ? ": перерасчёт " : ": qayta hisob ")
                    + l.from() + " - " + l.to().minusDays(1) + (l.note() == null ? "" : ". " + l.note());
            case BLOCK, FLAT -> name;
        };
        if (l.estimated()) {
            description += language == Language.RUSSIAN ? " (расчётно)" : " (taxminiy)";
        }
        String block = l.type() == LineType.BLOCK && l.block() > 0
                ? (language == Language.RUSSIAN ? "ступень " : "blok ") + l.block() + limits(l) : "";
        return new ReceiptLine(description, l.quantity(), l.unit() == null ? "" : l.unit().label(), l.unitPrice(),
                block, l.amount().amount());
    }

    /** The block's limits in the line's part of the period, e.g. ": 200–500", or ": 1000+" for the last. */
    static String limits(InvoiceLine l) {
        if (l.blockFrom() == null) {
            return "";
        }
        String from = l.blockFrom().stripTrailingZeros().toPlainString();
        return l.blockTo() == null ? ": " + from + "+" : ": " + from + "–" + l.blockTo().stripTrailingZeros().toPlainString();
    }

    private static String name(Utility u, Language language) {
        boolean ru = language == Language.RUSSIAN;
        return switch (u) {
            case ELECTRICITY -> ru ? "Электроэнергия" : "Elektr energiyasi";
            case NATURAL_GAS -> ru ? "Природный газ" : "Tabiiy gaz";
            case COLD_WATER -> ru ? "Холодная вода" : "Sovuq suv";
            case SEWERAGE -> ru ? "Водоотведение" : "Oqova suv";
            case HOT_WATER -> ru ? "Горячая вода" : "Issiq suv";
            case HEATING -> ru ? "Отопление" : "Isitish";
            case GARBAGE -> ru ? "Вывоз отходов" : "Chiqindilarni olib ketish";
        };
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
