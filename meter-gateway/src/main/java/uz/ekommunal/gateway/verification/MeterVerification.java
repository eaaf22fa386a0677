package uz.ekommunal.gateway.verification;

import java.time.LocalDate;

/**
 * A meter's verification state.
 *
 * @param lastVerified the last recorded verification, or the installation day when none was recorded
 * @param noticeFrom the first day the household is told
 */
public record MeterVerification(long meterId, String serial, String utility, String accountNumber,
        LocalDate lastVerified, LocalDate dueOn, LocalDate noticeFrom) {

    public VerificationDue.Status status(LocalDate today) {
        return VerificationDue.status(dueOn, today, (int) java.time.temporal.ChronoUnit.DAYS.between(noticeFrom, dueOn));
    }
}
