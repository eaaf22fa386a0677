package uz.ekommunal.api.auth.oneid;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * OneID's two back-channel endpoints: the discovery document (read once, then kept) and the
 * token endpoint, where a code is exchanged for an ID token with the client authenticated by
 * HTTP Basic. Blocking: call it off the event loop. Codes, tokens and the secret are never logged.
 */
public final class OneIdProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OneIdProvider.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OneIdSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile ProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> keys;

    public OneIdProvider(OneIdSettings settings) {
        this.settings = settings;
    }

    /**
     * OneID's endpoints, discovered on first use (not at start-up, so the API starts while OneID is away).
     *
     * @throws AuthException {@link ApiError#ONEID_UNAVAILABLE}
     */
    public ProviderMetadata metadata() {
        ProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(settings.discoveryUri()).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), "discovery");
        if (response.statusCode() != 200) {
            LOG.warn("OneID discovery at {} answered {}", settings.discoveryUri(), response.statusCode());
            throw unavailable();
        }
        try {
            known = ProviderMetadata.parse(response.body(), settings.issuer());
        } catch (IllegalArgumentException e) {
            LOG.warn("OneID discovery at {}: {}", settings.discoveryUri(), e.getMessage());
            throw unavailable();
        }
        metadata = known;
        return known;
    }

    /**
     * OneID's signing keys from its {@code jwks_uri}: kept for a while, fetched again when a token
     * names a key not seen yet (OneID rotated its keys).
     */
    public JWKSource<SecurityContext> keys() {
        JWKSource<SecurityContext> known = keys;
        if (known == null) {
            try {
                known = JWKSourceBuilder.<SecurityContext>create(metadata().jwksUri().toURL(),
                        new DefaultResourceRetriever((int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), 512 * 1024))
                        .build();
            } catch (java.net.MalformedURLException e) {
                LOG.warn("OneID's jwks_uri {} is not a URL", metadata().jwksUri());
                throw unavailable();
            }
            keys = known;
        }
        return known;
    }

    /**
     * Exchanges an authorization code (RFC 6749 4.1.3, with the PKCE verifier).
     *
     * @return the ID token
     * @throws AuthException {@link ApiError#ONEID_CODE_REJECTED} when OneID refuses the code,
     *     {@link ApiError#ONEID_UNAVAILABLE} when it cannot be asked or refuses this client
     */
    public String exchange(String code, String codeVerifier) {
        String form = form(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", settings.redirectUri().toString(), "code_verifier", codeVerifier));
        HttpResponse<String> response = send(HttpRequest.newBuilder(metadata().tokenEndpoint()).timeout(TIMEOUT)
                .header("Authorization", basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "token");
        Map<String, Object> body;
        try {
            body = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            LOG.warn("OneID's token endpoint answered {} without JSON", response.statusCode());
            throw unavailable();
        }
        String error = errorCode(body);
        if (response.statusCode() == 400 && !"invalid_client".equals(error)) {
            throw new AuthException(ApiException.because(ApiError.ONEID_CODE_REJECTED, "code", "oneidRefusedCodeSign",
                    error));
        }
        if (response.statusCode() != 200) {
            // invalid_client or 401: our client id or secret is wrong, which only the operator can fix
            LOG.error("OneID's token endpoint answered {} ({}) for client {}", response.statusCode(), error,
                    settings.clientId());
            throw unavailable();
        }
        Object idToken = body.get("id_token");
        if (!(idToken instanceof String token)) {
            LOG.warn("OneID's token response has no id_token; is the openid scope granted?");
            throw new AuthException(ApiException.because(ApiError.ONEID_ID_TOKEN_INVALID, null,
                    "oneidAnsweredWithoutId"));
        }
        return token;
    }

    /** An OAuth error code, reduced to the characters RFC 6749 allows, for details and logs. */
    static String errorCode(Map<String, Object> body) {
        Object error = body.get("error");
        return error instanceof String s ? sanitize(s) : "no error code";
    }

    static String sanitize(String error) {
        String clean = error.replaceAll("[^A-Za-z0-9_.-]", "");
        return clean.isEmpty() ? "no error code" : clean.substring(0, Math.min(clean.length(), 64));
    }

    /** RFC 6749 2.3.1: the id and the secret are form-encoded before they are joined. */
    private String basic() {
        String pair = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("OneID {} endpoint {} cannot be reached: {}", what, uriWithoutQuery(request.uri()), e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static String uriWithoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }

    private static AuthException unavailable() {
        return new AuthException(ApiException.because(ApiError.ONEID_UNAVAILABLE, null, "oneidCannotReachedTry"));
    }
}
