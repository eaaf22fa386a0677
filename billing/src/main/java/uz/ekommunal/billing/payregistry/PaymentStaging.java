package uz.ekommunal.billing.payregistry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The set-based half of a registry import: good rows go by COPY into a temporary table, then a few
 * statements sort them (credit, set aside, repeat of an earlier file) and write payments, ledger
 * entries and registry rows at once. Ids of the new payments and entries are drawn from their
 * sequences up front, so each row links both ways without a second pass.
 */
final class PaymentStaging {

    /** One registry import at a time: an import sees every earlier one committed, so a repeat is always seen. */
    private static final long IMPORT_LOCK = 7_020_261_205L;
    private static final int CHUNK = 5_000;

    private final Connection c;
    private CopyIn copy;
    private final StringBuilder pending = new StringBuilder(CHUNK * 120);
    private int pendingRows;

    PaymentStaging(Connection c) throws SQLException {
        this.c = c;
        update("""
                create temp table pay_staging (line bigint, bank text, branch text, paid_at timestamptz,
                    account_number text, provider_id bigint, amount_tiyin bigint, transaction_id text) on commit drop""");
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy pay_staging from stdin");
    }

    /** A checked row in COPY text format; the checks let no tab, newline or backslash through but the branch's backslash. */
    void add(RegistryRow r) throws SQLException {
        pending.append(r.line()).append('\t').append(r.bank()).append('\t')
                .append(r.branch().replace("\\", "\\\\")).append('\t').append(r.paidAt()).append('\t')
                .append(r.accountNumber()).append('\t').append(r.providerId()).append('\t').append(r.amountTiyin())
                .append('\t').append(r.transactionId()).append('\n');
        if (++pendingRows == CHUNK) {
            flush();
        }
    }

    /** Ends the COPY. */
    void finish() throws SQLException {
        flush();
        copy.endCopy();
        copy = null;
        update("analyze pay_staging");
    }

    /**
     * Temporary tables live in the session's own buffers (8 MB by default): a million staged rows
     * would go to disk and back at every step. Only possible before the session's first temporary
     * table, so a pooled connection that had one keeps its setting.
     */
    static void roomForTemporaryTables(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("set temp_buffers = '256MB'");
        } catch (SQLException e) {
            // this session already used a temporary table: the import runs, only slower
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        pending.setLength(0);
        pendingRows = 0;
    }

    /**
     * Waits for any other registry import to end, then sorts every row: CREDIT (an open account),
     * UNKNOWN_ACCOUNT or CLOSED_ACCOUNT (set aside), REPEAT (the same payment taken from an earlier
     * file) or CONFLICT (the same key taken earlier with another account or amount).
     */
    void classify() throws SQLException {
        update("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")");
        String payments = sequence("billing.payments");
        String entries = sequence("billing.ledger_entries");
        update("""
                create temp table pay_rows on commit drop as
                select x.*, case when x.outcome = 'CREDIT' then nextval('%s'::regclass) end payment_id,
                    case when x.outcome = 'CREDIT' then nextval('%s'::regclass) end entry_id
                from (select s.*, a.id account_id,
                        case when r.id is not null then
                                case when (r.account_number, r.provider_id, r.amount_tiyin)
                                    = (s.account_number, s.provider_id, s.amount_tiyin) then 'REPEAT' else 'CONFLICT' end
                            when a.id is null then 'UNKNOWN_ACCOUNT'
                            when a.closed_on is not null then 'CLOSED_ACCOUNT'
                            else 'CREDIT' end outcome,
                        r.registry_id earlier_registry, r.line earlier_line
                    from pay_staging s
                    left join billing.accounts a on a.provider_id = s.provider_id and a.number = s.account_number
                    left join billing.registry_payments r on r.bank = s.bank and r.transaction_id = s.transaction_id) x
                """.formatted(payments, entries));
    }

    List<RowProblem> conflicts() throws SQLException {
        List<RowProblem> problems = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select line, bank, transaction_id, earlier_registry, earlier_line from pay_rows
                     where outcome = 'CONFLICT' order by line""")) {
            while (rs.next()) {
                problems.add(RowProblem.of(rs.getLong(1), "transaction_id", RowFault.CONFLICTING_REPEAT,
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return problems;
    }

    /** Rows and tiyin per outcome: {credit, set aside, repeat} x {rows, tiyin}. */
    long[] counts() throws SQLException {
        long[] out = new long[6];
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select outcome, count(*), coalesce(sum(amount_tiyin), 0) from pay_rows"
                     + " group by outcome")) {
            while (rs.next()) {
                int at = switch (rs.getString(1)) {
                    case "CREDIT" -> 0;
                    case "UNKNOWN_ACCOUNT", "CLOSED_ACCOUNT" -> 2;
                    case "REPEAT" -> 4;
                    default -> -1;
                };
                if (at >= 0) {
                    out[at] += rs.getLong(2);
                    out[at + 1] += rs.getLong(3);
                }
            }
        }
        return out;
    }

    /** Writes the ledger entries, the payments and the registry rows of the file {@code registryId}. */
    void write(long registryId, Channel channel, Instant now, PaymentRegistryImport.Progress progress)
            throws SQLException {
        String system = channel.paymentSystem();
        progress.phase("ledger entries");
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.ledger_entries (id, account_id, kind, amount_tiyin, effective_at, recorded_at,
                    payment_id, description) overriding system value
                select entry_id, account_id, 'PAYMENT', amount_tiyin, paid_at, ?, payment_id,
                    ? || ' payment ' || bank || ':' || transaction_id
                from pay_rows where outcome = 'CREDIT'""")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setString(2, system);
            st.executeUpdate();
        }
        progress.phase("payments");
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.payments (id, payment_system, transaction_id, account_id, amount_tiyin, paid_at,
                    entry_id) overriding system value
                select payment_id, ?, bank || ':' || transaction_id, account_id, amount_tiyin, paid_at, entry_id
                from pay_rows where outcome = 'CREDIT'""")) {
            st.setString(1, system);
            st.executeUpdate();
        }
        progress.phase("registry rows");
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.registry_payments (registry_id, line, bank, transaction_id, branch, channel,
                    paid_at, account_number, provider_id, amount_tiyin, state, set_aside_reason, account_id, payment_id)
                select ?, line, bank, transaction_id, branch, ?, paid_at, account_number, provider_id, amount_tiyin,
                    case when outcome = 'CREDIT' then 'CREDITED' else 'SET_ASIDE' end,
                    case when outcome = 'CREDIT' then null else outcome end, account_id, payment_id
                from pay_rows where outcome in ('CREDIT', 'UNKNOWN_ACCOUNT', 'CLOSED_ACCOUNT')""")) {
            st.setLong(1, registryId);
            st.setString(2, system);
            st.executeUpdate();
        }
    }

    /** Abandons an unfinished COPY (on a failure before its end). */
    void cancel() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
    }

    private String sequence(String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long update(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return st.getUpdateCount();
        }
    }
}
