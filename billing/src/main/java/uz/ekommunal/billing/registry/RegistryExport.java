package uz.ekommunal.billing.registry;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The open accounts in the import's layout with the households' areas
 * ({@link RegistryLayout#HEADER_WITH_AREA}), one COPY straight to the writer:
 * holder, address, services, meters and the latest facts, dated by the latest of them, so the file
 * imports back without a change.
 */
public final class RegistryExport {

    private static final String QUERY = """
            select a.number as account_number, lower(p.account_kind) as utility, p.code as provider_code,
                a.holder_name as holder, a.address,
                (select string_agg(distinct lower(s.utility), ';') from billing.account_services s
                    where s.account_id = a.id and s.billed_until is null) as services,
                coalesce(f.residents, 0) as residents, coalesce(f.heated_area, 0) as heated_area,
                case when f.needy_family then 'yes' else 'no' end as needy_family,
                case when f.electric_stove then 'yes' else 'no' end as electric_stove,
                lower(f.heating_type) as heating_type,
                greatest(a.opened_on, f.valid_from, (select max(h.valid_from) from billing.account_holders h
                    where h.account_id = a.id)) as valid_from,
                (select string_agg(m.serial || '@' || m.register, ';' order by m.serial, m.register)
                    from billing.account_meters m where m.account_id = a.id) as meters,
                f.region, f.district
            from billing.accounts a join billing.providers p on p.id = a.provider_id
            left join lateral (select * from billing.household_facts x where x.account_id = a.id
                order by x.valid_from desc limit 1) f on true
            where a.closed_on is null %s
            order by p.code, a.number""";

    private final DataSource dataSource;

    public RegistryExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param providerId only this provider's accounts, or null for all
     * @return the number of accounts written
     */
    public long write(Writer out, Long providerId) throws SQLException, IOException {
        String where = providerId == null ? "" : "and a.provider_id = " + providerId.longValue();
        try (Connection c = dataSource.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + QUERY.formatted(where) + ") to stdout with (format csv, header)", out);
        }
    }
}
