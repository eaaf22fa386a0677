package uz.ekommunal.gateway.store;

/**
 * Text that PostgreSQL's text columns take whatever a meter sent: NUL (which text cannot hold,
 * SQLSTATE 22021) and lone surrogates (which UTF-8 cannot encode) become U+FFFD, and length is
 * capped. The raw bytes are kept beside it as bytea, so nothing of the evidence is lost.
 */
public final class SafeText {

    private static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** {@code text} made storable and cut to {@code maxChars} (marked with an ellipsis); null stays null. */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        int length = Math.min(text.length(), maxChars);
        StringBuilder safe = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                safe.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (i + 1 < length) {
                    safe.append(c).append(text.charAt(++i));
                }
            } else if (Character.isSurrogate(c)) {
                safe.append(REPLACEMENT);
            } else {
                safe.append(c);
            }
        }
        if (text.length() > maxChars) {
            safe.append('\u2026');
        }
        return safe.toString();
    }
}
