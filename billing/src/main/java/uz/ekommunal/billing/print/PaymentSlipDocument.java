package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.tariff.Utility;

/**
 * A printable payment slip (to'lov varaqasi) for one utility, as in PRODUCT.md.
 *
 * @param payee    the provider or homeowners' association paid, with the bank requisites to pay into
 * @param category the utility paid for
 * @param quantity the quantity paid for (200 for "200 m3")
 * @param unit     its unit as printed ("m3")
 * @param tariffs  the prices per unit in so'm the invoice applied, in block order (one for a single price);
 *                 never an average of them, which is no tariff
 * @param amount   so'm with at most 2 decimals (tiyin)
 * @param date     the date the slip is made out
 */
public record PaymentSlipDocument(
        ProviderRequisites payee,
        String payerName,
        String payerAddress,
        String accountNumber,
        Utility category,
        BigDecimal quantity,
        String unit,
        StatementPeriod period,
        List<BigDecimal> tariffs,
        BigDecimal amount,
        LocalDate date) {

    public PaymentSlipDocument {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(payerAddress, "payerAddress");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(period, "period");
        tariffs = List.copyOf(tariffs);
        Objects.requireNonNull(date, "date");
        AmountFormat.requireTiyin(amount, "amount");
        unit = unit == null ? "" : unit;
    }
}
