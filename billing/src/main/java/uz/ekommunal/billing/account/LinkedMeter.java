package uz.ekommunal.billing.account;

import java.time.Instant;

/** A meter register linked to an account, as {@link Accounts#linkMeter} recorded it. */
public record LinkedMeter(long accountId, long meterId, String serial, String register, Instant linkedAt) {
}
