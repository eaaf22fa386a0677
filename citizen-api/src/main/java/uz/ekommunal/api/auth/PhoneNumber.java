package uz.ekommunal.api.auth;

import java.util.Optional;

/** An Uzbek mobile number in E.164 form, {@code +998} and 9 digits. */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+998\\d{9}")) {
            throw new IllegalArgumentException("not an Uzbek number (+998XXXXXXXXX): " + e164);
        }
    }

    /**
     * Reads a number as people type it: {@code +998 90 123-45-67}, {@code 998901234567},
     * {@code (+998) 90 1234567}, and the local nine digits {@code 90 123 45 67}. Spaces, dashes and
     * brackets are ignored; nothing else is.
     */
    public static Optional<PhoneNumber> parse(String text) {
        if (text == null || text.length() > 32) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            } else if (ch == '+' && digits.length() == 0) {
                continue;
            } else if (ch != ' ' && ch != '-' && ch != '(' && ch != ')') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (d.length() == 9 && !text.strip().startsWith("+")) {
            d = "998" + d; // the local form, 90 123 45 67
        }
        return d.length() == 12 && d.startsWith("998") ? Optional.of(new PhoneNumber("+" + d)) : Optional.empty();
    }

    @Override
    public String toString() {
        return e164;
    }
}
