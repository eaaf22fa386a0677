package uz.ekommunal.api.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.print.PaymentSlipDocument;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/**
 * A payment slip for one utility of an issued invoice: the amount is what that utility's lines
 * charge (state-paid lines and corrections included, as on the invoice), the quantity what was
 * priced, and the tariff each price the lines applied (600 and 800 where two blocks priced it, never
 * their average, which is no tariff).
 */
public final class PaymentSlips {

    private PaymentSlips() {
    }

    /** Empty when the invoice charges nothing for that utility (nothing to pay with a slip). */
    public static Optional<PaymentSlipDocument> of(Invoice i, Utility utility, LocalDate date) {
        List<InvoiceLine> lines = i.lines().stream().filter(l -> l.utility() == utility).toList();
        Money amount = lines.stream().map(InvoiceLine::amount).reduce(Money.ZERO, Money::plus);
        if (amount.amount().signum() <= 0) {
            return Optional.empty();
        }
        List<InvoiceLine> priced = lines.stream()
                .filter(l -> (l.type() == LineType.BLOCK || l.type() == LineType.FLAT) && l.quantity() != null)
                .toList();
        // flat charges per resident or per m2 and metered blocks do not add up: the slip shows the metered unit's
        // quantity, or the first line's where nothing was metered (a norm per resident, say)
        String metered = utility.meteredUnit().label();
        String unit = priced.stream().anyMatch(l -> l.unit() != null && l.unit().label().equals(metered)) ? metered
                : priced.isEmpty() || priced.get(0).unit() == null ? "" : priced.get(0).unit().label();
        List<InvoiceLine> sameUnit = priced.stream()
                .filter(l -> (l.unit() == null ? "" : l.unit().label()).equals(unit)).toList();
        BigDecimal quantity = sameUnit.stream().map(InvoiceLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> prices = sameUnit.stream().map(InvoiceLine::unitPrice).filter(p -> p != null)
                .map(BigDecimal::stripTrailingZeros).distinct().toList();
        return Optional.of(new PaymentSlipDocument(i.provider(), Receipts.orEmpty(i.holderName()),
                Receipts.orEmpty(i.address()), i.accountNumber(), utility, quantity, unit, Receipts.period(i), prices,
                amount.amount(), date));
    }

    /** The utilities an invoice charges, in line order. */
    public static List<Utility> utilities(Invoice i) {
        return i.lines().stream().map(InvoiceLine::utility).distinct().toList();
    }
}
