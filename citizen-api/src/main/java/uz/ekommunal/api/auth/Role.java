package uz.ekommunal.api.auth;

/** What a signed-in person may do. */
public enum Role {
    /** Sees the accounts they linked. */
    HOUSEHOLD,
    /** Works for one provider: sees that provider's accounts. */
    OPERATOR,
    /** Answers complaints (murojaat); sees no accounts. */
    COMPLAINTS_OFFICER,
    /** Sees everything, assigns roles. The first one comes from configuration. */
    ADMINISTRATOR
}
