package uz.ekommunal.api.surveys;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** Whether a set of answers fits a survey's questions: one option for SINGLE, options from the list, words within the limit. */
final class SurveyRules {

    static final int MAX_TEXT = 2_000;

    private SurveyRules() {
    }

    /** The answers keyed by question; an answer to no question, or a required question unanswered, is refused. */
    static Map<Integer, Answer> check(Survey survey, List<Answer> answers) {
        Map<Integer, Answer> byQuestion = new HashMap<>();
        for (Answer a : answers) {
            if (a.question() < 1 || a.question() > survey.questions().size() || byQuestion.put(a.question(), a) != null) {
                throw ApiException.of(ApiError.SURVEY_ANSWER_INVALID, "answers", a.question());
            }
        }
        for (Survey.Question q : survey.questions()) {
            Answer a = byQuestion.get(q.number());
            boolean empty = a == null || (q.kind().hasOptions() ? a.options().isEmpty()
                    : a.text() == null || a.text().isBlank());
            if (empty) {
                if (q.required()) {
                    throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "required", q.number());
                }
                byQuestion.remove(q.number());
                continue;
            }
            if (q.kind() == QuestionKind.TEXT) {
                if (!a.options().isEmpty() || a.text().strip().length() > MAX_TEXT) {
                    throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "text", q.number(), MAX_TEXT);
                }
                continue;
            }
            if (a.text() != null) {
                throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "options", q.number());
            }
            if (q.kind() == QuestionKind.SINGLE && a.options().size() != 1) {
                throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "oneOption", q.number());
            }
            if (new HashSet<>(a.options()).size() != a.options().size()
                    || a.options().stream().anyMatch(o -> o < 0 || o >= q.options().size())) {
                throw ApiException.because(ApiError.SURVEY_ANSWER_INVALID, "answers", "options", q.number());
            }
        }
        return byQuestion;
    }
}
