package uz.ekommunal.billing.payregistry;

import java.util.Locale;

/** How registry money reached the utility: the payment system its payments are recorded under. */
public enum Channel {
    BANK,
    POST;

    /** {@code billing.payments.payment_system}: "bank" or "post". */
    public String paymentSystem() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but bank or post (any case) */
    public static Channel of(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
