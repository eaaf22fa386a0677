package uz.ekommunal.api.widgets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.MeterLinks;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.overview.AccountOverview;
import uz.ekommunal.billing.overview.AccountOverviews;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Utility;

/**
 * Cards from billing ({@link AccountOverviews}: account, provider, balance, last payment, facts,
 * latest invoice, linked meters, sent together in one round trip) and the gateway (meters from the
 * registry's cache, their latest readings): for any number of accounts, two statements when
 * billing's overviews are cached and unchanged (checked on every read), otherwise billing's are read
 * in one read-only snapshot. A page reads the latest readings in the stamps' round trip.
 */
public final class BillingCardReader implements CardReader {

    private final DataSource dataSource;
    private final AccountOverviews overviews;
    private final MeterRegistry meters;
    private final ReadingStore readings;
    private final PayLinkSource payLinks;
    private final Map<Long, Tariffs> tariffs = new ConcurrentHashMap<>();

    public BillingCardReader(DataSource dataSource, AccountOverviews overviews, MeterRegistry meters,
            PayLinkSource payLinks) {
        this.dataSource = dataSource;
        this.overviews = overviews;
        this.meters = meters;
        this.readings = new ReadingStore(dataSource);
        this.payLinks = payLinks;
    }

    @Override
    public Map<Long, WidgetCard> readAll(List<Long> accountIds) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return readAll(c, accountIds); // autocommit: billing's part is one statement when cached
        }
    }

    @Override
    public CardPage readPage(AccountOverviews.IdQuery ids) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            LinkedReadings linked = new LinkedReadings();
            // autocommit: one round trip when cached, the latest readings read in it
            AccountOverviews.Page page = overviews.readChecked(c, ids, linked);
            return new CardPage(page.ids(), cards(c, page.overviews(), linked.read));
        }
    }

    /**
     * The latest trusted reading of every register linked to the page's accounts, by the link's
     * meter id: the rows {@link ReadingStore#latest} reads for those keys (the same filter, so the
     * same plan), sent with the stamps. A key without a reading is kept with null; a key missing
     * here (a link made since, or a meter whose id the registry gives otherwise) is read as before.
     * Each module writes its own part: billing the account's links, the gateway the latest reading.
     */
    private static final class LinkedReadings implements AccountOverviews.Companion {

        private final Map<RegisterKey, Vee.Previous> read = new HashMap<>();

        @Override
        public String sql(String idsArray) {
            return """
                    select m.meter_id, m.register, l.ts, l.value from unnest(%s) k(id)
                    cross join lateral (%s) m
                    left join lateral (%s) l on true""".formatted(idsArray, MeterLinks.registersOfAccountSql("k.id"),
                    ReadingStore.latestTrustedSql("m.meter_id", "m.register"));
        }

        @Override
        public void read(ResultSet rs) throws SQLException {
            while (rs.next()) {
                Timestamp ts = rs.getTimestamp(3);
                read.put(new RegisterKey(rs.getLong(1), rs.getString(2)),
                        ts == null ? null : new Vee.Previous(ts.toInstant(), rs.getBigDecimal(4)));
            }
        }
    }

    private Map<Long, WidgetCard> readAll(Connection c, List<Long> accountIds) throws Exception {
        return cards(c, overviews.readChecked(c, accountIds), Map.of());
    }

    /** The cards; {@code known} holds latest readings already read (a null value: none), the rest are read here. */
    private Map<Long, WidgetCard> cards(Connection c, Map<Long, AccountOverview> found,
            Map<RegisterKey, Vee.Previous> known) throws Exception {
        List<String> serials = new ArrayList<>();
        found.values().forEach(o -> o.meters().forEach(m -> serials.add(m.serial())));
        Map<String, Meter> bySerial = meters.resolve(serials, c);
        List<RegisterKey> keys = new ArrayList<>();
        Map<RegisterKey, Vee.Previous> latest = new HashMap<>();
        for (AccountOverview o : found.values()) {
            for (LinkedMeter l : o.meters()) {
                Meter m = bySerial.get(l.serial());
                if (m != null && m.replacedAt() == null) {
                    RegisterKey key = new RegisterKey(m.id(), l.register());
                    if (known.containsKey(key)) {
                        latest.put(key, known.get(key));
                    } else {
                        keys.add(key);
                    }
                }
            }
        }
        if (!keys.isEmpty()) {
            latest.putAll(readings.latest(c, keys));
        }
        Map<Long, WidgetCard> cards = new HashMap<>();
        for (AccountOverview o : found.values()) {
            cards.put(o.account().id(), card(o, bySerial, latest));
        }
        return cards;
    }

    @Override
    public WidgetCard read(long accountId) throws Exception {
        WidgetCard card = readAll(List.of(accountId)).get(accountId);
        if (card == null) {
            throw new BillingException(BillingErrorCode.ACCOUNT_NOT_FOUND, accountId);
        }
        return card;
    }

    private WidgetCard card(AccountOverview o, Map<String, Meter> bySerial, Map<RegisterKey, Vee.Previous> latest) {
        Account account = o.account();
        boolean heat = account.services().contains(Utility.HOT_WATER) || account.services().contains(Utility.HEATING);
        return new WidgetCard(account, o.provider(), o.balance(), o.lastPayment(), meters(o, bySerial, latest),
                lastTariffOf(account.id(), o.latestInvoice()), heat ? o.facts() : null,
                payLinks.linksFor(account, o.balance()));
    }

    /** The account's current meters (replaced ones are left off) with their latest reading. */
    private static List<WidgetCard.MeterCard> meters(AccountOverview o, Map<String, Meter> bySerial,
            Map<RegisterKey, Vee.Previous> latest) {
        List<WidgetCard.MeterCard> out = new ArrayList<>(o.meters().size());
        for (LinkedMeter l : o.meters()) {
            Meter m = bySerial.get(l.serial());
            if (m == null || m.replacedAt() != null) {
                continue;
            }
            Vee.Previous last = latest.get(new RegisterKey(m.id(), l.register()));
            String unit = Register.byObis(l.register()).map(Register::unit).orElse(null);
            out.add(new WidgetCard.MeterCard(m.serial(), m.utility(), m.protocol(), l.register(), unit,
                    last == null ? null : last.value().stripTrailingZeros(), last == null ? null : last.time()));
        }
        return out;
    }

    /** An account's last tariff and the invoice it was read from. */
    private record Tariffs(Invoices.LatestLines from, List<WidgetCard.TariffApplied> lines) {
    }

    /**
     * {@link #lastTariff}, kept per account while the overview's invoice is the same object (the
     * cached overviews keep theirs; a new read gives a new one): it was a tenth of the API's work
     * per answer in a flight recording.
     */
    private List<WidgetCard.TariffApplied> lastTariffOf(long accountId, Invoices.LatestLines invoice) {
        if (invoice == null) {
            return List.of();
        }
        Tariffs kept = tariffs.get(accountId);
        if (kept != null && kept.from() == invoice) {
            return kept.lines();
        }
        List<WidgetCard.TariffApplied> lines = lastTariff(invoice);
        if (tariffs.size() >= CardJsonCache.MAX_ACCOUNTS) {
            tariffs.clear();
        }
        tariffs.put(accountId, new Tariffs(invoice, lines));
        return lines;
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
                        l.to(), invoice.invoiceNumber(), l.blockFrom(), l.blockTo()))
                .toList();
    }
}
