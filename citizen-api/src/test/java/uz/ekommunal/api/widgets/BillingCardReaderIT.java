package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.overview.AccountOverviews;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;

/**
 * The cards read together (a few set-based queries) are the cards the single-account reads give,
 * on providers of every kind: an account with a payment, meter, readings and a bill; one never
 * paid; one with nothing but the account (no meter, reading, bill or payment); a heat account with
 * a history of facts; a cancelled payment; a replaced meter; and an unknown account.
 */
class BillingCardReaderIT {

    private static final long UNKNOWN = 999_999;

    private static ApiFixture api;
    private static Households data;
    private static BillingCardReader together;
    private static PerAccountCardReader oneByOne;
    private static List<Long> all;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        // a later payment that was cancelled: the last payment that stands is still the first
        api.billing.payments().apply(new PaymentRequest("click", "tx-2", AccountId.of(data.electricityA), Money.ofTiyin(10_000_00),
                Instant.parse("2026-01-10T09:00:00Z")));
        api.billing.payments().cancel("click", "tx-2", "bank reversed it");
        api.billing.payments().apply(new PaymentRequest("payme", "tx-3", AccountId.of(data.heatA), Money.ofTiyin(70_000_00),
                Instant.parse("2026-01-12T09:00:00Z")));
        // facts changed in the past and will change after today: the card shows today's
        api.billing.accounts().recordFacts(data.heatA.id(), new HouseholdFacts(LocalDate.of(2025, 6, 1), 4,
                new BigDecimal("72.25"), Region.TASHKENT_CITY, null, false, false));
        api.billing.accounts().recordFacts(data.heatA.id(), new HouseholdFacts(LocalDate.of(2026, 3, 1), 5,
                new BigDecimal("80"), Region.TASHKENT_CITY, null, false, false));
        // electricity B's first meter was replaced by one that never reported
        api.meters.register(new NewMeter("E1000003", "electricity", "mqtt", null, 6, BigDecimal.ONE, null,
                Instant.parse("2026-01-11T00:00:00Z")));
        api.meters.retire("E1000002", Instant.parse("2026-01-11T00:00:00Z"));
        api.billing.accounts().linkMeter(data.electricityB.id(), "E1000003", "1-0:1.8.0");

        together = new BillingCardReader(api.db.dataSource(), api.billing.overviews(), api.meters,
                PayLinkSource.NONE);
        oneByOne = new PerAccountCardReader(api.db.dataSource(), api.billing,
                new AccountLookups(api.db.dataSource(), api.billing.accounts()), api.meters, PayLinkSource.NONE,
                api.clock);
        all = List.of(data.electricityA.id(), data.electricityB.id(), data.gasA.id(), data.heatA.id(),
                data.waterA.id());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void theCardsReadTogetherAreTheCardsReadOneByOne() throws Exception {
        Map<Long, WidgetCard> expected = new HashMap<>();
        for (long id : all) {
            expected.put(id, oneByOne.read(id));
        }
        assertThat(together.readAll(all)).isEqualTo(expected);
        for (long id : all) {
            assertThat(together.read(id)).isEqualTo(expected.get(id));
        }
    }

    @Test
    void theFixtureCoversWhatTheCardsCanLack() throws Exception {
        Map<Long, WidgetCard> cards = together.readAll(all);
        WidgetCard a = cards.get(data.electricityA.id());
        assertThat(a.lastPayment().transactionId()).isEqualTo("tx-1");
        assertThat(a.meters()).singleElement().satisfies(m -> assertThat(m.lastReading()).isNotNull());
        assertThat(a.lastTariff()).isNotEmpty();
        assertThat(a.facts()).isNull();
        WidgetCard b = cards.get(data.electricityB.id());
        assertThat(b.lastPayment()).isNull();
        assertThat(b.meters()).singleElement().satisfies(m -> {
            assertThat(m.serial()).isEqualTo("E1000003");
            assertThat(m.lastReading()).isNull();
        });
        WidgetCard gas = cards.get(data.gasA.id());
        assertThat(gas.lastPayment()).isNull();
        assertThat(gas.meters()).isEmpty();
        assertThat(gas.lastTariff()).isEmpty();
        assertThat(gas.balance().amount().tiyin()).isZero();
        WidgetCard heat = cards.get(data.heatA.id());
        assertThat(heat.facts().residents()).isEqualTo(4);
        assertThat(heat.facts().heatedArea()).isEqualByComparingTo("72.25");
        assertThat(heat.lastPayment().transactionId()).isEqualTo("tx-3");
        assertThat(heat.balance().amount().tiyin()).isEqualTo(70_000_00);
    }

    @Test
    void anUnknownAccountIsAbsentTogetherAndFailsAlone() throws Exception {
        List<Long> withUnknown = List.of(data.gasA.id(), UNKNOWN);
        assertThat(together.readAll(withUnknown)).containsOnlyKeys(data.gasA.id());
        assertThatThrownBy(() -> together.read(UNKNOWN)).isInstanceOf(BillingException.class);
        assertThat(together.readAll(List.of())).isEmpty();
    }

    @Test
    void aPageReadsTheLatestReadingsWithTheStampsAndSeesAReadingWrittenElsewhere() throws Exception {
        String values = String.join(", ", java.util.Collections.nCopies(all.size(), "(?::bigint)"));
        AccountOverviews.IdQuery ids = new AccountOverviews.IdQuery("select x from (values " + values + ") v(x)",
                List.copyOf(all));
        Map<Long, WidgetCard> expected = new HashMap<>();
        for (long id : all) {
            expected.put(id, oneByOne.read(id));
        }
        CardReader.CardPage page = together.readPage(ids);
        assertThat(page.ids()).isEqualTo(all);
        assertThat(page.cards()).isEqualTo(expected);

        // a reading after the last, written by plain SQL on another connection, and a later one held
        WidgetCard.MeterCard before = expected.get(data.electricityA.id()).meters().get(0);
        Instant next = before.lastReadingAt().plusSeconds(3600);
        try (Connection c = api.db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
                select id, '1-0:1.8.0', ?, ?, ?, now(), 'sql' from gateway.meters where serial = 'E1000001'""")) {
            insert.setTimestamp(1, Timestamp.from(next));
            insert.setBigDecimal(2, before.lastReading().add(new BigDecimal("1.5")));
            insert.setInt(3, 0);
            insert.executeUpdate();
            insert.setTimestamp(1, Timestamp.from(next.plusSeconds(3600)));
            insert.setBigDecimal(2, before.lastReading().add(new BigDecimal("900")));
            insert.setInt(3, QualityFlag.UNTRUSTED);
            insert.executeUpdate();
        }
        WidgetCard.MeterCard after = together.readPage(ids).cards().get(data.electricityA.id()).meters().get(0);
        assertThat(after.lastReadingAt()).isEqualTo(next);
        assertThat(after.lastReading()).isEqualByComparingTo(before.lastReading().add(new BigDecimal("1.5")));
        assertThat(together.readPage(ids).cards().get(data.electricityA.id()))
                .isEqualTo(oneByOne.read(data.electricityA.id()));
    }
}
