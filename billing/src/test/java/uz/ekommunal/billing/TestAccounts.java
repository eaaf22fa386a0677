package uz.ekommunal.billing;

import java.time.LocalDate;
import java.util.Set;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.tariff.Region;

/** Providers and accounts for tests. */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static ProviderRequisites requisites(String name) {
        return new ProviderRequisites(name, "A. Karimov", "+998 71 200 00 00", "Tashkent, Navoiy 1", "201234567",
                "00014", "90310", "20210000900123456001");
    }

    public static Provider provider(Accounts accounts, String code, AccountKind kind) throws Exception {
        return accounts.createProvider(new NewProvider(code, kind, kind == AccountKind.GARBAGE ? "\\d{9}" : null,
                Region.TASHKENT_CITY, null, requisites(code)));
    }

    public static Account account(Accounts accounts, Provider provider, String number) throws Exception {
        return accounts.openAccount(provider.id(), number, "Holder " + number, "Navoiy " + number,
                LocalDate.of(2024, 1, 1), Set.of());
    }
}
