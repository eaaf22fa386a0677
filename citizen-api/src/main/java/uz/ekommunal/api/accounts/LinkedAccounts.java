package uz.ekommunal.api.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.overview.AccountOverviews;

/** Which billing accounts each person linked to their profile. */
public final class LinkedAccounts {

    /** A household links its own few accounts; more looks like someone collecting them. */
    public static final int MAX_PER_USER = 30;

    private final DataSource dataSource;
    private final Clock clock;

    public LinkedAccounts(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @return false when it was already linked */
    public boolean link(long userId, long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into api.linked_accounts (user_id, account_id, linked_at) values (?, ?, ?)
                     on conflict do nothing""")) {
            insert.setLong(1, userId);
            insert.setLong(2, accountId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        }
    }

    /** @return false when it was not linked */
    public boolean unlink(long userId, long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "delete from api.linked_accounts where user_id = ? and account_id = ?")) {
            delete.setLong(1, userId);
            delete.setLong(2, accountId);
            return delete.executeUpdate() == 1;
        }
    }

    public boolean isLinked(long userId, long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select 1 from api.linked_accounts where user_id = ? and account_id = ?")) {
            select.setLong(1, userId);
            select.setLong(2, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static final String PAGE = """
            select account_id from api.linked_accounts where user_id = ? and account_id > ?
            order by account_id limit ?""";

    /** Account ids in order, after {@code afterAccountId} (null: from the start), at most {@code limit}. */
    public List<Long> accountIds(long userId, Long afterAccountId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(PAGE)) {
            select.setLong(1, userId);
            select.setLong(2, afterAccountId == null ? 0 : afterAccountId);
            select.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The query {@link #accountIds} runs, for a reader that runs it with its own statement. */
    public static AccountOverviews.IdQuery pageQuery(long userId, Long afterAccountId, int limit) {
        return new AccountOverviews.IdQuery(PAGE, List.of(userId, afterAccountId == null ? 0L : afterAccountId, limit));
    }

    public int count(long userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select count(*) from api.linked_accounts where user_id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
