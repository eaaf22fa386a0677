package uz.ekommunal.api.money;

import io.vertx.core.json.JsonObject;
import uz.ekommunal.billing.desk.Correction;
import uz.ekommunal.billing.desk.DeskReceipt;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.tariff.Money;

/** Payments, desk receipts and corrections as the API answers them; amounts in so'm text and in tiyin. */
final class MoneyJson {

    private MoneyJson() {
    }

    static String som(long tiyin) {
        return Money.ofTiyin(tiyin).amount().toPlainString();
    }

    static JsonObject receipt(DeskReceipt r) {
        return new JsonObject().put("id", r.paymentId()).put("providerId", r.providerId())
                .put("receiptNumber", r.receiptNumber()).put("channel", r.channel().code())
                .put("accountId", r.accountId()).put("accountNumber", r.accountNumber())
                .put("holder", r.holderName()).put("amount", som(r.amountTiyin())).put("amountTiyin", r.amountTiyin())
                .put("paidAt", r.paidAt().toString()).put("cashierUserId", r.cashierUserId())
                .put("cancelled", r.cancelled()).put("correction", r.correction())
                .put("cancelReason", r.cancelReason());
    }

    static JsonObject payment(PaymentReceipt p) {
        return new JsonObject().put("id", p.paymentId()).put("channel", p.paymentSystem())
                .put("transactionId", p.transactionId()).put("accountId", p.accountId())
                .put("amount", som(p.amountTiyin())).put("amountTiyin", p.amountTiyin())
                .put("paidAt", p.paidAt().toString()).put("cancelled", p.cancelled())
                .put("cancelReason", p.cancelReason());
    }

    static JsonObject correction(Correction c) {
        return new JsonObject().put("id", c.id()).put("kind", c.kind().name()).put("paymentId", c.paymentId())
                .put("fromAccountId", c.fromAccountId()).put("toAccountId", c.toAccountId())
                .put("amount", som(c.amountTiyin())).put("amountTiyin", c.amountTiyin()).put("reason", c.reason())
                .put("at", c.at().toString()).put("reversalEntryId", c.reversalEntryId())
                .put("newPaymentId", c.newPaymentId()).put("newEntryId", c.newEntryId());
    }
}
