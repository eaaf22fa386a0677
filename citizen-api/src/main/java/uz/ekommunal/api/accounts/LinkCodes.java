package uz.ekommunal.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The link code of an account: 8 characters printed on its receipts and payment slips, the proof
 * that whoever links the account holds its papers. Derived (HMAC-SHA256) from the server secret,
 * the account id and a generation kept in {@code api.account_link_codes}, so nothing secret is
 * stored; {@link #reissue} moves the generation on and voids the codes printed before.
 */
public final class LinkCodes {

    /** No 0/O, 1/I: read off paper and typed without confusion. 32 symbols, 5 bits each. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private final DataSource dataSource;
    private final SecretKeySpec key;
    private final Clock clock;

    /** @param secret the server secret (the token key); the code key is derived from it for this use only */
    public LinkCodes(DataSource dataSource, byte[] secret, Clock clock) {
        this.dataSource = dataSource;
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "account-link-codes"),
                "HmacSHA256");
        this.clock = clock;
    }

    /** The account's current code, e.g. {@code K7QM-2XPA}. */
    public String codeOf(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return format(derive(accountId, generation(c, accountId)));
        }
    }

    /** Whether {@code typed} (any case, with or without the dash and spaces) is the account's code. */
    public boolean matches(Connection c, long accountId, String typed) throws SQLException {
        String expected = derive(accountId, generation(c, accountId));
        String given = normalise(typed);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new code for the account; every code printed before stops working. */
    public String reissue(Connection c, long accountId) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into api.account_link_codes (account_id, generation, reissued_at) values (?, 1, ?)
                on conflict (account_id) do update set generation = account_link_codes.generation + 1,
                    reissued_at = excluded.reissued_at
                returning generation""")) {
            upsert.setLong(1, accountId);
            upsert.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return format(derive(accountId, rs.getInt(1)));
            }
        }
    }

    /** Upper case, without the dash and blanks people type or leave out. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    private static int generation(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select generation from api.account_link_codes where account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private String derive(long accountId, int generation) {
        byte[] mac = hmac(key, accountId + ":" + generation);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = LENGTH - 1; i >= 0; i--) {
            code.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 31)));
        }
        return code.toString();
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
