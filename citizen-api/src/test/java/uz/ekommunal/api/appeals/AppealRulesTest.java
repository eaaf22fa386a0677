package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uz.ekommunal.api.http.ApiException;

/** Issue 19's rules as tables, without a server: one table per rule. */
class AppealRulesTest {

    // rule 1: "accepted" before "answered"
    @ParameterizedTest(name = "{0} --ANSWER--> allowed only from ACCEPTED")
    @EnumSource(Status.class)
    void answeredOnlyOnceAccepted(Status from) {
        assertThat(Workflow.next(from, Action.ANSWER).isPresent()).isEqualTo(from == Status.ACCEPTED);
    }

    // rule 1: each event of each organisation and leg has its own notice key
    static Stream<Arguments> occurrences() {
        return Stream.of(
                // forwards so far, organisation, event, expected key
                Arguments.of(0, 1L, "sent", "appeal:7:0:1:sent"),
                Arguments.of(0, 1L, "accepted", "appeal:7:0:1:accepted"),
                Arguments.of(1, 3L, "forwarded", "appeal:7:1:3:forwarded"),
                Arguments.of(1, 3L, "accepted", "appeal:7:1:3:accepted"),
                Arguments.of(2, 1L, "forwarded", "appeal:7:2:1:forwarded"),
                Arguments.of(2, 1L, "accepted", "appeal:7:2:1:accepted"),
                Arguments.of(2, 1L, "extended", "appeal:7:2:1:extended"),
                Arguments.of(2, 1L, "answered", "appeal:7:2:1:answered"));
    }

    @ParameterizedTest(name = "leg {0}, organisation {1}, {2} -> {3}")
    @MethodSource("occurrences")
    void noticeKeyNamesTheOccurrence(int forwards, long organisation, String event, String key) {
        assertThat(AppealNotices.key(appeal(forwards, organisation, Language.EN), event)).isEqualTo(key);
    }

    @Test
    void keysOfAForwardedAppealNeverCollide() {
        Set<String> keys = new HashSet<>();
        occurrences().forEach(a -> keys.add(AppealNotices.key(
                appeal((Integer) a.get()[0], (Long) a.get()[1], Language.EN), (String) a.get()[2])));
        assertThat(keys).hasSize((int) occurrences().count());
    }

    // rule 4: every ground the law lists, and each one worded in every language
    @Test
    void theGroundsAreExactlyThoseTheLawLists() {
        assertThat(RejectReason.values()).containsExactly(RejectReason.OBSCENE_INSULTING_OR_THREATENING,
                RejectReason.MEANINGLESS, RejectReason.UNINTELLIGIBLE_ABBREVIATIONS, RejectReason.ADVERTISING,
                RejectReason.NO_CONCRETE_REQUEST);
    }

    static Stream<Arguments> groundsInLanguages() {
        return Stream.of(
                Arguments.of(RejectReason.UNINTELLIGIBLE_ABBREVIATIONS, Language.UZ, "tushunarsiz qisqartmalarda"),
                Arguments.of(RejectReason.UNINTELLIGIBLE_ABBREVIATIONS, Language.RU, "непонятными сокращениями"),
                Arguments.of(RejectReason.UNINTELLIGIBLE_ABBREVIATIONS, Language.EN, "unintelligible abbreviations"),
                Arguments.of(RejectReason.NO_CONCRETE_REQUEST, Language.UZ, "aniq talab yoʻq"),
                Arguments.of(RejectReason.NO_CONCRETE_REQUEST, Language.RU, "нет конкретного требования"),
                Arguments.of(RejectReason.ADVERTISING, Language.RU, "реклама"),
                Arguments.of(RejectReason.MEANINGLESS, Language.EN, "meaningless"),
                Arguments.of(RejectReason.OBSCENE_INSULTING_OR_THREATENING, Language.UZ, "haqoratli"));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("groundsInLanguages")
    void theGroundReadsInTheResidentsLanguage(RejectReason ground, Language language, String words) {
        assertThat(AppealTexts.ground(language, ground)).contains(words);
    }

    @ParameterizedTest(name = "{0} has a text in every language")
    @EnumSource(RejectReason.class)
    void everyGroundInEveryLanguage(RejectReason ground) {
        List<String> texts = Stream.of(Language.values()).map(l -> AppealTexts.ground(l, ground)).toList();
        assertThat(texts).doesNotContainNull().allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(new HashSet<>(texts)).as("translated, not copied").hasSize(Language.values().length);
    }

    // rule 7: the officer's three last days, counted from receipt (Friday 16 January 2026, 11:00 Tashkent)
    static Stream<Arguments> lastDays() {
        return Stream.of(
                // received, kind, reject-by, forward-by, answer-by
                Arguments.of("2026-01-16T06:00:00Z", Kind.COMPLAINT, "2026-01-19", "2026-01-21", "2026-02-02"),
                Arguments.of("2026-01-14T06:00:00Z", Kind.APPLICATION, "2026-01-15", "2026-01-19", "2026-01-29"),
                Arguments.of("2026-01-14T06:00:00Z", Kind.PROPOSAL, "2026-01-15", "2026-01-19", "2026-02-16"),
                // received the day before Navruz (21 March, a Saturday in 2026)
                Arguments.of("2026-03-20T06:00:00Z", Kind.COMPLAINT, "2026-03-23", "2026-03-25", "2026-04-06"));
    }

    @ParameterizedTest(name = "received {0} ({1}): reject by {2}, forward by {3}, answer by {4}")
    @MethodSource("lastDays")
    void officersSeeTheThreeLastDays(String received, Kind kind, String rejectBy, String forwardBy, String answerBy) {
        Deadlines d = new Deadlines(Set.of(LocalDate.of(2026, 3, 21)));
        Instant at = Instant.parse(received);
        Appeal a = withReceipt(appeal(0, 1L, Language.UZ), kind, at, d.answerBy(kind, at, false));
        io.vertx.core.json.JsonObject json = AppealJson.officer(a, d, 3, Language.EN);
        assertThat(json.getString("rejectBy")).isEqualTo(rejectBy);
        assertThat(json.getString("forwardBy")).isEqualTo(forwardBy);
        assertThat(json.getString("answerBy")).isEqualTo(answerBy);
    }

    // rule 2: forwards shown to officers; at the limit an administrator decides
    static Stream<Arguments> forwardCounts() {
        return Stream.of(Arguments.of(0, false), Arguments.of(2, false), Arguments.of(3, true), Arguments.of(5, true));
    }

    @ParameterizedTest(name = "{0} forwards with limit 3: administrator needed = {1}")
    @MethodSource("forwardCounts")
    void forwardsAreCountedForOfficers(int forwards, boolean needsAdministrator) {
        io.vertx.core.json.JsonObject json = AppealJson.officer(appeal(forwards, 1L, Language.UZ),
                new Deadlines(Set.of()), 3, Language.EN);
        assertThat(json.getInteger("forwards")).isEqualTo(forwards);
        assertThat(json.getBoolean("needsAdministrator")).isEqualTo(needsAdministrator);
    }

    // rule 3: e-mail replies need an address
    @Test
    void anEmailReplyNeedsAnAddress() {
        io.vertx.core.json.JsonObject form = AppealsFixture.gasComplaint("+998901111111");
        form.remove("email");
        assertThatThrownBy(() -> AppealForm.parse(form).requireComplete()).isInstanceOf(ApiException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> AppealForm.parse(form.put("email", "not-an-address")))
                .isInstanceOf(ApiException.class).hasMessageContaining("email");
        AppealForm.parse(form.put("email", "a@example.uz")).requireComplete();
        AppealForm post = AppealForm.parse(form.put("replyChannel", "post").put("email", null));
        post.requireComplete();
        assertThat(post.language()).isEqualTo(Language.EN);
        assertThat(AppealForm.parse(form.put("language", null)).language()).as("Uzbek by default")
                .isEqualTo(Language.UZ);
    }

    static Appeal appeal(int forwards, long organisation, Language language) {
        AppealForm form = new AppealForm(Category.GAS, "Toshkent", "Chilonzor", "Bunyodkor", "12", "34", null,
                "+998901111111", Kind.COMPLAINT, "post", false, "No gas", "No gas since Monday.", true, null, language);
        Instant at = Instant.parse("2026-01-16T06:00:00Z");
        return new Appeal(7, "M-2026-000007", 5L, "PORTAL", Status.SENT, Category.GAS, Kind.COMPLAINT, form, null, null,
                null, null, organisation, "Org " + organisation, "org" + organisation, at, at, at, LocalDate.of(2026, 2, 2), false, null, null,
                null, null, at, forwards, null, null);
    }

    private static Appeal withReceipt(Appeal a, Kind kind, Instant received, LocalDate due) {
        return new Appeal(a.id(), a.number(), a.userId(), a.source(), a.status(), a.category(), kind, a.form(), null,
                null, null, null, a.organisationId(), a.organisationName(), a.organisationCode(), received, received, received, due, false,
                null, null, null, null, received, a.forwards(), null, null);
    }
}
