package uz.ekommunal.api.payments.click;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Click's {@code sign_string}: md5(click_trans_id + service_id + SECRET_KEY + merchant_trans_id
 * + [merchant_prepare_id, on complete] + amount + action + sign_time), in lower-case hex, over the
 * fields exactly as received (so "1000.00" and "1000" sign differently).
 */
public final class ClickSignature {

    private ClickSignature() {
    }

    public static String sign(ClickRequest r, String secretKey) {
        String text = r.clickTransId() + r.serviceId() + secretKey + r.merchantTransId()
                + (r.merchantPrepareId() == null ? "" : r.merchantPrepareId()) + r.amount() + r.action() + r.signTime();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }

    /** False without a secret key: an empty key would let anyone sign. */
    public static boolean verify(ClickRequest r, String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            return false;
        }
        byte[] expected = sign(r, secretKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = r.signString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
