package uz.ekommunal.api.surveys;

import java.util.List;

/** A household's answer to one question: the options it chose, or its words. */
public record Answer(int question, List<Integer> options, String text) {

    public Answer {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
