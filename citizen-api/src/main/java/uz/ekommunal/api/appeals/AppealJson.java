package uz.ekommunal.api.appeals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Appeals as JSON. Texts go out as given; JSON encoding escapes them (a script stays an inert string). */
final class AppealJson {

    private AppealJson() {
    }

    /** The My appeals row: number, service, organisation, submitted time, status. */
    static JsonObject summary(Appeal a, Language language) {
        return new JsonObject()
                .put("id", a.id())
                .put("number", a.number())
                .put("service", a.category() == null ? null : a.category().code())
                .put("serviceName", a.category() == null ? null : a.category().title())
                .put("organisationId", a.organisationId())
                .put("organisation", AppealTexts.organisation(language, a))
                .put("organisationCode", a.organisationCode())
                .put("submittedAt", time(a.sentAt()))
                .put("status", a.status().name().toLowerCase())
                .put("kind", a.kind() == null ? null : a.kind().name().toLowerCase())
                .put("subject", a.form().subject())
                .put("dueOn", a.dueOn() == null ? null : a.dueOn().toString());
    }

    /**
     * What an officer works from: the summary with the law's three last days (reject-by,
     * forward-by, answer-by) counted from receipt, the forwards so far (and whether only an
     * administrator may forward now), a possible duplicate, the reply channel and the post queue.
     */
    static JsonObject officer(Appeal a, Deadlines d, int forwardLimit, Language language) {
        JsonObject json = summary(a, language).put("receivedAt", time(a.receivedAt()))
                .put("forwards", a.forwards()).put("forwardLimit", forwardLimit)
                .put("needsAdministrator", a.forwards() >= forwardLimit)
                .put("possibleDuplicateOf", a.duplicateOf())
                .put("replyChannel", a.form().replyChannel()).put("postStatus", a.postStatus())
                .put("language", a.form().language().code());
        if (a.receivedAt() != null) {
            json.put("rejectBy", d.rejectBy(a.receivedAt()).toString())
                    .put("forwardBy", d.forwardBy(a.receivedAt()).toString())
                    .put("answerBy", a.dueOn() == null ? null : a.dueOn().toString());
        }
        return json;
    }

    static JsonObject full(Appeal a, List<AppealStore.Change> history, List<AttachmentStore.Attachment> files, Language language) {
        AppealForm f = a.form();
        JsonObject json = summary(a, language)
                .put("sphere", Category.SPHERE)
                .put("region", f.region()).put("district", f.district()).put("street", f.street())
                .put("house", f.house()).put("apartment", f.apartment()).put("landmark", f.landmark())
                .put("phone", f.phone()).put("replyChannel", f.replyChannel()).put("public", f.isPublic())
                .put("text", f.text()).put("termsAccepted", f.termsAccepted())
                .put("createdAt", time(a.createdAt())).put("receivedAt", time(a.receivedAt()))
                .put("extended", a.extended()).put("extensionReason", a.extensionReason())
                .put("rejectReason", a.rejectReason()).put("answer", a.answer())
                .put("answeredAt", time(a.answeredAt())).put("updatedAt", time(a.updatedAt()))
                .put("email", f.email()).put("language", f.language().code()).put("forwards", a.forwards())
                .put("postStatus", a.postStatus());
        JsonArray steps = new JsonArray();
        for (AppealStore.Change ch : history) {
            steps.add(new JsonObject().put("at", time(ch.at())).put("action", ch.action().name().toLowerCase())
                    .put("from", ch.from() == null ? null : ch.from().name().toLowerCase())
                    .put("to", ch.to().name().toLowerCase()).put("by", ch.actorRole())
                    .put("byUserId", ch.actorUserId()).put("organisationId", ch.organisationId())
                    .put("note", ch.note()).put("late", ch.late()));
        }
        JsonArray attachments = new JsonArray();
        for (AttachmentStore.Attachment file : files) {
            attachments.add(attachment(file));
        }
        return json.put("history", steps).put("attachments", attachments);
    }

    static JsonObject attachment(AttachmentStore.Attachment file) {
        return new JsonObject().put("id", file.id().toString()).put("name", file.originalName())
                .put("type", file.type().mediaType()).put("size", file.size()).put("fromOfficer", file.fromOfficer())
                .put("url", "/api/v1/appeals/" + file.appealId() + "/attachments/" + file.id());
    }

    /** A public question with its answer: no name, phone or address beyond the district. */
    static JsonObject publicItem(Appeal a, Language language) {
        return new JsonObject().put("number", a.number())
                .put("service", a.category() == null ? null : a.category().code())
                .put("organisation", AppealTexts.organisation(language, a))
                .put("organisationCode", a.organisationCode()).put("district", a.form().district())
                .put("submittedAt", time(a.sentAt())).put("status", a.status().name().toLowerCase())
                .put("subject", a.form().subject()).put("question", a.form().text()).put("answer", a.answer())
                .put("answeredAt", time(a.answeredAt()));
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }
}
