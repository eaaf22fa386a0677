package uz.ekommunal.api.payments.payme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.hooks.CancelReason;

/** Reads Payme's params and writes its answers, field by field as the Merchant API names them. */
final class PaymeJson {

    private static final int MAX_ID = 64;

    private PaymeJson() {
    }

    /** Payme's transaction id: a string (24 characters in practice). */
    static String id(JsonObject params) {
        if (params.getValue("id") instanceof String id && !id.isBlank() && id.length() <= MAX_ID
                && id.chars().noneMatch(Character::isISOControl)) {
            return id;
        }
        throw invalid("id");
    }

    /** A Timestamp field: milliseconds, a whole number. */
    static long time(JsonObject params, String field) {
        long value = whole(params.getValue(field));
        if (value < 0) {
            throw invalid(field);
        }
        return value;
    }

    /** The amount in tiyin, or -1 when it is a number but not a whole positive one (a wrong amount). */
    static long amount(JsonObject params) {
        Object value = params.getValue("amount");
        if (!(value instanceof Number)) {
            throw invalid("amount");
        }
        long tiyin = whole(value);
        return tiyin > 0 ? tiyin : -1;
    }

    /** The account number from {@code account.{field}}; null when absent (an account error, not a format one). */
    static String account(JsonObject params, String field) {
        if (!(params.getValue("account") instanceof JsonObject account)) {
            throw invalid("account");
        }
        Object number = account.getValue(field);
        if (number instanceof String s) {
            return s.strip();
        }
        if (number instanceof Number) {
            long n = whole(number);
            return n >= 0 ? Long.toString(n) : null;
        }
        return null;
    }

    static CancelReason reason(JsonObject params) {
        CancelReason reason = CancelReason.of(whole(params.getValue("reason")));
        if (reason == null) {
            throw invalid("reason");
        }
        return reason;
    }

    /** A whole number as a long, or -1 for anything else (fractions, text, too large). */
    private static long whole(Object value) {
        try {
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (value instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : -1;
            }
        } catch (ArithmeticException e) {
            return -1;
        }
        return -1;
    }

    private static PaymeRefusal invalid(String field) {
        return new PaymeRefusal(PaymeError.INVALID_REQUEST, field);
    }

    static JsonObject created(PaymentTransaction t) {
        return new JsonObject().put("create_time", ms(t.createTime())).put("transaction", transaction(t))
                .put("state", t.state().code());
    }

    static JsonObject performed(PaymentTransaction t) {
        return new JsonObject().put("transaction", transaction(t)).put("perform_time", ms(t.performTime()))
                .put("state", t.state().code());
    }

    static JsonObject cancelled(PaymentTransaction t) {
        return new JsonObject().put("transaction", transaction(t)).put("cancel_time", ms(t.cancelTime()))
                .put("state", t.state().code());
    }

    static JsonObject checked(PaymentTransaction t) {
        return new JsonObject().put("create_time", ms(t.createTime())).put("perform_time", ms(t.performTime()))
                .put("cancel_time", ms(t.cancelTime())).put("transaction", transaction(t))
                .put("state", t.state().code()).put("reason", t.reason());
    }

    static JsonObject statement(List<PaymentTransaction> list, String accountField) {
        JsonArray out = new JsonArray();
        for (PaymentTransaction t : list) {
            out.add(new JsonObject().put("id", t.externalId()).put("time", ms(t.externalTime()))
                    .put("amount", t.amountTiyin())
                    .put("account", new JsonObject().put(accountField, t.accountNumber()))
                    .put("create_time", ms(t.createTime())).put("perform_time", ms(t.performTime()))
                    .put("cancel_time", ms(t.cancelTime())).put("transaction", transaction(t))
                    .put("state", t.state().code()).put("reason", t.reason()).putNull("receivers"));
        }
        return new JsonObject().put("transactions", out);
    }

    static JsonObject error(Object id, PaymeError error, String data) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error", new JsonObject()
                .put("code", error.code())
                .put("message", new JsonObject().put("ru", error.ru()).put("uz", error.uz()).put("en", error.en()))
                .put("data", data));
    }

    static JsonObject result(Object id, JsonObject result) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
    }

    private static String transaction(PaymentTransaction t) {
        return Long.toString(t.id());
    }

    /** Payme's times: milliseconds, 0 for a time that has not happened. */
    private static long ms(Instant time) {
        return time == null ? 0 : time.toEpochMilli();
    }
}
