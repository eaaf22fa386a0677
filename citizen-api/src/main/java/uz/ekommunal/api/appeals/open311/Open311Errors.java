package uz.ekommunal.api.appeals.open311;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.DomainProblems;

/**
 * GeoReport v2 errors: {@code <errors><error><code>400</code><description>...} or
 * {@code [{"code":400,"description":"..."}]}, the code being the HTTP status, in the format the
 * path asked for (JSON when it asked for neither).
 */
final class Open311Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Errors.class);

    private Open311Errors() {
    }

    static void handle(RoutingContext ctx) {
        int status;
        String description;
        var refusal = DomainProblems.of(ctx.failure());
        if (ctx.failure() instanceof ApiException e) {
            status = e.error().status();
            description = e.getMessage();
        } else if (refusal.isPresent()) {
            status = refusal.get().error().status();
            description = refusal.get().getMessage();
        } else if (ctx.statusCode() == 404) {
            status = 404;
            description = "No resource at " + ctx.request().path();
        } else if (ctx.statusCode() == 400 || ctx.statusCode() == 413) {
            status = ctx.statusCode();
            description = "The request could not be read";
        } else {
            LOG.error("Open311 {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            status = 500;
            description = "Something went wrong on our side; it has been logged";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        String format = ctx.request().path().endsWith(".xml") ? "xml" : "json";
        Open311Output.send(ctx, status, format, "errors", "error", List.of(error));
    }
}
