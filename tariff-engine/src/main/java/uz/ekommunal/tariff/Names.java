package uz.ekommunal.tariff;

import java.util.Locale;

/** Lenient parsing of enum names coming from requests and the tariff book. */
final class Names {

    private Names() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String field, ErrorCode code) {
        if (text == null || text.isBlank()) {
            throw new TariffException(code, field, String.valueOf(text));
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new TariffException(code, field, text);
        }
    }
}
