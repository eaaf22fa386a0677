package uz.ekommunal.api.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A survey's aggregated answers. A percentage is of the households that answered that question,
 * to one decimal, half up; in a multiple-choice question they may add up to more than 100.
 *
 * @param perOption counts keyed {@code "question:option"}
 */
public record SurveyResults(Survey survey, int responses, Map<Integer, Integer> answered,
        Map<String, Integer> perOption, Map<Integer, List<String>> texts) {

    public int count(int question, int option) {
        return perOption.getOrDefault(question + ":" + option, 0);
    }

    public int answered(int question) {
        return answered.getOrDefault(question, 0);
    }

    public BigDecimal percent(int question, int option) {
        int of = answered(question);
        return of == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(count(question, option) * 100L).divide(BigDecimal.valueOf(of), 1,
                        RoundingMode.HALF_UP);
    }

    public List<String> texts(int question) {
        return texts.getOrDefault(question, List.of());
    }
}
