package uz.ekommunal.billing.registry;

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
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Utility;

/**
 * The set-based half of an import: good rows go by COPY into a temporary table, then a few
 * INSERT ... SELECT statements open, change and link everything at once, each writing only what
 * differs from the registry (so a second run of the same file writes nothing).
 */
final class RegistryStaging {

    private static final String MATCH = "join billing.accounts a on a.provider_id = s.provider_id and a.number = s.number";

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
                        meter_registers text[]) on commit drop""");
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
        array(registers, out).append('\n');
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
     * Resolves every serial of the file in one set-based step (the gateway's {@link MeterRegistry#resolveStaged});
     * refuses the rows naming a serial no meter has, and drops them.
     */
    List<ImportProblem> refuseUnknownMeters(MeterRegistry meters) throws SQLException {
        update("""
                create temp table registry_serials on commit drop as
                select distinct serial from registry_staging, unnest(meter_serials) serial""");
        meters.resolveStaged(c, "registry_serials");
        update("alter table registry_serials add primary key (serial)");
        List<ImportProblem> problems = new ArrayList<>();
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
        if (!problems.isEmpty()) {
            update("""
                    delete from registry_staging s where exists (select 1 from unnest(s.meter_serials) u (serial)
                        join registry_serials r on r.serial = u.serial where r.meter_id is null)""");
        }
        return problems;
    }

    /** Refuses every row of an account named more than once, and drops those rows. */
    List<ImportProblem> refuseDuplicates() throws SQLException {
        List<ImportProblem> problems = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select line, number, array_to_string(array_agg(line) over (partition by provider_id, number
                         order by line rows between unbounded preceding and unbounded following), ', ')
                     from registry_staging where (provider_id, number) in (select provider_id, number
                         from registry_staging group by 1, 2 having count(*) > 1) order by line""")) {
            while (rs.next()) {
                problems.add(new ImportProblem(rs.getLong(1), "account_number", RegistryFault.DUPLICATE_ACCOUNT,
                        "account " + rs.getString(2) + " is on lines " + rs.getString(3) + " of the file"));
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("""
                    delete from registry_staging where (provider_id, number) in (select provider_id, number
                        from registry_staging group by 1, 2 having count(*) > 1)""");
            st.execute("analyze registry_staging");
        }
        return problems;
    }

    /** Opens the accounts not yet open, and remembers them: their first holder and facts need no history look-up. */
    long openAccounts() throws SQLException {
        update("create temp table registry_opened (id bigint primary key) on commit drop");
        long opened = update("""
                with opened as (insert into billing.accounts (provider_id, number, holder_name, address, opened_on)
                    select provider_id, number, holder, address, valid_from from registry_staging order by line
                    on conflict (provider_id, number) do nothing returning id)
                insert into registry_opened select id from opened""");
        update("analyze registry_opened");
        return opened;
    }

    /** Holder and address rows where they differ from those valid on the row's day; then the latest onto the account. */
    long recordHolders() throws SQLException {
        long written = update("""
                insert into billing.account_holders (account_id, valid_from, holder_name, address)
                select a.id, s.valid_from, s.holder, s.address from registry_staging s %s
                join registry_opened o on o.id = a.id""".formatted(MATCH));
        written += update("""
                insert into billing.account_holders (account_id, valid_from, holder_name, address)
                select a.id, s.valid_from, s.holder, s.address from registry_staging s %s
                left join registry_opened o on o.id = a.id
                left join lateral (select h.holder_name, h.address from billing.account_holders h
                    where h.account_id = a.id and h.valid_from <= s.valid_from
                    order by h.valid_from desc limit 1) cur on true
                where o.id is null and (cur.holder_name is distinct from s.holder or cur.address is distinct from s.address)
                on conflict (account_id, valid_from) do update set holder_name = excluded.holder_name,
                    address = excluded.address""".formatted(MATCH));
        update("""
                update billing.accounts a set holder_name = s.holder, address = s.address from registry_staging s
                where a.provider_id = s.provider_id and a.number = s.number
                  and (a.holder_name is distinct from s.holder or a.address is distinct from s.address)
                  and not exists (select 1 from billing.account_holders h
                      where h.account_id = a.id and h.valid_from > s.valid_from)""");
        return written;
    }

    /** Facts where they differ from those valid on the row's day (region and district stay the household's). */
    long recordFacts() throws SQLException {
        long written = update("""
                insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district,
                    needy_family, electric_stove, heating_type)
                select a.id, s.valid_from, s.residents, s.heated_area, p.region, p.district, s.needy, s.stove, s.heating
                from registry_staging s %s join registry_opened o on o.id = a.id
                join billing.providers p on p.id = s.provider_id""".formatted(MATCH));
        return written + update("""
                insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district,
                    needy_family, electric_stove, heating_type)
                select a.id, s.valid_from, s.residents, s.heated_area, coalesce(cur.region, p.region),
                    coalesce(cur.district, p.district), s.needy, s.stove, s.heating
                from registry_staging s %s join billing.providers p on p.id = s.provider_id
                left join registry_opened o on o.id = a.id
                left join lateral (select f.* from billing.household_facts f
                    where f.account_id = a.id and f.valid_from <= s.valid_from
                    order by f.valid_from desc limit 1) cur on true
                where o.id is null and (cur.account_id is null or (cur.residents, cur.heated_area, cur.needy_family,
                    cur.electric_stove, cur.heating_type) is distinct from (s.residents, s.heated_area, s.needy, s.stove,
                    s.heating))
                on conflict (account_id, valid_from) do update set residents = excluded.residents,
                    heated_area = excluded.heated_area, needy_family = excluded.needy_family,
                    electric_stove = excluded.electric_stove, heating_type = excluded.heating_type""".formatted(MATCH));
    }

    long addServices() throws SQLException {
        return update("""
                insert into billing.account_services (account_id, utility)
                select a.id, u.utility from registry_staging s %s, unnest(s.services) u (utility)
                on conflict do nothing""".formatted(MATCH));
    }

    /** Links the rows' meters; a meter named by serial alone by the main register of its utility. */
    long linkMeters(Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
                select a.id, r.meter_id, r.serial, coalesce(u.register, %s), ? from registry_staging s %s
                cross join lateral unnest(s.meter_serials, s.meter_registers) u (serial, register)
                join registry_serials r on r.serial = u.serial
                on conflict do nothing""".formatted(mainRegisters(), MATCH))) {
            st.setTimestamp(1, Timestamp.from(at));
            return st.executeUpdate();
        }
    }

    /** The main register by the meter's utility, as SQL ({@link RegistryImport#mainRegister}). */
    private static String mainRegisters() {
        StringBuilder sql = new StringBuilder("case r.utility");
        for (String utility : List.of("gas", "cold_water", "hot_water", "heat")) {
            sql.append(" when '").append(utility).append("' then '").append(RegistryImport.mainRegister(utility))
                    .append('\'');
        }
        return sql.append(" else '").append(RegistryImport.mainRegister("electricity")).append("' end").toString();
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
