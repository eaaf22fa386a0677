package uz.ekommunal.api.surveys;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** Reads a survey to publish and a household's answers from JSON; bad input is a 400 naming the field. */
final class SurveyForm {

    static final int MAX_QUESTIONS = 30;
    static final int MAX_OPTIONS = 20;

    private SurveyForm() {
    }

    /**
     * {@code {title, description?, providerId?, opensAt, closesAt, publicResults?, questions: [{kind, text, required?, options?}]}};
     * each text one for everyone or {@code {"uz": .., "ru": .., "en": ..}} ({@link Texts#read}).
     */
    static Survey survey(JsonObject body, Long providerId, long createdBy) {
        Texts title = Texts.read(body, "title", 200, true);
        Texts description = Texts.read(body, "description", 2_000, false);
        Instant opensAt = time(body, "opensAt");
        Instant closesAt = time(body, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw ApiException.because(ApiError.INVALID_VALUE, "closesAt", "surveyDates");
        }
        Object raw = body.getValue("questions");
        if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_QUESTIONS) {
            throw badQuestions();
        }
        List<Survey.Question> questions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            questions.add(question(array.getValue(i), i + 1));
        }
        return new Survey(0, title, description, providerId, opensAt, closesAt,
                Boolean.TRUE.equals(body.getValue("publicResults")), createdBy, questions);
    }

    private static Survey.Question question(Object raw, int number) {
        if (!(raw instanceof JsonObject q)) {
            throw badQuestions();
        }
        QuestionKind kind;
        try {
            kind = QuestionKind.valueOf(String.valueOf(q.getValue("kind")));
        } catch (IllegalArgumentException e) {
            throw badQuestions();
        }
        Texts text = Texts.read(q, "text", 500, true);
        List<Texts> options = new ArrayList<>();
        Object rawOptions = q.getValue("options");
        if (kind.hasOptions()) {
            if (!(rawOptions instanceof JsonArray list) || list.size() < 2 || list.size() > MAX_OPTIONS) {
                throw badQuestions();
            }
            for (int i = 0; i < list.size(); i++) {
                options.add(Texts.read(new JsonObject().put("option", list.getValue(i)), "option", 200, true));
            }
        } else if (rawOptions != null) {
            throw badQuestions();
        }
        return new Survey.Question(number, kind, text, !Boolean.FALSE.equals(q.getValue("required")), options);
    }

    /** {@code {answers: [{question, options?: [..], text?}]}}. */
    static List<Answer> answers(JsonObject body) {
        Object raw = body.getValue("answers");
        if (!(raw instanceof JsonArray array) || array.size() > MAX_QUESTIONS) {
            throw ApiException.because(ApiError.INVALID_VALUE, "answers", "surveyQuestions", MAX_QUESTIONS,
                    MAX_OPTIONS);
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject a) || !(a.getValue("question") instanceof Integer n)) {
                throw ApiException.of(ApiError.SURVEY_ANSWER_INVALID, "answers", i + 1);
            }
            List<Integer> options = new ArrayList<>();
            if (a.getValue("options") instanceof JsonArray list) {
                for (Object o : list) {
                    if (!(o instanceof Integer option)) {
                        throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "options", n);
                    }
                    options.add(option);
                }
            }
            Object text = a.getValue("text");
            if (text != null && !(text instanceof String)) {
                throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "text", n, SurveyRules.MAX_TEXT);
            }
            String words = text == null || ((String) text).isBlank() ? null : (String) text;
            if (words != null && words.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r')) {
                throw ApiException.because(ApiError.INVALID_VALUE, "answers", "notHoldControlCharacters", "text");
            }
            answers.add(new Answer(n, options, words));
        }
        return answers;
    }

    private static Instant time(JsonObject body, String field) {
        String text = RouteSupport.text(body, field, 40, true);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "surveyTime", field);
        }
    }

    private static ApiException badQuestions() {
        return ApiException.because(ApiError.INVALID_VALUE, "questions", "surveyQuestions", MAX_QUESTIONS, MAX_OPTIONS);
    }
}
