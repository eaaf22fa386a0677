package uz.ekommunal.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * One id per HTTP request: taken from a proxy's {@code X-Request-Id} when it looks like one, else
 * made here; answered in {@code X-Request-Id} (a person reporting a problem can quote it) and put in
 * the logging context ({@code request_id}) while the request's handlers run on the event loop, and
 * on the line logged for a failure.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "request_id";
    private static final String CONTEXT_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The router's first handler: the id, in the answer's header. */
    public static void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /**
     * After the body is read (which resumes the chain in a later callback): the id in the logging
     * context while the handlers that follow run on the event loop; blocking work carries it to
     * its worker thread ({@link #carried}).
     */
    public static void inLogs(RoutingContext ctx) {
        MDC.put(LOG_KEY, of(ctx));
        try {
            ctx.next();
        } finally {
            MDC.remove(LOG_KEY);
        }
    }

    /** The work to run on a worker thread, logging with the request's id as the event loop does. */
    public static <T> java.util.concurrent.Callable<T> carried(RoutingContext ctx,
            java.util.concurrent.Callable<T> work) {
        String id = of(ctx);
        return () -> {
            if (id == null) {
                return work.call();
            }
            try (var ignored = MDC.putCloseable(LOG_KEY, id)) {
                return work.call();
            }
        };
    }

    /** The request's id, or null before {@link #assign} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
