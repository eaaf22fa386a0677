package uz.ekommunal.billing.print;

import java.util.Objects;

/**
 * The requisites of a provider or a homeowners' association, as printed on
 * receipts and slips. Blank optional fields (director, phone, OKONH) are left
 * off the page rather than printed empty.
 *
 * @param inn               tax id (STIR / ИНН)
 * @param mfo               bank code (MFO / МФО)
 * @param okonh             economic activity code (XXTUT / ОКОНХ)
 * @param settlementAccount bank account the payer pays into
 */
public record ProviderRequisites(
        String name,
        String director,
        String phone,
        String address,
        String inn,
        String mfo,
        String okonh,
        String settlementAccount) {

    public ProviderRequisites {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(inn, "inn");
        Objects.requireNonNull(mfo, "mfo");
        Objects.requireNonNull(settlementAccount, "settlementAccount");
        director = director == null ? "" : director;
        phone = phone == null ? "" : phone;
        okonh = okonh == null ? "" : okonh;
    }
}
