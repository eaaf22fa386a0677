package uz.ekommunal.api.appeals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal as stored. {@code userId} is null for Open311 requests. {@code forwards} counts the
 * times it was forwarded; {@code duplicateOf} is the number of an earlier appeal it may repeat;
 * {@code postStatus} is TO_PRINT or PRINTED for an answer replied by post.
 */
public record Appeal(long id, String number, Long userId, String source, Status status, Category category, Kind kind,
        AppealForm form, Double lat, Double lon, String addressString, String mediaUrl, Long organisationId,
        String organisationName, Instant createdAt, Instant sentAt, Instant receivedAt, LocalDate dueOn,
        boolean extended, String extensionReason, String rejectReason, String answer, Instant answeredAt,
        Instant updatedAt, int forwards, String duplicateOf, String postStatus) {
}
