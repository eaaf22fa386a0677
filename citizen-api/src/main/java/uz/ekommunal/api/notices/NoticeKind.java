package uz.ekommunal.api.notices;

import java.util.Locale;
import java.util.Optional;

/** The kinds of notice a household receives by SMS, each of which it may turn off. */
public enum NoticeKind {
    BILL_ISSUED, DEBT_REMINDER, PAYMENT_CREDITED, VERIFICATION_DUE, LEAK_ALERT;

    /** The name in JSON and in the outbox keys: {@code billIssued}. */
    public String json() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        return parts[0] + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    public static Optional<NoticeKind> ofJson(String name) {
        for (NoticeKind k : values()) {
            if (k.json().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
