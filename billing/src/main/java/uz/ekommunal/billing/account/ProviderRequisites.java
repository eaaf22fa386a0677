package uz.ekommunal.billing.account;

/**
 * What a provider prints on every invoice and payment slip.
 *
 * @param inn tax id
 * @param mfo bank code
 * @param okonh branch-of-economy code
 */
public record ProviderRequisites(String name, String director, String phone, String address, String inn,
        String mfo, String okonh, String settlementAccount) {

    public ProviderRequisites {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provider needs a name");
        }
    }
}
