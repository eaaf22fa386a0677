package uz.ekommunal.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.api.auth.OtpPolicy;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.TokenKeys;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.notify.RetryPolicy;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.notify.SmsGatewaySettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * How the signed-in API runs.
 *
 * @param tokenKey HMAC key of access tokens and code hashes, at least 32 bytes
 * @param administrator the first administrator's phone, or null
 * @param smsGateway where SMS go; null prints them to the log (the local-run way to see codes)
 * @param cardTimeout how long a widget card may take before it is shown as unavailable
 * @param oneId sign-in by OneID, or null when it is off
 * @param sms the SMS budget per hour and the share reserved for sign-in codes
 */
public record HouseholdApiSettings(byte[] tokenKey, PhoneNumber administrator, SmsGatewaySettings smsGateway,
        OtpPolicy otp, RetryPolicy retries, Duration accessLifetime, Duration refreshLifetime, Duration cardTimeout,
        OneIdSettings oneId, SmsBudget.Limits sms) {

    public static final Setting<String> JWT_SECRET = new Setting<>("EKOMMUNAL_JWT_SECRET", "",
            "Key signing sign-in tokens and keying code hashes, 32+ characters, the same on every API node. Required "
                    + "with EKOMMUNAL_DB_URL; empty with the embedded database: made once in <data dir>/jwt-secret.",
            Parsers.optional());
    public static final Setting<String> ADMIN_PHONE = new Setting<>("EKOMMUNAL_ADMIN_PHONE", "",
            "Mobile number (+998XXXXXXXXX) made administrator at start-up; signs in by SMS code. Empty: none.",
            v -> v == null || v.isBlank() ? null : PhoneNumber.parse(v).map(PhoneNumber::e164)
                    .orElseThrow(() -> new IllegalArgumentException("an Uzbek mobile number, +998 and 9 digits")));

    public HouseholdApiSettings {
        Objects.requireNonNull(tokenKey, "tokenKey");
        if (tokenKey.length < 32) {
            throw new IllegalArgumentException("the token key must have at least 32 bytes");
        }
        tokenKey = tokenKey.clone();
        Objects.requireNonNull(otp, "otp");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(sms, "sms");
    }

    /**
     * The API's settings from the configuration: the token key from {@link #JWT_SECRET}, else made once in
     * {@code generatedKeyFile} (null: the secret is required), the first administrator, SMS, OneID.
     */
    public static HouseholdApiSettings from(Config config, Path generatedKeyFile) throws IOException {
        byte[] key = TokenKeys.resolve(config.get(JWT_SECRET), generatedKeyFile);
        String admin = config.get(ADMIN_PHONE);
        return defaults(key, admin == null ? null : PhoneNumber.parse(admin).orElseThrow(),
                SmsGatewaySettings.from(config))
                .withOneId(OneIdSettings.from(config))
                .withSms(SmsBudget.Limits.from(config));
    }

    public static HouseholdApiSettings defaults(byte[] tokenKey, PhoneNumber administrator, SmsGatewaySettings sms) {
        return new HouseholdApiSettings(tokenKey, administrator, sms, OtpPolicy.DEFAULTS, RetryPolicy.DEFAULTS,
                Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(3), null, SmsBudget.Limits.DEFAULTS);
    }

    /** The same settings with sign-in by OneID (null: off). */
    public HouseholdApiSettings withOneId(OneIdSettings oneId) {
        return new HouseholdApiSettings(tokenKey, administrator, smsGateway, otp, retries, accessLifetime,
                refreshLifetime, cardTimeout, oneId, sms);
    }

    /** The same settings with other sign-in code rules. */
    public HouseholdApiSettings withOtp(OtpPolicy otp) {
        return new HouseholdApiSettings(tokenKey, administrator, smsGateway, otp, retries, accessLifetime,
                refreshLifetime, cardTimeout, oneId, sms);
    }

    /** The same settings with another SMS budget. */
    public HouseholdApiSettings withSms(SmsBudget.Limits sms) {
        return new HouseholdApiSettings(tokenKey, administrator, smsGateway, otp, retries, accessLifetime,
                refreshLifetime, cardTimeout, oneId, sms);
    }

    @Override
    public byte[] tokenKey() {
        return tokenKey.clone();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "HouseholdApiSettings[admin " + (administrator != null) + ", sms " + smsGateway + ", oneId " + oneId + "]";
    }
}
