package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uz.ekommunal.billing.account.ProviderRequisites;

/**
 * A receipt: the invoice of one account for one period, as printed.
 *
 * <p>Balances use the portal's sign: positive is prepayment, negative is debt.
 * The figures must add up, because a printed bill that does not is worse than
 * no bill: the lines sum to {@code charged}, and
 * {@code balanceAfter = balanceBefore + paid - charged}.
 *
 * @param charged everything billed in the period, corrections included
 * @param paid    payments received in the period, net of reversals
 * @throws IllegalArgumentException if an amount has more than 2 decimals or the figures do not add up
 */
public record ReceiptDocument(
        String invoiceNumber,
        LocalDate issuedOn,
        StatementPeriod period,
        String accountNumber,
        String holderName,
        String holderAddress,
        ProviderRequisites provider,
        List<ReceiptLine> lines,
        BigDecimal balanceBefore,
        BigDecimal charged,
        BigDecimal paid,
        BigDecimal balanceAfter) {

    public ReceiptDocument {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(holderAddress, "holderAddress");
        Objects.requireNonNull(provider, "provider");
        lines = List.copyOf(lines);
        AmountFormat.requireTiyin(balanceBefore, "balanceBefore");
        AmountFormat.requireTiyin(charged, "charged");
        AmountFormat.requireTiyin(paid, "paid");
        AmountFormat.requireTiyin(balanceAfter, "balanceAfter");

        BigDecimal sum = lines.stream().map(ReceiptLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(charged) != 0) {
            throw new IllegalArgumentException("lines add up to " + sum + " but charged is " + charged);
        }
        BigDecimal expectedAfter = balanceBefore.add(paid).subtract(charged);
        if (expectedAfter.compareTo(balanceAfter) != 0) {
            throw new IllegalArgumentException("balance after should be " + expectedAfter
                    + " (before " + balanceBefore + " + paid " + paid + " - charged " + charged
                    + ") but is " + balanceAfter);
        }
    }
}
