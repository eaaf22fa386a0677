package uz.ekommunal.api.surveys;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import uz.ekommunal.api.appeals.Language;

/** Surveys and results as JSON, and results as CSV (one row per option, then the written answers). */
final class SurveyJson {

    private SurveyJson() {
    }

    /** In the reader's language; {@code texts} also gives every language it was written in (for its publisher). */
    static JsonObject survey(Survey s, Instant now, Language reader) {
        JsonArray questions = new JsonArray();
        s.questions().forEach(q -> questions.add(new JsonObject().put("number", q.number()).put("kind", q.kind().name())
                .put("text", q.text().in(reader)).put("required", q.required())
                .put("options", new JsonArray(q.options().stream().map(o -> o.in(reader)).toList()))));
        JsonObject texts = new JsonObject().put("title", s.title().json())
                .put("description", s.description() == null ? null : s.description().json());
        return new JsonObject().put("id", s.id()).put("title", s.title().in(reader))
                .put("description", s.description() == null ? null : s.description().in(reader)).put("texts", texts)
                .put("providerId", s.providerId()).put("opensAt", s.opensAt().toString())
                .put("closesAt", s.closesAt().toString()).put("publicResults", s.publicResults())
                .put("status", s.openAt(now) ? "open" : s.closedAt(now) ? "closed" : "scheduled")
                .put("questions", questions);
    }

    static JsonObject results(SurveyResults r, Language reader) {
        JsonArray questions = new JsonArray();
        for (Survey.Question q : r.survey().questions()) {
            JsonObject question = new JsonObject().put("number", q.number()).put("kind", q.kind().name())
                    .put("text", q.text().in(reader)).put("answered", r.answered(q.number()));
            if (q.kind().hasOptions()) {
                JsonArray options = new JsonArray();
                for (int i = 0; i < q.options().size(); i++) {
                    options.add(new JsonObject().put("option", i).put("text", q.options().get(i).in(reader))
                            .put("count", r.count(q.number(), i))
                            .put("percent", r.percent(q.number(), i).toPlainString()));
                }
                question.put("options", options);
            } else {
                question.put("texts", new JsonArray(r.texts(q.number())));
            }
            questions.add(question);
        }
        return new JsonObject().put("id", r.survey().id()).put("title", r.survey().title().in(reader))
                .put("responses", r.responses()).put("questions", questions);
    }

    static final String CSV_HEADER = "question,kind,question_text,option,option_text,count,percent,answered\r\n";

    static String csv(SurveyResults r, Language reader) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Survey.Question q : r.survey().questions()) {
            if (q.kind().hasOptions()) {
                for (int i = 0; i < q.options().size(); i++) {
                    row(out, q.text().in(reader), q, Integer.toString(i), q.options().get(i).in(reader),
                            Integer.toString(r.count(q.number(), i)),
                            r.percent(q.number(), i).toPlainString(), r.answered(q.number()));
                }
            } else {
                for (String text : r.texts(q.number())) {
                    row(out, q.text().in(reader), q, "", text, "", "", r.answered(q.number()));
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String questionText, Survey.Question q, String option,
            String optionText, String count, String percent, int answered) {
        out.append(q.number()).append(',').append(q.kind().name()).append(',').append(field(questionText)).append(',')
                .append(option).append(',').append(field(optionText)).append(',').append(count).append(',')
                .append(percent).append(',').append(answered).append("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run it. */
    private static String field(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
