package uz.ekommunal.billing.account;

import java.util.Objects;
import uz.ekommunal.tariff.Region;

/** What an operator gives to register a provider. */
public record NewProvider(String code, AccountKind kind, String accountPattern, Region region, String district,
        ProviderRequisites requisites) {

    public NewProvider {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(requisites, "requisites");
        if (kind == AccountKind.GARBAGE && (accountPattern == null || accountPattern.isBlank())) {
            throw new IllegalArgumentException("a garbage provider must give its account number pattern");
        }
    }
}
