package uz.ekommunal.billing.desk;

/** How a payment is undone; each writes a reversal entry, never an edit. */
public enum CorrectionKind {
    /** At the cashier desk, on the day it was taken. */
    CANCEL,
    /** Reversed on the wrong account and credited anew on the right one of the same provider. */
    MOVE,
    /** Paid back to the payer. */
    REFUND
}
