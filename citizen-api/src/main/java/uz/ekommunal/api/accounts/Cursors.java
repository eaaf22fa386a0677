package uz.ekommunal.api.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** Opaque list cursors: the position after which the next page starts (a key, never an offset). */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or null for no cursor; a 400 for one we did not make */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("v1:") && text.length() < 100) {
                return text.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, "cursor", "notCursorApiGave");
    }

    /** A position that must be a number (an id). */
    public static Long decodeId(String cursor) {
        String position = decode(cursor);
        if (position == null) {
            return null;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "cursor", "notCursorApiGave");
        }
    }
}
