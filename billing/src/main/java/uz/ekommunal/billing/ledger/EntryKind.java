package uz.ekommunal.billing.ledger;

/** What a ledger entry records. Charges and corrections owed are negative, money in is positive. */
public enum EntryKind {
    CHARGE,
    PAYMENT,
    /** The part of a charge the state pays (needy families). */
    SUBSIDY,
    /** A change to an earlier period's charge, billed on a later invoice. */
    CORRECTION,
    /** Undoes an earlier entry, e.g. a cancelled payment. */
    REVERSAL
}
