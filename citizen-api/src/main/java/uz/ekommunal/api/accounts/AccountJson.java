package uz.ekommunal.api.accounts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.tariff.Money;

/** JSON of profiles, accounts and providers, as the API answers them. */
public final class AccountJson {

    private AccountJson() {
    }

    public static JsonObject profile(User u) {
        return new JsonObject().put("id", u.id()).put("phone", u.phone()).put("role", u.role().name())
                .put("providerId", u.providerId()).put("name", u.name()).put("email", u.email())
                .put("address", u.address()).put("region", u.region() == null ? null : u.region().name())
                .put("district", u.district()).put("language", u.language() == null ? null : u.language().code());
    }

    public static JsonObject account(Account a, Provider p) {
        JsonArray services = new JsonArray();
        a.services().stream().map(Enum::name).sorted().forEach(services::add);
        return new JsonObject().put("id", a.id()).put("number", a.number()).put("utility", utility(p))
                .put("services", services).put("holderName", a.holderName()).put("address", a.address())
                .put("provider", new JsonObject().put("id", p.id()).put("name", p.requisites().name()));
    }

    public static String utility(Provider p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }

    public static JsonObject provider(Provider p) {
        return new JsonObject().put("id", p.id()).put("code", p.code()).put("utility", utility(p))
                .put("region", p.region().name()).put("district", p.district())
                .put("requisites", requisites(p.requisites()));
    }

    /** Name, director, phone, address, tax id (INN), bank code (MFO), OKONH, settlement account. */
    public static JsonObject requisites(ProviderRequisites r) {
        return new JsonObject().put("name", r.name()).put("director", r.director()).put("phone", r.phone())
                .put("address", r.address()).put("inn", r.inn()).put("mfo", r.mfo()).put("okonh", r.okonh())
                .put("settlementAccount", r.settlementAccount());
    }

    /** Money as the API writes it: a decimal string with tiyin. */
    public static String money(Money m) {
        return m.amount().toPlainString();
    }
}
