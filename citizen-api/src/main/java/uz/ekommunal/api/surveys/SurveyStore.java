package uz.ekommunal.api.surveys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.storage.Transactions;

/**
 * Surveys, their questions and the households' answers in the schema {@code services}. One response
 * per survey and user is the primary key of {@code survey_responses}, so a second submit, even a
 * concurrent one, stores nothing.
 */
public final class SurveyStore {

    private static final String SURVEY_COLUMNS =
            "id, title, description, provider_id, opens_at, closes_at, public_results, created_by";

    private final DataSource dataSource;

    public SurveyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long create(Survey s, Instant now) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            long id = insertSurvey(c, s, now);
            insertQuestions(c, id, s.questions());
            return id;
        });
    }

    private static long insertSurvey(Connection c, Survey s, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into services.surveys (title, description, provider_id,"
                + " opens_at, closes_at, public_results, created_by, created_at)"
                + " values (?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, s.title().json().encode());
            st.setString(2, s.description() == null ? null : s.description().json().encode());
            if (s.providerId() == null) {
                st.setNull(3, Types.BIGINT);
            } else {
                st.setLong(3, s.providerId());
            }
            st.setTimestamp(4, Timestamp.from(s.opensAt()));
            st.setTimestamp(5, Timestamp.from(s.closesAt()));
            st.setBoolean(6, s.publicResults());
            st.setLong(7, s.createdBy());
            st.setTimestamp(8, Timestamp.from(now));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertQuestions(Connection c, long id, List<Survey.Question> questions) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("insert into services.survey_questions"
                + " (survey_id, position, kind, text, required) values (?, ?, ?, ?::jsonb, ?)");
                PreparedStatement o = c.prepareStatement("insert into services.survey_options"
                        + " (survey_id, question, position, text) values (?, ?, ?, ?::jsonb)")) {
            for (Survey.Question question : questions) {
                q.setLong(1, id);
                q.setInt(2, question.number());
                q.setString(3, question.kind().name());
                q.setString(4, question.text().json().encode());
                q.setBoolean(5, question.required());
                q.executeUpdate();
                for (int i = 0; i < question.options().size(); i++) {
                    o.setLong(1, id);
                    o.setInt(2, question.number());
                    o.setInt(3, i);
                    o.setString(4, question.options().get(i).json().encode());
                    o.addBatch();
                }
            }
            o.executeBatch();
        }
    }

    public Optional<Survey> find(long id) throws SQLException {
        List<Survey> found = select("where id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Newest first, at most 200: the ones for everyone and those of the given providers (null: all). */
    public List<Survey> list(List<Long> providers) throws SQLException {
        if (providers == null) {
            return select("order by opens_at desc, id desc limit 200");
        }
        Long[] ids = providers.toArray(new Long[0]);
        return select("where provider_id is null or provider_id = any (?) order by opens_at desc, id desc limit 200",
                (Object) ids);
    }

    private List<Survey> select(String where, Object... args) throws SQLException {
        List<Survey> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select " + SURVEY_COLUMNS + " from services.surveys " + where)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Long[] array) {
                    st.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    st.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long provider = rs.getLong(4);
                    Long providerId = rs.wasNull() ? null : provider;
                    String description = rs.getString(3);
                    out.add(new Survey(rs.getLong(1), Texts.fromJson(rs.getString(2)),
                            description == null ? null : Texts.fromJson(description), providerId,
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getBoolean(7),
                            rs.getLong(8), questions(c, rs.getLong(1))));
                }
            }
        }
        return out;
    }

    private static List<Survey.Question> questions(Connection c, long surveyId) throws SQLException {
        Map<Integer, List<Texts>> options = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select question, text from services.survey_options"
                + " where survey_id = ? order by question, position")) {
            st.setLong(1, surveyId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    options.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(Texts.fromJson(rs.getString(2)));
                }
            }
        }
        List<Survey.Question> questions = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select position, kind, text, required"
                + " from services.survey_questions where survey_id = ? order by position")) {
            st.setLong(1, surveyId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    questions.add(new Survey.Question(rs.getInt(1), QuestionKind.valueOf(rs.getString(2)),
                            Texts.fromJson(rs.getString(3)), rs.getBoolean(4), options.getOrDefault(rs.getInt(1), List.of())));
                }
            }
        }
        return questions;
    }

    /**
     * Stores a household's answers once.
     *
     * @return false when this user had already answered (nothing is stored)
     */
    public boolean respond(long surveyId, long userId, Iterable<Answer> answers, Instant now) throws SQLException {
        // nothing stored, nothing to commit, when this user had already answered
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("insert into services.survey_responses"
                    + " (survey_id, user_id, answered_at) values (?, ?, ?) on conflict do nothing")) {
                st.setLong(1, surveyId);
                st.setLong(2, userId);
                st.setTimestamp(3, Timestamp.from(now));
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            insertAnswers(c, surveyId, userId, answers);
            return true;
        }, stored -> stored);
    }

    private static void insertAnswers(Connection c, long surveyId, long userId, Iterable<Answer> answers)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into services.survey_answers"
                + " (survey_id, user_id, question, option, text) values (?, ?, ?, ?, ?)")) {
            for (Answer a : answers) {
                if (a.text() != null) {
                    add(st, surveyId, userId, a.question(), null, a.text().strip());
                }
                for (int option : a.options()) {
                    add(st, surveyId, userId, a.question(), option, null);
                }
            }
            st.executeBatch();
        }
    }

    private static void add(PreparedStatement st, long surveyId, long userId, int question, Integer option,
            String text) throws SQLException {
        st.setLong(1, surveyId);
        st.setLong(2, userId);
        st.setInt(3, question);
        if (option == null) {
            st.setNull(4, Types.INTEGER);
        } else {
            st.setInt(4, option);
        }
        st.setString(5, text);
        st.addBatch();
    }

    public boolean answered(long surveyId, long userId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select 1 from services.survey_responses where survey_id = ? and user_id = ?")) {
            st.setLong(1, surveyId);
            st.setLong(2, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Counts: responses in all, and per question the households that answered it, per option, and the words. */
    public SurveyResults results(Survey survey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int responses = count(c, "select count(*) from services.survey_responses where survey_id = ?", survey.id());
            Map<Integer, Integer> answered = new LinkedHashMap<>();
            Map<String, Integer> perOption = new LinkedHashMap<>();
            Map<Integer, List<String>> texts = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("select question, option, text from services.survey_answers"
                    + " where survey_id = ? order by question, user_id")) {
                st.setLong(1, survey.id());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int question = rs.getInt(1);
                        int option = rs.getInt(2);
                        if (rs.wasNull()) {
                            texts.computeIfAbsent(question, k -> new ArrayList<>()).add(rs.getString(3));
                        } else {
                            perOption.merge(question + ":" + option, 1, Integer::sum);
                        }
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("select question, count(distinct user_id)"
                    + " from services.survey_answers where survey_id = ? group by question")) {
                st.setLong(1, survey.id());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        answered.put(rs.getInt(1), rs.getInt(2));
                    }
                }
            }
            return new SurveyResults(survey, responses, answered, perOption, texts);
        }
    }

    private static int count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
