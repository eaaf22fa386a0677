package uz.ekommunal.api.appeals;

/** An officer's action with what it needs: the organisation to forward to, a reason, an answer's text. */
public record Command(Action action, Long organisationId, String reason, String note, String text) {
}
