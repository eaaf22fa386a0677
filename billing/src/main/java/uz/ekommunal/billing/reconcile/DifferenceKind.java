package uz.ekommunal.billing.reconcile;

/** How a payment system's statement and the ledger disagree about one transaction. */
public enum DifferenceKind {
    /** The payment system took the money; the ledger has no payment for it. */
    MISSING_ON_OUR_SIDE,
    /** The ledger credited a payment the payment system's statement does not have. */
    MISSING_ON_THEIR_SIDE,
    /** Both have it, with different amounts (a cancellation on one side only counts as 0). */
    AMOUNT_DIFFERS
}
