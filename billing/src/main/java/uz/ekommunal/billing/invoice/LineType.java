package uz.ekommunal.billing.invoice;

/** What an invoice line is: the tariff engine's kinds plus corrections of earlier periods. */
public enum LineType {
    BLOCK,
    FLAT,
    STATE_PAID,
    /** The change to an earlier period's charge: its note says what changed and why. */
    CORRECTION
}
