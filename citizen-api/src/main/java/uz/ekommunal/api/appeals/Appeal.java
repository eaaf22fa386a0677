package uz.ekommunal.api.appeals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal as stored. {@code userId} is null for Open311 requests. {@code forwards} counts the
 * times it was forwarded; {@code duplicateOf} is the number of an earlier appeal it may repeat;
 * {@code postStatus} is TO_PRINT or PRINTED for an answer replied by post. {@code organisationName} is the
 * name as stored; a person reads it in their language ({@link AppealTexts#organisation}).
 *
 * <p>Its steps are methods ({@link #sent}, {@link #accepted}, {@link #forwarded}, ...), each giving
 * the appeal after it; whether a step is allowed is {@link Workflow}'s and the service's to say.
 */
public record Appeal(long id, String number, Long userId, String source, Status status, Category category, Kind kind,
        AppealForm form, Double lat, Double lon, String addressString, String mediaUrl, Long organisationId,
        String organisationName, String organisationCode, Instant createdAt, Instant sentAt, Instant receivedAt, LocalDate dueOn,
        boolean extended, String extensionReason, String rejectReason, String answer, Instant answeredAt,
        Instant updatedAt, int forwards, String duplicateOf, String postStatus) {

    /** Sent to the organisation that answers its category: received at once, due by {@code due}. */
    public Appeal sent(long organisation, Instant now, LocalDate due) {
        return change(s -> {
            s.status = Status.SENT;
            s.organisationId = organisation;
            s.sentAt = now;
            s.receivedAt = now;
            s.dueOn = due;
            s.extended = false;
            s.extensionReason = null;
        }, now);
    }

    /** Accepted for review by its organisation. */
    public Appeal accepted(Instant now) {
        return change(s -> s.status = Status.ACCEPTED, now);
    }

    /** Forwarded to another organisation: received there now, its deadline counted afresh. */
    public Appeal forwarded(long organisation, Instant now, LocalDate due) {
        return change(s -> {
            s.status = Status.FORWARDED;
            s.organisationId = organisation;
            s.receivedAt = now;
            s.dueOn = due;
            s.extended = false;
            s.extensionReason = null;
            s.forwards = forwards + 1;
        }, now);
    }

    /** Rejected on a ground, with the officer's reasons. */
    public Appeal rejected(RejectReason ground, String reasons, Instant now) {
        return change(s -> {
            s.status = Status.REJECTED;
            s.rejectReason = ground.name() + ": " + reasons;
        }, now);
    }

    /** Answered; an answer replied by post waits to be printed. */
    public Appeal answered(String text, Instant now) {
        return change(s -> {
            s.status = Status.ANSWERED;
            s.answer = text;
            s.answeredAt = now;
            s.postStatus = "post".equals(form.replyChannel()) ? "TO_PRINT" : null;
        }, now);
    }

    /** Given more time (once), for a reason; the status stays. */
    public Appeal extendedTo(LocalDate due, String reason, Instant now) {
        return change(s -> {
            s.dueOn = due;
            s.extended = true;
            s.extensionReason = reason;
        }, now);
    }

    /** Closed: the end of it. */
    public Appeal closed(Instant now) {
        return change(s -> s.status = Status.CLOSED, now);
    }

    /** The same appeal with its last day counted again (a day off added or removed). */
    public Appeal withDue(LocalDate due) {
        return change(s -> s.dueOn = due, updatedAt);
    }

    /** The fields a step may change, edited in one place and built into a new record once. */
    private static final class State {
        Status status;
        Long organisationId;
        Instant sentAt;
        Instant receivedAt;
        LocalDate dueOn;
        boolean extended;
        String extensionReason;
        String rejectReason;
        String answer;
        Instant answeredAt;
        int forwards;
        String postStatus;
    }

    private Appeal change(java.util.function.Consumer<State> step, Instant now) {
        State s = new State();
        s.status = status;
        s.organisationId = organisationId;
        s.sentAt = sentAt;
        s.receivedAt = receivedAt;
        s.dueOn = dueOn;
        s.extended = extended;
        s.extensionReason = extensionReason;
        s.rejectReason = rejectReason;
        s.answer = answer;
        s.answeredAt = answeredAt;
        s.forwards = forwards;
        s.postStatus = postStatus;
        step.accept(s);
        return new Appeal(id, number, userId, source, s.status, category, kind, form, lat, lon, addressString, mediaUrl,
                s.organisationId, organisationName, organisationCode, createdAt, s.sentAt, s.receivedAt, s.dueOn, s.extended,
                s.extensionReason, s.rejectReason, s.answer, s.answeredAt, now, s.forwards, duplicateOf, s.postStatus);
    }
}
