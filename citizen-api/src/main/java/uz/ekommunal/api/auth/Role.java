package uz.ekommunal.api.auth;

/** What a signed-in person may do. */
public enum Role {
    /** Sees the accounts they linked. */
    HOUSEHOLD,
    /** Works for one provider: sees that provider's accounts. */
    OPERATOR,
    /** Takes payments at one provider's cashier desk: sees that provider's accounts and desk payments. */
    CASHIER,
    /** Answers complaints (murojaat); sees no accounts. */
    COMPLAINTS_OFFICER,
    /** Sees everything, assigns roles. The first one comes from configuration. */
    ADMINISTRATOR;

    /** Whether the role works for one provider (and a user with it must name it). */
    public boolean worksForProvider() {
        return this == OPERATOR || this == CASHIER;
    }
}
