package uz.ekommunal.billing.run;

/** Why a bill run listed an account instead of billing it; operators fix the data and retry. */
public enum UnbilledReason {
    /** No household facts valid in the period. */
    NO_HOUSEHOLD_FACTS,
    /** The book has no tariff for the account's facts (region, meter or not, class) on a day. */
    NO_TARIFF,
    /** The unmetered price is per unit, and no consumption norm assesses the volume. */
    NO_NORM,
    /** A flat with an electric stove, and the book has no electric-stove price list. */
    NO_STOVE_PRICES,
    /** The tariff engine refused the input (e.g. an absurd quantity). */
    REFUSED
}
