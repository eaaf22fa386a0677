package uz.ekommunal.api.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The households' page at {@code /}: {@code index.html}, {@code app.js} and {@code app.css} from the
 * classpath folder {@code web/}; and the operators' desk pages under {@code /operator/} (meters,
 * tariffs, appeals), which use the session the households' page signs in; the residents' appeals
 * ({@code /appeals.html}) and the public questions and answers ({@code /questions.html}), with the
 * pages' shared script {@code common.js} and the favicon. Scripts and styles come from this
 * server only (no inline code, no CDN), the pages talk only to this API and may not be framed; the
 * server adds nosniff and DENY.
 */
public final class WebPages {

    /** Like the calculator's policy; {@code blob:} lets a fetched receipt PDF open in a new tab. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data: blob:; object-src 'none'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    /** The files served with these headers: the households' page and the desk's pages. */
    static final String PAGES = "/|/index\\.html|/(app|chart|common|app-texts|household|month)\\.js|/(app|pages)\\.css"
            + "|/favicon\\.ico|/(appeals|questions|appeals-words|estimates|surveys|export|notices)\\.(html|js)|/operator/[a-z]+\\.(html|js|css)";

    public void mount(Router router) {
        // The page changes with every release; a short cache keeps old scripts from meeting a new API.
        StaticHandler files = StaticHandler.create("web").setIndexPage("index.html").setMaxAgeSeconds(60);
        router.get("/operator").handler(ctx -> ctx.redirect("/operator/meters.html"));
        router.get("/operator/").handler(ctx -> ctx.redirect("/operator/meters.html"));
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.routeWithRegex(method, PAGES).handler(ctx -> {
                ctx.response().putHeader("Content-Security-Policy", POLICY)
                        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                ctx.next();
            }).handler(files);
        }
    }
}
