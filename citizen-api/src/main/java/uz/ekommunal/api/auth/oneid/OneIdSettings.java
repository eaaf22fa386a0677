package uz.ekommunal.api.auth.oneid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * How this service signs people in with OneID, the national single sign-on (OpenID Connect,
 * authorization-code flow with PKCE).
 *
 * @param issuer OneID's issuer, exactly as its discovery document and ID tokens name it;
 *     the discovery document is read from {@code {issuer}/.well-known/openid-configuration}
 * @param clientId this service's client id at OneID
 * @param clientSecret sent to the token endpoint by HTTP Basic (client_secret_basic); never printed
 * @param redirectUri this service's {@code /api/v1/auth/oneid/callback}, as registered at OneID
 * @param loginLifetime how long a started sign-in may take at OneID before its state expires
 */
public record OneIdSettings(String issuer, String clientId, String clientSecret, URI redirectUri,
        Duration loginLifetime) {

    public static final Setting<String> ONEID_ISSUER = new Setting<>("EKOMMUNAL_ONEID_ISSUER", "",
            "OneID (OpenID Connect) issuer URL, exactly as its ID tokens name it; its discovery document is read from "
                    + "<issuer>/.well-known/openid-configuration. Empty: sign-in by OneID is off.", Parsers.httpUrl());
    public static final Setting<String> ONEID_CLIENT_ID = new Setting<>("EKOMMUNAL_ONEID_CLIENT_ID", "",
            "This service's client id at OneID. Required with EKOMMUNAL_ONEID_ISSUER.", Parsers.optional());
    public static final Setting<String> ONEID_CLIENT_SECRET = new Setting<>("EKOMMUNAL_ONEID_CLIENT_SECRET", "",
            "This service's client secret at OneID (sent by HTTP Basic to its token endpoint). Required with "
                    + "EKOMMUNAL_ONEID_ISSUER.", Parsers.optional());
    public static final Setting<String> ONEID_REDIRECT_URI = new Setting<>("EKOMMUNAL_ONEID_REDIRECT_URI", "",
            "Where OneID sends people back, as registered there: https://<this site>/api/v1/auth/oneid/callback. "
                    + "Required with EKOMMUNAL_ONEID_ISSUER.", Parsers.httpUrl());

    public static final Duration DEFAULT_LOGIN_LIFETIME = Duration.ofMinutes(10);

    public OneIdSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(loginLifetime, "loginLifetime");
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw new IllegalArgumentException("the OneID issuer must be an http(s) URL: " + issuer);
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("OneID needs a client id and a client secret");
        }
        if (!redirectUri.isAbsolute() || redirectUri.getHost() == null) {
            throw new IllegalArgumentException("the OneID redirect URI must be absolute: " + redirectUri);
        }
    }

    /** Sign-in by OneID, or null when no issuer is configured; an issuer without the rest stops start-up. */
    public static OneIdSettings from(Config config) {
        String issuer = config.get(ONEID_ISSUER);
        if (issuer == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (Setting<String> needed : List.of(ONEID_CLIENT_ID, ONEID_CLIENT_SECRET, ONEID_REDIRECT_URI)) {
            if (config.get(needed) == null) {
                missing.add(needed.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("EKOMMUNAL_ONEID_ISSUER is set, so " + String.join(", ", missing)
                    + " must be set too");
        }
        return new OneIdSettings(issuer, config.get(ONEID_CLIENT_ID), config.get(ONEID_CLIENT_SECRET),
                URI.create(config.get(ONEID_REDIRECT_URI)));
    }

    public OneIdSettings(String issuer, String clientId, String clientSecret, URI redirectUri) {
        this(issuer, clientId, clientSecret, redirectUri, DEFAULT_LOGIN_LIFETIME);
    }

    /** Where discovery is read (OpenID Connect Discovery 1.0, section 4: a trailing slash is dropped). */
    public URI discoveryUri() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /** A cookie over https is sent only over https. */
    public boolean secureCookies() {
        return "https".equalsIgnoreCase(redirectUri.getScheme());
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "OneIdSettings[issuer " + issuer + ", client " + clientId + ", redirect " + redirectUri + "]";
    }
}
