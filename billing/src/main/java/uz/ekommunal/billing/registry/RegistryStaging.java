package uz.ekommunal.billing.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Utility;

/**
 * The checking half of an import's set-based work: good rows go by COPY into a temporary table,
 * rows naming unknown meters or an account twice are refused there, and every row left is keyed to
 * its account ({@code registry_keyed}, which {@link RegistryWrites} writes from).
 */
final class RegistryStaging {

    private final Connection c;
    private CopyIn copy;

    /** Creates the staging table in {@code c}'s transaction and opens the COPY into it. */
    RegistryStaging(Connection c) throws SQLException {
        this.c = c;
        try (Statement st = c.createStatement()) {
            st.execute("""
                    create temp table registry_staging (line bigint, provider_id bigint, number text, holder text,
                        address text, services text[], residents int, heated_area numeric(10,2), needy boolean,
                        stove boolean, heating text, valid_from date, meter_serials text[],
                        meter_registers text[], region text, district text) on commit drop""");
        }
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy registry_staging from stdin");
    }

    /** A checked row in COPY text format; its meters (serial, register or NULL for the main one) resolved later. */
    void add(StagedRow r, StringBuilder out) {
        List<String> services = new ArrayList<>();
        for (Utility u : r.services()) {
            services.add(u.name());
        }
        List<String> serials = new ArrayList<>();
        List<String> registers = new ArrayList<>();
        for (StagedRow.MeterRef m : r.meters()) {
            serials.add(m.serial());
            registers.add(m.register());
        }
        out.append(r.line()).append('\t').append(r.providerId()).append('\t');
        escape(r.number(), out).append('\t');
        escape(r.holder(), out).append('\t');
        escape(r.address(), out).append('\t');
        array(services, out).append('\t').append(r.residents()).append('\t').append(r.heatedArea().toPlainString())
                .append('\t').append(r.needyFamily()).append('\t').append(r.electricStove()).append('\t')
                .append(r.heating() == null ? "\\N" : r.heating().name()).append('\t').append(r.validFrom())
                .append('\t');
        array(serials, out).append('\t');
        array(registers, out).append('\t').append(r.region().name()).append('\t');
        if (r.district() == null) {
            out.append("\\N");
        } else {
            escape(r.district(), out);
        }
        out.append('\n');
    }

    void send(StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** Ends the COPY. */
    void finish() throws SQLException {
        copy.endCopy();
        copy = null;
    }

    /**
     * Resolves every serial of the file in one set-based step (the gateway's {@link MeterRegistry#resolveStaged}
     * fills {@code registry_serials}); refuses the rows naming a serial no meter has, and drops them.
     */
    List<ImportProblem> refuseUnknownMeters(MeterRegistry meters) throws SQLException {
        update("""
                create temp view registry_serial_refs as
                select u.serial from registry_staging, unnest(meter_serials) u (serial)""");
        meters.resolveStaged(c, "registry_serial_refs", "registry_serials");
        update("drop view registry_serial_refs"); // a view outlives the transaction: the session may import again
        update("analyze registry_serials");
        List<ImportProblem> problems = new ArrayList<>();
        if (!exists("select 1 from registry_serials where meter_id is null")) {
            return problems;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select s.line, u.serial from registry_staging s
                     cross join lateral unnest(s.meter_serials) with ordinality u (serial, n)
                     join registry_serials r on r.serial = u.serial
                     where r.meter_id is null order by s.line, u.n""")) {
            while (rs.next()) {
                problems.add(new ImportProblem(rs.getLong(1), "meters", RegistryFault.UNKNOWN_METER,
                        "no meter with serial " + rs.getString(2) + " is registered"));
            }
        }
        update("""
                delete from registry_staging s where exists (select 1 from unnest(s.meter_serials) u (serial)
                    join registry_serials r on r.serial = u.serial where r.meter_id is null)""");
        return problems;
    }

    /** Refuses every row of an account named more than once (found while the file was read), and drops those rows. */
    List<ImportProblem> refuseDuplicates(AccountsNamed named) throws SQLException {
        List<ImportProblem> problems = named.problems();
        if (!problems.isEmpty()) {
            try (java.sql.PreparedStatement delete = c.prepareStatement(
                    "delete from registry_staging where line = any (?)")) {
                delete.setArray(1, c.createArrayOf("bigint",
                        problems.stream().map(ImportProblem::line).toArray()));
                delete.executeUpdate();
            }
        }
        return problems;
    }

    /**
     * Gives every good row its account: the registry's when the account exists, else a new id drawn
     * from the accounts' own sequence (the account is opened with it next). One join for the whole
     * file; every later step reads {@code registry_keyed} and joins the accounts no more.
     */
    void keyAccounts() throws SQLException {
        update("""
                create temp table registry_keyed on commit drop as
                select s.*, coalesce(a.id, nextval(pg_get_serial_sequence('billing.accounts', 'id'))) account_id,
                    a.id is null opened
                from registry_staging s left join billing.accounts a
                    on a.provider_id = s.provider_id and a.number = s.number""");
        update("analyze registry_keyed");
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

    private long update(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }

    private boolean exists(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** COPY text format; the values were checked, so array elements need no more than quotes. */
    private static StringBuilder array(List<String> values, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",");
            if (values.get(i) == null) {
                out.append("NULL");
            } else {
                out.append('"').append(values.get(i)).append('"');
            }
        }
        return out.append('}');
    }

    private static StringBuilder escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
