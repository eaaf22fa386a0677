package uz.ekommunal.billing.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;

/** An administrator's changes to providers, on the caller's connection (the audit entry commits with them). */
public final class ProviderChanges {

    /** @throws BillingException PROVIDER_CODE_TAKEN when the code is taken */
    public long create(Connection c, NewProvider p) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.providers (code, name, account_kind, account_pattern, region, district,
                    director, phone, address, inn, mfo, okonh, settlement_account)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing returning id""")) {
            ProviderRequisites r = p.requisites();
            Object[] values = {p.code(), r.name(), p.kind().name(), p.accountPattern(), p.region().name(),
                p.district(), r.director(), r.phone(), r.address(), r.inn(), r.mfo(), r.okonh(), r.settlementAccount()};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new BillingException(BillingErrorCode.PROVIDER_CODE_TAKEN, p.code());
                }
                return rs.getLong(1);
            }
        }
    }

    /** New requisites and district (the account family and region stay: accounts are numbered by them). */
    public void change(Connection c, long providerId, String district, ProviderRequisites r) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update billing.providers set district = ?, name = ?, director = ?, phone = ?, address = ?, inn = ?,
                    mfo = ?, okonh = ?, settlement_account = ? where id = ?""")) {
            Object[] values = {district, r.name(), r.director(), r.phone(), r.address(), r.inn(), r.mfo(), r.okonh(),
                r.settlementAccount(), providerId};
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        }
    }
}
