package uz.ekommunal.api.auth.oneid;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.Sessions;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Sign-in by OneID with the authorization-code flow: {@link #start} sends the browser to OneID
 * with a fresh state, nonce and PKCE challenge; {@link #finish} takes OneID's answer back, checks
 * the state, exchanges the code, checks the ID token and finds or makes the user; the page then
 * trades the hand-off code for the same session a phone sign-in gets ({@link #session}).
 * Blocking: call it off the event loop.
 */
public final class OneIdSignIn {

    /** {@code phone} asks for phone_number and phone_number_verified (OpenID Connect Core 5.4). */
    static final String SCOPE = "openid phone";

    private final OneIdSettings settings;
    private final OneIdProvider provider;
    private final PendingLogins pending;
    private final Identities identities;
    private final Handoffs handoffs;
    private final Users users;
    private final Sessions sessions;
    private final Clock clock;
    private volatile IdTokenValidator validator;

    public OneIdSignIn(OneIdSettings settings, OneIdProvider provider, PendingLogins pending, Identities identities,
            Handoffs handoffs, Users users, Sessions sessions, Clock clock) {
        this.settings = settings;
        this.provider = provider;
        this.pending = pending;
        this.identities = identities;
        this.handoffs = handoffs;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * @param browser the sign-in cookie's value in the browser that asks
     * @return OneID's authorization URL for this sign-in
     * @throws AuthException {@link ApiError#ONEID_UNAVAILABLE} when OneID cannot be discovered
     */
    public URI start(String browser) throws SQLException {
        ProviderMetadata metadata = provider.metadata();
        PendingLogins.Pending login = pending.begin(browser);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", SCOPE);
        query.put("state", login.state());
        query.put("nonce", login.nonce());
        query.put("code_challenge", Pkce.challenge(login.codeVerifier()));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /**
     * OneID sent the browser back with a code.
     *
     * @return a hand-off code for the page in that browser
     * @throws AuthException {@link ApiError#ONEID_STATE_INVALID}, {@link ApiError#ONEID_CODE_REJECTED},
     *     {@link ApiError#ONEID_ID_TOKEN_INVALID}, {@link ApiError#ONEID_UNAVAILABLE}
     */
    public String finish(String state, String code, String browser) throws SQLException {
        PendingLogins.Pending login = pending.take(state, browser);
        if (code == null || code.isEmpty() || code.length() > 2048) {
            throw new AuthException(ApiException.because(ApiError.ONEID_CODE_REJECTED, "code", "oneidSentNoCode"));
        }
        String idToken = provider.exchange(code, login.codeVerifier());
        OneIdClaims claims = validator().validate(idToken, login.nonce());
        User user = identities.signIn(claims);
        return handoffs.issue(user.id(), browser);
    }

    /**
     * OneID sent the browser back with an error (the person declined, or OneID refused the
     * request): the sign-in is over.
     *
     * @return the error, for the answer
     */
    public AuthException refused(String state, String error) throws SQLException {
        pending.discard(state);
        String code = OneIdProvider.sanitize(error);
        boolean cancelled = "access_denied".equals(code);
        return new AuthException(ApiException.because(ApiError.ONEID_PROVIDER_ERROR, "error",
                cancelled ? "cancelled" : "refused", code));
    }

    /**
     * @throws AuthException {@link ApiError#ONEID_HANDOFF_INVALID}
     */
    public Sessions.Session session(String handoff, String browser) throws SQLException {
        long userId = handoffs.redeem(handoff, browser);
        User user = users.byId(userId).orElseThrow(() -> new AuthException(
                ApiException.because(ApiError.ONEID_HANDOFF_INVALID, "handoff", "userSignNoLonger")));
        return sessions.open(user);
    }

    /** How long the browser keeps its sign-in cookie: a sign-in at OneID, then the hand-off. */
    public Duration cookieLifetime() {
        return settings.loginLifetime().plus(Handoffs.LIFETIME);
    }

    public boolean secureCookies() {
        return settings.secureCookies();
    }

    private IdTokenValidator validator() {
        IdTokenValidator known = validator;
        if (known == null) {
            known = new IdTokenValidator(settings.issuer(), settings.clientId(), provider.keys(), clock);
            validator = known;
        }
        return known;
    }
}
