package uz.ekommunal.billing.desk;

import java.time.Instant;
import uz.ekommunal.tariff.Money;

/**
 * A desk payment as the cashier's receipt prints it.
 *
 * @param cancelledAt null while it stands
 * @param correction how it was undone (CANCEL, MOVE, REFUND), or null
 */
public record DeskReceipt(long paymentId, long providerId, String receiptNumber, DeskChannel channel,
        long accountId, String accountNumber, String holderName, String address, long amountTiyin, Instant paidAt,
        long cashierUserId, Instant cancelledAt, String correction, String cancelReason) {

    public Money amount() {
        return Money.ofTiyin(amountTiyin);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
