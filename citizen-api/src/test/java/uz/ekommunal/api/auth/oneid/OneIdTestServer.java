package uz.ekommunal.api.auth.oneid;

import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * OneID as the tests see it: Spring Authorization Server, a real OpenID Connect provider, on an
 * ephemeral port of 127.0.0.1 in this JVM. It registers one confidential client (secret by HTTP
 * Basic, PKCE required, consent asked), signs ID tokens with its own RSA key, and signs people in
 * with its own login form. People who granted the {@code phone} scope get their phone claims in
 * the ID token.
 */
public final class OneIdTestServer implements AutoCloseable {

    public static final String CLIENT_ID = "ekommunal-test";
    public static final String CLIENT_SECRET = "test-client-secret-do-not-use";
    public static final String PASSWORD = "parol-123";

    /** A person at the provider and the phone claims it gives about them (null: none). */
    public record Person(String username, String phone, boolean phoneVerified) {
    }

    public static final Person AZIZA = new Person("aziza", "+998901110001", true);
    public static final Person BOBUR = new Person("bobur", null, false);
    public static final Person DILSHOD = new Person("dilshod", "+998901110003", false);
    public static final Person GULNORA = new Person("gulnora", "+998901110004", true);
    public static final Person JAMSHID = new Person("jamshid", null, false);
    private static final Map<String, Person> PEOPLE = Map.of(AZIZA.username(), AZIZA, BOBUR.username(), BOBUR,
            DILSHOD.username(), DILSHOD, GULNORA.username(), GULNORA, JAMSHID.username(), JAMSHID);

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private OneIdTestServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://127.0.0.1:" + port;
    }

    public static OneIdTestServer start() {
        String client = "spring.security.oauth2.authorizationserver.client.ekommunal.";
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry(client + "registration.client-id", CLIENT_ID),
                Map.entry(client + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                Map.entry(client + "registration.authorization-grant-types", "authorization_code"),
                // a loopback redirect may come back on any port (RFC 8252 7.3): the API's is ephemeral
                Map.entry(client + "registration.redirect-uris", "http://127.0.0.1/api/v1/auth/oneid/callback"),
                Map.entry(client + "registration.scopes", "openid,phone"),
                Map.entry(client + "require-authorization-consent", "true"),
                Map.entry(client + "require-proof-key", "true"));
        // the tests' JVM logs through slf4j-simple; Boot must not reconfigure java.util.logging for everyone
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .run();
        return new OneIdTestServer(context);
    }

    /** What OneID's issuer URL is: the address its discovery document names. */
    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Spring Boot's own wiring of the authorization server, plus these people and their phone claims. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Provider {

        @Bean
        UserDetailsService people() {
            InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
            PEOPLE.keySet().forEach(name -> users.createUser(
                    User.withUsername(name).password("{noop}" + PASSWORD).roles("CITIZEN").build()));
            return users;
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> phoneClaims() {
            return context -> {
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if ("id_token".equals(context.getTokenType().getValue()) && person != null && person.phone() != null
                        && context.getAuthorizedScopes().contains("phone")) {
                    context.getClaims().claim("phone_number", person.phone())
                            .claim("phone_number_verified", person.phoneVerified());
                }
            };
        }
    }
}
