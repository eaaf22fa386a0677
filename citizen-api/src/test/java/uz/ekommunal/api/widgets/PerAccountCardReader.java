package uz.ekommunal.api.widgets;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.tariff.Utility;

/**
 * The widgets' reader as it was before cards were read together: each card through billing's
 * and the gateway's single-account reads (about seven queries a card). The set-based
 * {@link BillingCardReader} must give the same cards.
 */
final class PerAccountCardReader {

    private final DataSource dataSource;
    private final Billing billing;
    private final AccountLookups lookups;
    private final MeterRegistry meters;
    private final ReadingStore readings;
    private final PayLinkSource payLinks;
    private final Clock clock;

    PerAccountCardReader(DataSource dataSource, Billing billing, AccountLookups lookups, MeterRegistry meters,
            PayLinkSource payLinks, Clock clock) {
        this.dataSource = dataSource;
        this.billing = billing;
        this.lookups = lookups;
        this.meters = meters;
        this.readings = new ReadingStore(dataSource);
        this.payLinks = payLinks;
        this.clock = clock;
    }

    WidgetCard read(long accountId) throws Exception {
        Account account = billing.accounts().account(accountId);
        Provider provider = billing.accounts().provider(account.providerId());
        Balance balance = billing.ledger().balance(accountId);
        HouseholdFacts facts = null;
        if (account.services().contains(Utility.HOT_WATER) || account.services().contains(Utility.HEATING)) {
            facts = billing.accounts().factsOn(accountId, BillingTime.dayOf(clock.instant())).orElse(null);
        }
        Optional<Invoices.LatestLines> latest = billing.invoices().latestLines(accountId);
        return new WidgetCard(account, provider, balance, billing.payments().lastPayment(accountId).orElse(null),
                meters(accountId), latest.map(BillingCardReader::lastTariff).orElse(List.of()),
                facts, payLinks.linksFor(account, balance));
    }

    /** The account's current meters (replaced ones are left off) with their latest reading. */
    private List<WidgetCard.MeterCard> meters(long accountId) throws Exception {
        List<LinkedMeter> linked = lookups.meters(accountId);
        List<Meter> found = new ArrayList<>();
        List<RegisterKey> keys = new ArrayList<>();
        for (LinkedMeter l : linked) {
            Optional<Meter> m = meters.find(l.serial());
            if (m.isPresent() && m.get().replacedAt() == null) {
                found.add(m.get());
                keys.add(new RegisterKey(m.get().id(), l.register()));
            }
        }
        Map<RegisterKey, Vee.Previous> latest;
        try (Connection c = dataSource.getConnection()) {
            latest = keys.isEmpty() ? Map.of() : readings.latest(c, keys);
        }
        List<WidgetCard.MeterCard> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Meter m = found.get(i);
            RegisterKey key = keys.get(i);
            Vee.Previous last = latest.get(key);
            String unit = Register.byObis(key.register()).map(Register::unit).orElse(null);
            out.add(new WidgetCard.MeterCard(m.serial(), m.utility(), m.protocol(), key.register(), unit,
                    last == null ? null : last.value().stripTrailingZeros(), last == null ? null : last.time()));
        }
        return out;
    }
}
