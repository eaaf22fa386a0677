package uz.ekommunal.billing.account;

import java.time.LocalDate;
import java.util.Set;
import uz.ekommunal.tariff.Utility;

/** A personal account ("litsevoy schet") of a household at one provider, and what it is billed for. */
public record Account(long id, long providerId, String number, String holderName, String address,
        LocalDate openedOn, Set<Utility> services) {

    public Account {
        services = Set.copyOf(services);
    }
}
