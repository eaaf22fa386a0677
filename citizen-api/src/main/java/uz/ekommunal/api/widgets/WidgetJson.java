package uz.ekommunal.api.widgets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import uz.ekommunal.api.accounts.AccountJson;
import uz.ekommunal.api.accounts.AccountLinking;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.tariff.Money;

/**
 * A page of cards as JSON, written straight to bytes (a flight recording at 850 answers/s showed
 * building the JsonObject trees of the 5.5 KB answer and encoding them as about a quarter of the
 * API's CPU). A card that could not be read says so with the portal's message. The fields are those
 * {@link AccountJson} writes for accounts and providers.
 */
public final class WidgetJson {

    static final JsonFactory JSON = new JsonFactory();

    private WidgetJson() {
    }

    /**
     * {@code {"items": [...], "nextCursor": ...}}: a card per id in order, unavailable where
     * {@code cards} has none.
     */
    public static Buffer page(List<Long> ids, Map<Long, WidgetCard> cards, String nextCursor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 1280 * ids.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (long id : ids) {
                WidgetCard card = cards.get(id);
                if (card == null) {
                    unavailable(g, id);
                } else {
                    card(g, card);
                }
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", nextCursor);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a byte array does not fail
        }
        return Buffer.buffer(out.toByteArray());
    }

    static void unavailable(JsonGenerator g, long accountId) throws IOException {
        g.writeStartObject();
        g.writeNumberField("accountId", accountId);
        g.writeStringField("status", "unavailable");
        g.writeStringField("message", AccountLinking.UNAVAILABLE);
        g.writeEndObject();
    }

    static void card(JsonGenerator g, WidgetCard c) throws IOException {
        head(g, c);
        g.writeFieldName("balance");
        balance(g, c.balance());
        lastPayment(g, c);
        g.writeFieldName("meters");
        meters(g, c);
        tail(g, c);
    }

    /** The card's object opened, up to its account (what {@link CardJsonCache} keeps before the balance). */
    static void head(JsonGenerator g, WidgetCard c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("accountId", c.account().id());
        g.writeStringField("status", "ok");
        g.writeStringField("utility", AccountJson.utility(c.provider()));
        g.writeObjectFieldStart("account");
        g.writeStringField("number", c.account().number());
        g.writeStringField("holderName", c.account().holderName());
        g.writeStringField("address", c.account().address());
        g.writeArrayFieldStart("services");
        for (String s : c.account().services().stream().map(Enum::name).sorted().toList()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void lastPayment(JsonGenerator g, WidgetCard c) throws IOException {
        g.writeFieldName("lastPayment");
        if (c.lastPayment() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("date", BillingTime.dayOf(c.lastPayment().paidAt()).toString());
            g.writeStringField("paidAt", c.lastPayment().paidAt().toString());
            g.writeStringField("amount", AccountJson.money(Money.ofTiyin(c.lastPayment().amountTiyin())));
            g.writeStringField("paymentSystem", c.lastPayment().paymentSystem());
            g.writeEndObject();
        }
    }

    /** From the last tariff on, and the card's object closed. */
    static void tail(JsonGenerator g, WidgetCard c) throws IOException {
        tariffs(g, c);
        g.writeFieldName("household");
        if (c.facts() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("residents", c.facts().residents());
            g.writeStringField("heatedArea", c.facts().heatedArea().toPlainString());
            g.writeEndObject();
        }
        provider(g, c);
        g.writeArrayFieldStart("payLinks");
        for (PayLink l : c.payLinks()) {
            g.writeStartObject();
            g.writeStringField("system", l.system());
            g.writeStringField("url", l.url());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** "+" is prepayment, "-" is debt, as the portal shows it. */
    static void balance(JsonGenerator g, Balance b) throws IOException {
        int sign = b.amount().amount().signum();
        g.writeStartObject();
        g.writeStringField("amount", AccountJson.money(b.amount()));
        g.writeStringField("display", b.display());
        g.writeStringField("kind", sign < 0 ? "debt" : sign > 0 ? "prepayment" : "settled");
        g.writeStringField("date", InstantText.day(b.asOf()));
        g.writeStringField("asOf", InstantText.iso(b.asOf()));
        g.writeEndObject();
    }

    /** The meters' array (its field name is the caller's). */
    static void meters(JsonGenerator g, WidgetCard c) throws IOException {
        g.writeStartArray();
        for (WidgetCard.MeterCard m : c.meters()) {
            g.writeStartObject();
            g.writeStringField("serial", m.serial());
            g.writeStringField("type", m.type());
            g.writeStringField("protocol", m.protocol());
            g.writeStringField("register", m.register());
            g.writeStringField("unit", m.unit());
            g.writeFieldName("lastReading");
            if (m.lastReading() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringField("value", m.lastReading().toPlainString());
                g.writeStringField("time", InstantText.iso(m.lastReadingAt()));
                g.writeStringField("date", InstantText.day(m.lastReadingAt()));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void tariffs(JsonGenerator g, WidgetCard c) throws IOException {
        g.writeArrayFieldStart("lastTariff");
        for (WidgetCard.TariffApplied t : c.lastTariff()) {
            g.writeStartObject();
            g.writeStringField("utility", t.utility());
            g.writeStringField("tariffId", t.tariffId());
            g.writeFieldName("block");
            if (t.block() == 0) {
                g.writeNull();
            } else {
                g.writeNumber(t.block());
            }
            g.writeStringField("unitPrice", t.unitPrice().toPlainString());
            g.writeStringField("unit", t.unit());
            g.writeStringField("from", t.from().toString());
            g.writeStringField("to", t.to().toString());
            g.writeStringField("invoiceNumber", t.invoiceNumber());
            g.writeStringField("blockFrom", t.blockFrom() == null ? null : t.blockFrom().stripTrailingZeros().toPlainString());
            g.writeStringField("blockTo", t.blockTo() == null ? null : t.blockTo().stripTrailingZeros().toPlainString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** As {@link AccountJson#provider}. */
    private static void provider(JsonGenerator g, WidgetCard c) throws IOException {
        g.writeObjectFieldStart("provider");
        g.writeNumberField("id", c.provider().id());
        g.writeStringField("code", c.provider().code());
        g.writeStringField("utility", AccountJson.utility(c.provider()));
        g.writeStringField("region", c.provider().region().name());
        g.writeStringField("district", c.provider().district());
        ProviderRequisites r = c.provider().requisites();
        g.writeObjectFieldStart("requisites");
        g.writeStringField("name", r.name());
        g.writeStringField("director", r.director());
        g.writeStringField("phone", r.phone());
        g.writeStringField("address", r.address());
        g.writeStringField("inn", r.inn());
        g.writeStringField("mfo", r.mfo());
        g.writeStringField("okonh", r.okonh());
        g.writeStringField("settlementAccount", r.settlementAccount());
        g.writeEndObject();
        g.writeEndObject();
    }
}
