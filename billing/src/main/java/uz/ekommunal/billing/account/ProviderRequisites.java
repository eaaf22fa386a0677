package uz.ekommunal.billing.account;

/**
 * What a provider (or a homeowners' association) prints on every invoice, receipt and payment slip.
 * Only the name is required; the print leaves blank or missing fields off the page rather than
 * printing them empty.
 *
 * @param inn               tax id (STIR / ИНН)
 * @param mfo               bank code (MFO / МФО)
 * @param okonh             economic activity code (XXTUT / ОКОНХ)
 * @param settlementAccount bank account the payer pays into
 */
public record ProviderRequisites(String name, String director, String phone, String address, String inn,
        String mfo, String okonh, String settlementAccount) {

    public ProviderRequisites {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provider needs a name");
        }
    }
}
