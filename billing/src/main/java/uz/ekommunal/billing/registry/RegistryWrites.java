package uz.ekommunal.billing.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The writing half of an import: a few INSERT ... SELECT statements over {@code registry_keyed}
 * (every good row with its account id, see {@link RegistryStaging#keyAccounts}). New accounts take
 * their first holder, facts, services and meters in plain inserts with no look-up at all; rows of
 * accounts that exist write only what differs from the registry on the row's day (so a second run of
 * the same file writes nothing, and a changed row becomes a dated change).
 */
final class RegistryWrites {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection c;

    RegistryWrites(Connection c) {
        this.c = c;
    }

    /**
     * Opens the new accounts with the ids they were keyed with.
     *
     * @throws SQLException state 40001 when someone opened one of them since the keying (run again)
     */
    long openAccounts() throws SQLException {
        try {
            return update("""
                    insert into billing.accounts (id, provider_id, number, holder_name, address, opened_on)
                    overriding system value
                    select account_id, provider_id, number, holder, address, valid_from from registry_keyed
                    where opened""");
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new SQLException("an account of the file was opened by someone else during the import; "
                        + "nothing was written, run the import again", "40001", e);
            }
            throw e;
        }
    }

    /** Holder and address of new accounts; of others where they differ from those valid on the row's day. */
    long recordHolders() throws SQLException {
        update("""
                insert into billing.account_holders (account_id, valid_from, holder_name, address)
                select account_id, valid_from, holder, address from registry_keyed where opened""");
        long changed = update("""
                insert into billing.account_holders (account_id, valid_from, holder_name, address)
                select s.account_id, s.valid_from, s.holder, s.address from registry_keyed s
                left join lateral (select h.holder_name, h.address from billing.account_holders h
                    where h.account_id = s.account_id and h.valid_from <= s.valid_from
                    order by h.valid_from desc limit 1) cur on true
                where not s.opened
                  and (cur.holder_name is distinct from s.holder or cur.address is distinct from s.address)
                on conflict (account_id, valid_from) do update set holder_name = excluded.holder_name,
                    address = excluded.address""");
        if (changed > 0) {
            update("""
                    update billing.accounts a set holder_name = s.holder, address = s.address from registry_keyed s
                    where a.id = s.account_id and not s.opened
                      and (a.holder_name is distinct from s.holder or a.address is distinct from s.address)
                      and not exists (select 1 from billing.account_holders h
                          where h.account_id = a.id and h.valid_from > s.valid_from)""");
        }
        return changed;
    }

    /** Facts of new accounts; of others where they differ from those valid on the row's day. */
    long recordFacts() throws SQLException {
        long written = update("""
                insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district,
                    needy_family, electric_stove, heating_type)
                select account_id, valid_from, residents, heated_area, region, district, needy, stove, heating
                from registry_keyed where opened""");
        return written + update("""
                insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district,
                    needy_family, electric_stove, heating_type)
                select s.account_id, s.valid_from, s.residents, s.heated_area, s.region, s.district, s.needy, s.stove,
                    s.heating
                from registry_keyed s
                left join lateral (select f.* from billing.household_facts f
                    where f.account_id = s.account_id and f.valid_from <= s.valid_from
                    order by f.valid_from desc limit 1) cur on true
                where not s.opened and (cur.account_id is null or (cur.residents, cur.heated_area, cur.needy_family,
                    cur.electric_stove, cur.heating_type, cur.region, cur.district) is distinct from (s.residents,
                    s.heated_area, s.needy, s.stove, s.heating, s.region, s.district))
                on conflict (account_id, valid_from) do update set residents = excluded.residents,
                    heated_area = excluded.heated_area, region = excluded.region, district = excluded.district,
                    needy_family = excluded.needy_family, electric_stove = excluded.electric_stove,
                    heating_type = excluded.heating_type""");
    }

    /** Services from the row's day: all of a new account's; of a known account those not billed on that day. */
    long addServices() throws SQLException {
        long added = update("""
                insert into billing.account_services (account_id, utility, billed_from)
                select s.account_id, u.utility, s.valid_from from registry_keyed s, unnest(s.services) u (utility)
                where s.opened""");
        return added + update("""
                insert into billing.account_services (account_id, utility, billed_from)
                select s.account_id, u.utility, s.valid_from from registry_keyed s, unnest(s.services) u (utility)
                where not s.opened and not exists (select 1 from billing.account_services b
                    where b.account_id = s.account_id and b.utility = u.utility and b.billed_from <= s.valid_from
                      and (b.billed_until is null or b.billed_until > s.valid_from))
                on conflict do nothing""");
    }

    /**
     * Links the rows' meters; a meter named by serial alone by the main register of its utility. A row
     * names each register once (checked by {@link RowParser}), so a new account's links need no check.
     */
    long linkMeters(Instant at) throws SQLException {
        String insert = """
                insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
                select s.account_id, r.meter_id, r.serial, coalesce(u.register, %s), ? from registry_keyed s
                cross join lateral unnest(s.meter_serials, s.meter_registers) u (serial, register)
                join registry_serials r on r.serial = u.serial
                where %s""";
        return link(insert.formatted(mainRegisters(), "s.opened"), at)
                + link(insert.formatted(mainRegisters(), "not s.opened") + " on conflict do nothing", at);
    }

    private long link(String sql, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(at));
            return st.executeLargeUpdate();
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

    private long update(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }
}
