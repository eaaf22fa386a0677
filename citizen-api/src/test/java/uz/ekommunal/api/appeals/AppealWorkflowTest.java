package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machine as a table: every status and action, the expected next status or "forbidden".
 * SENT and FORWARDED do not lead to ANSWERED: the resident is told of the acceptance first.
 */
class AppealWorkflowTest {

    static Stream<Arguments> table() {
        Object[][] rows = {
            // from       SAVE      SEND    ACCEPT    FORWARD    REJECT    ANSWER    EXTEND     CLOSE
            {"DRAFT",     "DRAFT",  "SENT", null,     null,      null,     null,     null,      null},
            {"SENT",      null,     null,   "ACCEPTED", "FORWARDED", "REJECTED", null,    "SENT",    null},
            {"ACCEPTED",  null,     null,   null,     "FORWARDED", "REJECTED", "ANSWERED", "ACCEPTED", null},
            {"FORWARDED", null,     null,   "ACCEPTED", "FORWARDED", "REJECTED", null,    "FORWARDED", null},
            {"REJECTED",  null,     null,   null,     null,      null,     null,     null,      "CLOSED"},
            {"ANSWERED",  null,     null,   null,     null,      null,     null,     null,      "CLOSED"},
            {"CLOSED",    null,     null,   null,     null,      null,     null,     null,      null},
        };
        Stream.Builder<Arguments> out = Stream.builder();
        for (Object[] row : rows) {
            for (Action action : Action.values()) {
                Object to = row[action.ordinal() + 1];
                out.add(Arguments.of(Status.valueOf((String) row[0]), action,
                        to == null ? null : Status.valueOf((String) to)));
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("table")
    void transitions(Status from, Action action, Status expected) {
        assertThat(Workflow.next(from, action)).isEqualTo(Optional.ofNullable(expected));
    }
}
