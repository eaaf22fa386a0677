package uz.ekommunal.api.widgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.billing.payment.PaymentReceipt;

/**
 * One "My widgets" card: everything PRODUCT.md lists for a linked account.
 *
 * @param lastPayment null when nothing was paid yet
 * @param facts residents and heated area, for hot water and heating accounts; else null
 */
public record WidgetCard(Account account, Provider provider, Balance balance, PaymentReceipt lastPayment,
        List<MeterCard> meters, List<TariffApplied> lastTariff, HouseholdFacts facts, List<PayLink> payLinks) {

    public WidgetCard {
        meters = List.copyOf(meters);
        lastTariff = List.copyOf(lastTariff);
        payLinks = List.copyOf(payLinks);
    }

    /**
     * A meter on the account and its latest reading.
     *
     * @param type the gateway's utility of the meter ({@code electricity}, {@code gas}, ...)
     * @param lastReading null when it never reported
     */
    public record MeterCard(String serial, String type, String protocol, String register, String unit,
            BigDecimal lastReading, Instant lastReadingAt) {
    }

    /**
     * A price the latest invoice applied: its tariff version, block and price per unit.
     *
     * @param blockFrom the block's lower limit in {@code unit}, null when the price has no blocks
     * @param blockTo   its upper limit, null for the open-ended last block
     * @param to        the day after the priced part (exclusive)
     */
    public record TariffApplied(String utility, String tariffId, int block, BigDecimal unitPrice, String unit,
            LocalDate from, LocalDate to, String invoiceNumber, BigDecimal blockFrom, BigDecimal blockTo) {
    }
}
