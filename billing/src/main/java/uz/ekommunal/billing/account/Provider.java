package uz.ekommunal.billing.account;

import uz.ekommunal.tariff.Region;

/**
 * A utility provider (RES, RAYGAZ, the water or heat company, waste collection).
 *
 * @param accountPattern the provider's own number format (a regular expression) for
 *     {@link AccountKind#GARBAGE}; null for the others
 */
public record Provider(long id, String code, AccountKind kind, String accountPattern, Region region,
        String district, ProviderRequisites requisites) {

    public boolean acceptsNumber(String number) {
        return kind.accepts(number, accountPattern);
    }
}
