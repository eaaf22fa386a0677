package uz.ekommunal.api.widgets;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.tariff.Utility;

/** A card from billing (account, balance, payments, invoices, facts) and the gateway (meters, readings). */
public final class BillingCardReader implements CardReader {

    private final DataSource dataSource;
    private final Billing billing;
    private final AccountLookups lookups;
    private final MeterRegistry meters;
    private final ReadingStore readings;
    private final PayLinkSource payLinks;
    private final Clock clock;

    public BillingCardReader(DataSource dataSource, Billing billing, AccountLookups lookups, MeterRegistry meters,
            PayLinkSource payLinks, Clock clock) {
        this.dataSource = dataSource;
        this.billing = billing;
        this.lookups = lookups;
        this.meters = meters;
        this.readings = new ReadingStore(dataSource);
        this.payLinks = payLinks;
        this.clock = clock;
    }

    @Override
    public WidgetCard read(long accountId) throws Exception {
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

    /** Per utility, the priced lines of the invoice's last part (after a tariff change, the new one). */
    static List<WidgetCard.TariffApplied> lastTariff(Invoices.LatestLines invoice) {
        Map<Utility, LocalDate> lastPart = new LinkedHashMap<>();
        for (InvoiceLine l : invoice.lines()) {
            if (l.tariffId() != null && l.type() != LineType.CORRECTION) {
                lastPart.merge(l.utility(), l.from(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return invoice.lines().stream()
                .filter(l -> l.tariffId() != null && l.type() != LineType.CORRECTION && l.unitPrice() != null)
                .filter(l -> l.from().equals(lastPart.get(l.utility())))
                .sorted(Comparator.comparing(InvoiceLine::lineNo))
                .map(l -> new WidgetCard.TariffApplied(l.utility().name(), l.tariffId(), l.block(),
                        l.unitPrice().stripTrailingZeros(), l.unit() == null ? null : l.unit().label(), l.from(),
                        l.to(), invoice.invoiceNumber()))
                .toList();
    }
}
