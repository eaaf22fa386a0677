package uz.ekommunal.gateway.verification;

import java.time.LocalDate;

/**
 * The verification rule, pure: a meter is due {@code months} after its last verification (or its
 * installation); it is "due soon" from {@code noticeDays} before that day, and overdue from that
 * day on (a meter verified on 1 March with a 60-month interval may be trusted through 28 February
 * five years later).
 */
public final class VerificationDue {

    /** Where a meter stands on a day. */
    public enum Status { VALID, DUE_SOON, OVERDUE }

    private VerificationDue() {
    }

    public static LocalDate dueOn(LocalDate lastVerified, int months) {
        if (months <= 0) {
            throw new IllegalArgumentException("months must be positive: " + months);
        }
        return lastVerified.plusMonths(months);
    }

    public static Status status(LocalDate dueOn, LocalDate today, int noticeDays) {
        if (!today.isBefore(dueOn)) {
            return Status.OVERDUE;
        }
        return today.isBefore(dueOn.minusDays(noticeDays)) ? Status.VALID : Status.DUE_SOON;
    }
}
