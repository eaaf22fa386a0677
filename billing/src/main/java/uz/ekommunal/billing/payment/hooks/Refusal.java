package uz.ekommunal.billing.payment.hooks;

/**
 * Why a payment hook refuses a call, in the domain's words; each protocol adapter turns it into
 * its own error (Payme's -310xx, Click's -2..-9).
 */
public enum Refusal {
    ACCOUNT_NOT_FOUND(true),
    /** The number names accounts at several providers: refused rather than guessed. */
    ACCOUNT_AMBIGUOUS(true),
    /** The account already has a transaction waiting to be performed (Payme's one-time order). */
    ACCOUNT_BUSY(true),
    WRONG_AMOUNT(false),
    TRANSACTION_NOT_FOUND(false),
    /** The transaction is not pending (cancelled, timed out) or the call is not allowed now. */
    CANNOT_PERFORM(false),
    /** The transaction was performed already (Click answers this; Payme repeats the answer instead). */
    ALREADY_PAID(false),
    /** The transaction is cancelled, or the payment system reported its failure. */
    CANCELLED(false),
    /** The payment's money is spent already: it cannot be reversed. */
    CANNOT_CANCEL(false);

    private final boolean aboutAccount;

    Refusal(boolean aboutAccount) {
        this.aboutAccount = aboutAccount;
    }

    /** Whether the account field is at fault (Payme names the field in its answer). */
    public boolean aboutAccount() {
        return aboutAccount;
    }
}
