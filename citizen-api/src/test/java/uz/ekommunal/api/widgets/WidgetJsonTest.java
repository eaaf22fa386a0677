package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/** The streamed answer is the same JSON as the JsonObject trees the route built before. */
class WidgetJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456Z");

    private static final Provider HEAT = new Provider(7, "TTE", AccountKind.HOT_WATER_HEATING, "\\d{11}",
            Region.TASHKENT_CITY, "Chilonzor", new ProviderRequisites("Toshissiqquvvati \"AJ\"", "Aliyev A.",
                    "+998712000000", "Tashkent, Navoiy 1", "201234567", "00014", "90210", "20210000900100001001"));

    private static final Provider GAS = new Provider(8, "HGAS", AccountKind.GAS, "\\d{8}", Region.TASHKENT_CITY,
            null, new ProviderRequisites("Hududgaz", null, null, null, null, null, null, null));

    /** Everything set: a payment, meters with and without a reading, tariffs with and without a block, facts, links. */
    static WidgetCard full() {
        Account account = new Account(30000000001L, HEAT.id(), "30000000001", "Karimova Dilnoza — кв. 12",
                "Tashkent, Chilonzor 9-12", LocalDate.of(2020, 1, 1), EnumSet.of(Utility.HEATING, Utility.HOT_WATER));
        return new WidgetCard(account, HEAT, new Balance(account.id(), Money.ofTiyin(-18_000_050), NOW),
                new PaymentReceipt(5, "payme", "tx-1", account.id(), 12_500_00, NOW.minusSeconds(86_400 * 3), 9, null,
                        null, null),
                List.of(new WidgetCard.MeterCard("HW-1", "hot_water", "modbus", "8.0.1", "m3", new BigDecimal("12.5"),
                                NOW.minusSeconds(3600)),
                        new WidgetCard.MeterCard("HW-2", "hot_water", "mqtt", "8.0.1", null, null, null)),
                List.of(new WidgetCard.TariffApplied("HOT_WATER", "hw-2026", 0, new BigDecimal("9870.5"), "m3",
                                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "INV-2026-10-1", null, null),
                        new WidgetCard.TariffApplied("HEATING", "heat-2026", 2, new BigDecimal("1200"), "m2",
                                LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 31), "INV-2026-10-1",
                                new BigDecimal("200.000"), null)),
                new HouseholdFacts(LocalDate.of(2025, 1, 1), 4, new BigDecimal("54.3"), Region.TASHKENT_CITY,
                        "Chilonzor", false, false),
                List.of(new PayLink("payme", "https://checkout.paycom.uz/bT0xO2FjLm51bWJlcj0z"),
                        new PayLink("click", "https://my.click.uz/services/pay?service_id=1&amount=180000.50")));
    }

    /** Nothing optional: no payment, meters, tariffs, facts or links; a prepayment. */
    static WidgetCard bare() {
        Account account = new Account(20000001L, GAS.id(), "20000001", null, null, LocalDate.of(2021, 5, 1),
                EnumSet.of(Utility.NATURAL_GAS));
        return new WidgetCard(account, GAS, new Balance(account.id(), Money.ofTiyin(100), NOW), null, List.of(),
                List.of(), null, List.of());
    }

    @Test
    void aPageIsTheSameJsonAsTheTreesMadeIt() {
        WidgetCard full = full();
        WidgetCard bare = bare();
        JsonObject streamed = new JsonObject(WidgetJson.page(List.of(full.account().id(), 99L, bare.account().id()),
                Map.of(full.account().id(), full, bare.account().id(), bare), "djE6OTk"));
        JsonObject tree = new JsonObject().put("items", new JsonArray().add(WidgetJsonTree.card(full))
                .add(WidgetJsonTree.unavailable(99)).add(WidgetJsonTree.card(bare))).put("nextCursor", "djE6OTk");
        assertThat(streamed).isEqualTo(tree);
        assertThat(streamed.encode()).isEqualTo(tree.encode());  // the same order of fields too
    }

    @Test
    void anEmptyPageHasNoItemsAndNoCursor() {
        assertThat(WidgetJson.page(List.of(), Map.of(), null).toString())
                .isEqualTo("{\"items\":[],\"nextCursor\":null}");
    }
}
