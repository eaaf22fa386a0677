package uz.ekommunal.tariff.pricing;

/** What a bill line is. */
public enum LineKind {
    /** Units priced in one marginal block (a single-price tariff has one block). */
    BLOCK,
    /** A per-resident, per-m2 or fixed monthly charge. */
    FLAT,
    /** The part the state pays for a needy family: a negative amount. */
    STATE_PAID
}
