package uz.ekommunal.billing.account;

/** An account's id ({@link Account#id()}), typed so that it cannot be swapped with an amount or another id. */
public record AccountId(long value) {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("an account id is positive: " + value);
        }
    }

    public static AccountId of(Account account) {
        return new AccountId(account.id());
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
