package uz.ekommunal.api.surveys;

import java.time.Instant;
import java.util.List;

/**
 * A published survey; its words in the languages its publisher wrote ({@link Texts}).
 *
 * @param providerId whose households it asks (null: everyone)
 * @param publicResults whether anyone may read the results once it has closed
 */
public record Survey(long id, Texts title, Texts description, Long providerId, Instant opensAt, Instant closesAt,
        boolean publicResults, long createdBy, List<Question> questions) {

    public Survey {
        questions = List.copyOf(questions);
    }

    /** A question, numbered from 1; its options numbered from 0. */
    public record Question(int number, QuestionKind kind, Texts text, boolean required, List<Texts> options) {

        public Question {
            options = List.copyOf(options);
        }
    }

    public boolean openAt(Instant t) {
        return !t.isBefore(opensAt) && t.isBefore(closesAt);
    }

    public boolean closedAt(Instant t) {
        return !t.isBefore(closesAt);
    }
}
