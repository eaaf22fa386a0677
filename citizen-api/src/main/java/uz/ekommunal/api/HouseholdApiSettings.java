package uz.ekommunal.api;

import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.api.auth.OtpPolicy;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.notify.RetryPolicy;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.notify.SmsGatewaySettings;

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
