package uz.ekommunal.api.widgets;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.payment.PaymentReceipt;

/**
 * Pages of cards as {@link WidgetJson#page} writes them, byte for byte, with each card's fixed parts
 * (account, provider, last payment, tariffs, household, pay links) kept as bytes from its last
 * answer: only the balance (dated now) and the meters' readings are written again. A card's kept
 * bytes are used only when those parts equal the card's now (records compared by value), so a
 * change of any of them is written at once. A flight recording at about 1 000 answers/s showed
 * writing the 5.7 KB answers (mostly escaping their strings) as the API's largest part of CPU.
 * Bounded: past {@code MAX_ACCOUNTS} it is emptied and fills again.
 */
final class CardJsonCache {

    static final int MAX_ACCOUNTS = 100_000;

    private static final byte[] ITEMS = "{\"items\":[".getBytes(US_ASCII);
    private static final byte[] BALANCE = ",\"balance\":".getBytes(US_ASCII);
    private static final byte[] METERS = ",\"meters\":".getBytes(US_ASCII);
    private static final byte[] NEXT = "],\"nextCursor\":".getBytes(US_ASCII);

    /** What a card's fixed bytes are written from. */
    private record Fixed(Account account, Provider provider, PaymentReceipt lastPayment,
            List<WidgetCard.TariffApplied> lastTariff, HouseholdFacts facts, List<PayLink> payLinks) {

        static Fixed of(WidgetCard c) {
            return new Fixed(c.account(), c.provider(), c.lastPayment(), c.lastTariff(), c.facts(), c.payLinks());
        }
    }

    /** The card's bytes before the balance, between the balance and the meters, and after the meters. */
    private record Parts(Fixed fixed, byte[] head, byte[] middle, byte[] tail) {
    }

    private final Map<Long, Parts> parts = new ConcurrentHashMap<>();

    /** The same bytes as {@link WidgetJson#page} for these arguments. */
    Buffer page(List<Long> ids, Map<Long, WidgetCard> cards, String nextCursor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 1280 * ids.size());
        try (JsonGenerator g = WidgetJson.JSON.createGenerator(out)) {
            g.setRootValueSeparator(null); // the generator writes values; the separators are written here
            out.write(ITEMS);
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                WidgetCard card = cards.get(ids.get(i));
                if (card == null) {
                    WidgetJson.unavailable(g, ids.get(i));
                    g.flush();
                } else {
                    card(g, out, card);
                }
            }
            out.write(NEXT);
            g.writeString(nextCursor);
            g.flush();
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a byte array does not fail
        }
        return Buffer.buffer(out.toByteArray());
    }

    private void card(JsonGenerator g, ByteArrayOutputStream out, WidgetCard card) throws IOException {
        Parts p = partsOf(card);
        out.write(p.head());
        out.write(BALANCE);
        WidgetJson.balance(g, card.balance());
        g.flush();
        out.write(p.middle());
        out.write(METERS);
        WidgetJson.meters(g, card);
        g.flush();
        out.write(p.tail());
    }

    private Parts partsOf(WidgetCard card) throws IOException {
        Fixed fixed = Fixed.of(card);
        Parts kept = parts.get(card.account().id());
        if (kept != null && kept.fixed().equals(fixed)) {
            return kept;
        }
        // the whole card written once, cut where the balance and the meters begin and end
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        int[] cuts = new int[4];
        try (JsonGenerator g = WidgetJson.JSON.createGenerator(out)) {
            WidgetJson.head(g, card);
            cuts[0] = flushed(g, out);
            g.writeFieldName("balance");
            WidgetJson.balance(g, card.balance());
            cuts[1] = flushed(g, out);
            WidgetJson.lastPayment(g, card);
            cuts[2] = flushed(g, out);
            g.writeFieldName("meters");
            WidgetJson.meters(g, card);
            cuts[3] = flushed(g, out);
            WidgetJson.tail(g, card);
        }
        byte[] all = out.toByteArray();
        Parts made = new Parts(fixed, Arrays.copyOfRange(all, 0, cuts[0]), Arrays.copyOfRange(all, cuts[1], cuts[2]),
                Arrays.copyOfRange(all, cuts[3], all.length));
        if (parts.size() >= MAX_ACCOUNTS) {
            parts.clear();
        }
        parts.put(card.account().id(), made);
        return made;
    }

    private static int flushed(JsonGenerator g, ByteArrayOutputStream out) throws IOException {
        g.flush();
        return out.size();
    }
}
