package uz.ekommunal.billing.desk;

import java.util.Objects;
import java.util.regex.Pattern;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;

/**
 * Money a cashier takes for an account.
 *
 * @param providerId the cashier's provider: the account must be one of its
 * @param receiptNumber the desk's own number, unique per provider (letters, digits, '-', '/')
 * @throws BillingException {@link BillingErrorCode#INVALID_AMOUNT}, {@link BillingErrorCode#RECEIPT_NUMBER_FORMAT}
 */
public record DeskPayment(long providerId, long accountId, long amountTiyin, DeskChannel channel,
        String receiptNumber, long cashierUserId) {

    private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/-]{0,39}");
    /** A desk takes at most 100 million so'm at once: more is a typo. */
    public static final long MAX_TIYIN = 100_000_000_00L;

    public DeskPayment {
        Objects.requireNonNull(channel, "channel");
        if (amountTiyin <= 0 || amountTiyin > MAX_TIYIN) {
            throw new BillingException(BillingErrorCode.INVALID_AMOUNT, amountTiyin);
        }
        if (receiptNumber == null || !RECEIPT.matcher(receiptNumber).matches()) {
            throw new BillingException(BillingErrorCode.RECEIPT_NUMBER_FORMAT, String.valueOf(receiptNumber));
        }
    }

    /** The payment's transaction id: unique per provider like the receipt number. */
    String transactionId() {
        return "desk/" + providerId + "/" + receiptNumber;
    }
}
