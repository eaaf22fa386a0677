package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What a cashier desk receipt prints: the provider, the payment and, once cancelled, why.
 *
 * @param paidAt local (Tashkent) time of the payment
 * @param channel {@code "cash"} or {@code "card_terminal"}
 * @param amount in so'm with at most two decimals (tiyin)
 * @param cancelReason null while the payment stands
 */
public record DeskReceiptDocument(String providerName, String providerInn, String providerAddress,
        String providerPhone, String receiptNumber, LocalDateTime paidAt, String accountNumber, String holderName,
        String payerAddress, String channel, BigDecimal amount, String cashier, boolean cancelled,
        String cancelReason) {

    public DeskReceiptDocument {
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(accountNumber, "accountNumber");
        AmountFormat.requireTiyin(amount, "amount");
    }
}
