package uz.ekommunal.api.tariffs;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The public pages, plain files from the classpath folder {@code web/}:
 * <ul>
 *   <li>{@code /calculator.html} (and {@code /calculator}): the printable calculator;</li>
 *   <li>{@code /embed/tariffs.html}: the tariff informer for an {@code <iframe>} on another site;</li>
 *   <li>{@code /embed/tariffs.js}: the same table for a {@code <script>} on another site.</li>
 * </ul>
 * Pages load scripts and styles from here only (Content-Security-Policy, no inline code). Only the
 * embed pages may be framed by other sites.
 */
public final class TariffPages {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String EMBED_POLICY = PAGE_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    public void mount(Router router) {
        StaticHandler files = StaticHandler.create("web").setMaxAgeSeconds(300);
        router.get("/calculator").handler(ctx -> ctx.redirect("/calculator.html"));
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.routeWithRegex(method, "/calculator\\.(html|css|js)")
                    .handler(policy(PAGE_POLICY, false)).handler(files);
            router.routeWithRegex(method, "/embed/[a-z-]+\\.(html|css|js)")
                    .handler(policy(EMBED_POLICY, true)).handler(files);
        }
    }

    private static Handler<RoutingContext> policy(String policy, boolean embeddable) {
        return ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy);
            if (embeddable) {
                // The server says DENY for everything else; these files exist to be framed and fetched.
                ctx.response().headers().remove("X-Frame-Options");
                ctx.response().putHeader("Access-Control-Allow-Origin", "*");
            }
            ctx.next();
        };
    }
}
