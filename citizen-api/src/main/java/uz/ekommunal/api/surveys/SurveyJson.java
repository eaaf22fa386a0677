package uz.ekommunal.api.surveys;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Surveys and results as JSON, and results as CSV (one row per option, then the written answers). */
final class SurveyJson {

    private SurveyJson() {
    }

    static JsonObject survey(Survey s, Instant now) {
        JsonArray questions = new JsonArray();
        s.questions().forEach(q -> questions.add(new JsonObject().put("number", q.number()).put("kind", q.kind().name())
                .put("text", q.text()).put("required", q.required()).put("options", new JsonArray(q.options()))));
        return new JsonObject().put("id", s.id()).put("title", s.title()).put("description", s.description())
                .put("providerId", s.providerId()).put("opensAt", s.opensAt().toString())
                .put("closesAt", s.closesAt().toString()).put("publicResults", s.publicResults())
                .put("status", s.openAt(now) ? "open" : s.closedAt(now) ? "closed" : "scheduled")
                .put("questions", questions);
    }

    static JsonObject results(SurveyResults r) {
        JsonArray questions = new JsonArray();
        for (Survey.Question q : r.survey().questions()) {
            JsonObject question = new JsonObject().put("number", q.number()).put("kind", q.kind().name())
                    .put("text", q.text()).put("answered", r.answered(q.number()));
            if (q.kind().hasOptions()) {
                JsonArray options = new JsonArray();
                for (int i = 0; i < q.options().size(); i++) {
                    options.add(new JsonObject().put("option", i).put("text", q.options().get(i))
                            .put("count", r.count(q.number(), i))
                            .put("percent", r.percent(q.number(), i).toPlainString()));
                }
                question.put("options", options);
            } else {
                question.put("texts", new JsonArray(r.texts(q.number())));
            }
            questions.add(question);
        }
        return new JsonObject().put("id", r.survey().id()).put("title", r.survey().title())
                .put("responses", r.responses()).put("questions", questions);
    }

    static final String CSV_HEADER = "question,kind,question_text,option,option_text,count,percent,answered\r\n";

    static String csv(SurveyResults r) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Survey.Question q : r.survey().questions()) {
            if (q.kind().hasOptions()) {
                for (int i = 0; i < q.options().size(); i++) {
                    row(out, q, Integer.toString(i), q.options().get(i), Integer.toString(r.count(q.number(), i)),
                            r.percent(q.number(), i).toPlainString(), r.answered(q.number()));
                }
            } else {
                for (String text : r.texts(q.number())) {
                    row(out, q, "", text, "", "", r.answered(q.number()));
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Survey.Question q, String option, String optionText, String count,
            String percent, int answered) {
        out.append(q.number()).append(',').append(q.kind().name()).append(',').append(field(q.text())).append(',')
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
