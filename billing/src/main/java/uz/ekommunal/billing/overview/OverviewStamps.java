package uz.ekommunal.billing.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stamp per account that changes whenever anything its {@link AccountOverview} shows changes: the
 * account and provider rows' versions ({@code xmin}: an update or a delete and insert gives a new
 * one); the account's version and the sum of the epochs, both kept by the writers' triggers on every
 * other table an overview reads (V20261211100000: a statement touching a few accounts bumps their
 * versions, a bulk one an epoch); and the database's date (an overview shows which services are
 * billed today). What changes with time alone, an entry coming due, is the cache's to expire
 * ({@link OverviewCache}). The ids keep their order (a page's), and the accounts are found by their
 * key ({@code = any}): joined to the ids directly, the generic plan read every account (a hash join
 * over a sequential scan).
 */
final class OverviewStamps {

    private static final String STAMPS = """
            with k as materialized (select id, n from unnest(%s) with ordinality as k(id, n))
            select k.id, st.stamp from k left join (
            select a.id, concat_ws('|', a.xmin, p.xmin, coalesce(v.version, 0),
                (select sum(epoch) from billing.overview_epochs), current_date) stamp
            from billing.accounts a
            join billing.providers p on p.id = a.provider_id
            left join billing.overview_versions v on v.account_id = a.id
            where a.id = any (array(select id from k))) st on st.id = k.id
            order by k.n""";

    /**
     * The statements sent, kept: formatting the 2 KB text on every request was 5 % of the API's
     * work per answer in a flight recording, and the driver finds its prepared statement by the
     * text (one kept string: its hash is kept too). The code sends a few kinds, so the map stays small;
     * a companion's text depends on its class only.
     */
    private record Key(String prefix, String suffix, String ids, Class<?> companion) {
    }

    private static final Map<Key, String> STATEMENTS = new ConcurrentHashMap<>();

    private OverviewStamps() {
    }

    /**
     * The stamps of these accounts, between {@code prefix} and {@code suffix} (statements sent
     * with it, in the same round trip); unknown ones are absent.
     */
    static Map<Long, String> read(Connection c, String prefix, String suffix, Collection<Long> accountIds)
            throws SQLException {
        Map<Long, String> stamps = read(c, prefix + STAMPS.formatted("?::bigint[]") + suffix,
                (all, from) -> {
                    all.setArray(from, c.createArrayOf("bigint", accountIds.toArray()));
                    return 1;
                }, null);
        stamps.values().removeIf(Objects::isNull);
        return stamps;
    }

    /**
     * The ids the query gives, in its order, each with its stamp, or null when it is no
     * account; the query runs in the stamps' statement (one snapshot, one round trip). The
     * companion's statement, over the same ids (its query run again), follows in the same round
     * trip after the suffix (so a plan setting of the prefix is reset for it), and reads its rows.
     */
    static Map<Long, String> read(Connection c, String prefix, String suffix, AccountOverviews.IdQuery ids,
            AccountOverviews.Companion companion) throws SQLException {
        String sql = STATEMENTS.computeIfAbsent(
                new Key(prefix, suffix, ids.sql(), companion == null ? null : companion.getClass()),
                k -> {
                    String array = "array(" + k.ids() + ")";
                    return k.prefix() + STAMPS.formatted(array) + k.suffix()
                            + (companion == null ? "" : "; " + companion.sql(array));
                });
        return read(c, sql, (all, from) -> {
            for (int i = 0; i < ids.params().size(); i++) {
                all.setObject(from + i, ids.params().get(i));
            }
            return ids.params().size();
        }, companion);
    }

    /** Binds the ids' parameters from index {@code from} on; returns how many. */
    private interface Binder {
        int bind(PreparedStatement statement, int from) throws SQLException;
    }

    /** The stamps, in the ids' order, then the companion's rows (if any: its parameters are the ids' again). */
    private static Map<Long, String> read(Connection c, String sql, Binder ids,
            AccountOverviews.Companion companion) throws SQLException {
        try (PreparedStatement all = c.prepareStatement(sql)) {
            int bound = ids.bind(all, 1);
            if (companion != null) {
                ids.bind(all, bound + 1);
            }
            Map<Long, String> out = new LinkedHashMap<>();
            int sets = 0;
            boolean rows = all.execute();
            while (rows || all.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = all.getResultSet()) {
                        if (sets++ == 0) {
                            while (rs.next()) {
                                out.put(rs.getLong(1), rs.getString(2));
                            }
                        } else {
                            companion.read(rs);
                        }
                    }
                }
                rows = all.getMoreResults();
            }
            if (sets != (companion == null ? 1 : 2)) {
                throw new SQLException("expected the stamps' result set" + (companion == null ? "" : " and the companion's")
                        + ", got " + sets);
            }
            return out;
        }
    }
}
