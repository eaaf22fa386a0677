package uz.ekommunal.api.widgets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import uz.ekommunal.api.accounts.AccountJson;
import uz.ekommunal.api.accounts.AccountLinking;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.tariff.Money;

/** The widgets JSON as it was built before {@link WidgetJson} streamed it: JsonObject trees, the reference. */
final class WidgetJsonTree {

    private WidgetJsonTree() {
    }

    public static JsonObject unavailable(long accountId) {
        return new JsonObject().put("accountId", accountId).put("status", "unavailable")
                .put("message", AccountLinking.UNAVAILABLE);
    }

    public static JsonObject card(WidgetCard c) {
        JsonArray services = new JsonArray();
        c.account().services().stream().map(Enum::name).sorted().forEach(services::add);
        JsonObject card = new JsonObject()
                .put("accountId", c.account().id())
                .put("status", "ok")
                .put("utility", AccountJson.utility(c.provider()))
                .put("account", new JsonObject().put("number", c.account().number())
                        .put("holderName", c.account().holderName()).put("address", c.account().address())
                        .put("services", services))
                .put("balance", balance(c.balance()))
                .put("lastPayment", c.lastPayment() == null ? null : new JsonObject()
                        .put("date", BillingTime.dayOf(c.lastPayment().paidAt()).toString())
                        .put("paidAt", c.lastPayment().paidAt().toString())
                        .put("amount", AccountJson.money(Money.ofTiyin(c.lastPayment().amountTiyin())))
                        .put("paymentSystem", c.lastPayment().paymentSystem()))
                .put("meters", meters(c))
                .put("lastTariff", tariffs(c))
                .put("household", c.facts() == null ? null : new JsonObject()
                        .put("residents", c.facts().residents())
                        .put("heatedArea", c.facts().heatedArea().toPlainString()))
                .put("provider", AccountJson.provider(c.provider()));
        JsonArray links = new JsonArray();
        c.payLinks().forEach(l -> links.add(new JsonObject().put("system", l.system()).put("url", l.url())));
        return card.put("payLinks", links);
    }

    /** "+" is prepayment, "-" is debt, as the portal shows it. */
    static JsonObject balance(Balance b) {
        int sign = b.amount().amount().signum();
        return new JsonObject().put("amount", AccountJson.money(b.amount())).put("display", b.display())
                .put("kind", sign < 0 ? "debt" : sign > 0 ? "prepayment" : "settled")
                .put("date", BillingTime.dayOf(b.asOf()).toString()).put("asOf", b.asOf().toString());
    }

    private static JsonArray meters(WidgetCard c) {
        JsonArray out = new JsonArray();
        for (WidgetCard.MeterCard m : c.meters()) {
            out.add(new JsonObject().put("serial", m.serial()).put("type", m.type()).put("protocol", m.protocol())
                    .put("register", m.register()).put("unit", m.unit())
                    .put("lastReading", m.lastReading() == null ? null : new JsonObject()
                            .put("value", m.lastReading().toPlainString())
                            .put("time", m.lastReadingAt().toString())
                            .put("date", BillingTime.dayOf(m.lastReadingAt()).toString())));
        }
        return out;
    }

    private static JsonArray tariffs(WidgetCard c) {
        JsonArray out = new JsonArray();
        for (WidgetCard.TariffApplied t : c.lastTariff()) {
            out.add(new JsonObject().put("utility", t.utility()).put("tariffId", t.tariffId())
                    .put("block", t.block() == 0 ? null : t.block()).put("unitPrice", t.unitPrice().toPlainString())
                    .put("unit", t.unit()).put("from", t.from().toString()).put("to", t.to().toString())
                    .put("invoiceNumber", t.invoiceNumber())
                    .put("blockFrom", t.blockFrom() == null ? null : t.blockFrom().stripTrailingZeros().toPlainString())
                    .put("blockTo", t.blockTo() == null ? null : t.blockTo().stripTrailingZeros().toPlainString()));
        }
        return out;
    }
}
