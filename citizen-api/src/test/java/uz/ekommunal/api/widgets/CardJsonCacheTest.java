package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;

/**
 * The cache's pages are {@link WidgetJson#page}'s bytes exactly: on the first answer, on the next,
 * and after each part of a card changes, whether the cache keeps it (balance, readings) or must
 * write it again (everything else).
 */
class CardJsonCacheTest {

    private final CardJsonCache cache = new CardJsonCache();

    @Test
    void aPageIsWidgetJsonsBytesWhenWrittenAndWhenKept() {
        WidgetCard full = WidgetJsonTest.full();
        WidgetCard bare = WidgetJsonTest.bare();
        List<Long> ids = List.of(full.account().id(), 99L, bare.account().id());
        Map<Long, WidgetCard> cards = Map.of(full.account().id(), full, bare.account().id(), bare);
        for (int i = 0; i < 2; i++) {
            assertSame(ids, cards, "djE6OTk");
            assertSame(ids, cards, null);
        }
        assertSame(List.of(), Map.of(), null);
        assertSame(List.of(99L, 100L), Map.of(), null);
    }

    @Test
    void theBalanceAndTheReadingsAreWrittenNewOverKeptParts() {
        WidgetCard full = WidgetJsonTest.full();
        assertSame(full);
        assertSame(with(full, c -> new WidgetCard(c.account(), c.provider(),
                new Balance(c.account().id(), Money.ofTiyin(-1), c.balance().asOf().plusSeconds(90_000)),
                c.lastPayment(), c.meters(), c.lastTariff(), c.facts(), c.payLinks())));
        assertSame(with(full, c -> new WidgetCard(c.account(), c.provider(), c.balance(), c.lastPayment(),
                List.of(new WidgetCard.MeterCard("HW-1", "hot_water", "modbus", "8.0.1", "m3", new BigDecimal("13.25"),
                        c.balance().asOf())), c.lastTariff(), c.facts(), c.payLinks())));
        assertSame(with(full, c -> new WidgetCard(c.account(), c.provider(), c.balance(), c.lastPayment(), List.of(),
                c.lastTariff(), c.facts(), c.payLinks())));
    }

    @Test
    void aChangeOfAnyKeptPartIsWrittenAtOnce() {
        WidgetCard full = WidgetJsonTest.full();
        Account a = full.account();
        Provider p = full.provider();
        ProviderRequisites r = p.requisites();
        PaymentReceipt paid = full.lastPayment();
        List<UnaryOperator<WidgetCard>> changes = List.of(
                c -> new WidgetCard(new Account(a.id(), a.providerId(), a.number(), "Karimov Aziz", a.address(),
                        a.openedOn(), a.services()), c.provider(), c.balance(), c.lastPayment(), c.meters(),
                        c.lastTariff(), c.facts(), c.payLinks()),
                c -> new WidgetCard(c.account(), new Provider(p.id(), p.code(), p.kind(), p.accountPattern(),
                        Region.TASHKENT_CITY, p.district(), new ProviderRequisites(r.name(), r.director(),
                        "+998711111111", r.address(), r.inn(), r.mfo(), r.okonh(), r.settlementAccount())),
                        c.balance(), c.lastPayment(), c.meters(), c.lastTariff(), c.facts(), c.payLinks()),
                c -> new WidgetCard(c.account(), c.provider(), c.balance(), new PaymentReceipt(paid.paymentId() + 1,
                        "click", "tx-2", a.id(), 99_00, paid.paidAt().plusSeconds(60), 10, null, null, null),
                        c.meters(), c.lastTariff(), c.facts(), c.payLinks()),
                c -> new WidgetCard(c.account(), c.provider(), c.balance(), null, c.meters(), c.lastTariff(),
                        c.facts(), c.payLinks()),
                c -> new WidgetCard(c.account(), c.provider(), c.balance(), c.lastPayment(), c.meters(),
                        List.of(new WidgetCard.TariffApplied("HOT_WATER", "hw-2027", 0, new BigDecimal("9999"), "m3",
                                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "INV-2026-11-1", null, null)),
                        c.facts(), c.payLinks()),
                c -> new WidgetCard(c.account(), c.provider(), c.balance(), c.lastPayment(), c.meters(),
                        c.lastTariff(), new HouseholdFacts(LocalDate.of(2026, 1, 1), 5, new BigDecimal("54.3"),
                        Region.TASHKENT_CITY, "Chilonzor", false, false), c.payLinks()),
                c -> new WidgetCard(c.account(), c.provider(), c.balance(), c.lastPayment(), c.meters(),
                        c.lastTariff(), c.facts(), List.of(new PayLink("click", "https://my.click.uz/pay?amount=1"))));
        WidgetCard now = full;
        assertSame(now);
        for (UnaryOperator<WidgetCard> change : changes) {
            now = change.apply(now);
            assertSame(now);
            assertSame(now);
        }
    }

    private static WidgetCard with(WidgetCard card, UnaryOperator<WidgetCard> change) {
        return change.apply(card);
    }

    private void assertSame(WidgetCard card) {
        Map<Long, WidgetCard> cards = new LinkedHashMap<>();
        cards.put(card.account().id(), card);
        assertSame(List.of(card.account().id()), cards, null);
    }

    private void assertSame(List<Long> ids, Map<Long, WidgetCard> cards, String cursor) {
        assertThat(cache.page(ids, cards, cursor).toString()).isEqualTo(WidgetJson.page(ids, cards, cursor).toString());
    }
}
