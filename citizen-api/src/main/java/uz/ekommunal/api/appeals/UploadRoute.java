package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * {@code POST /api/v1/me/appeals/{id}/attachments?name=photo.jpg}, the resident's files on a draft,
 * and {@code POST /api/v1/officer/appeals/{id}/attachments?name=letter.pdf}, the organisation's files
 * for its answer (its complaints officers, while the appeal is accepted; administrators too): the raw file as the body
 * (any Content-Type; the type is sniffed from the content). Mounted ahead of the server's 1 MB
 * body handler and streamed to a temporary file in the attachments directory: a declared length
 * over the limit is refused before reading (clients sending {@code Expect: 100-continue} never
 * send it), an undeclared one as soon as it passes the limit.
 */
final class UploadRoute {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final AttachmentStore files;
    private final AppealStore store = new AppealStore();
    private final Clock clock;

    UploadRoute(Vertx vertx, Authenticate authenticate, DataSource dataSource, AttachmentStore files, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.files = files;
        this.clock = clock;
    }

    private final Directory directory = new Directory();

    void mount(Router router) {
        // order -1: before the server's body handler, which would buffer (and cap) the body; and before
        // the officers' /:id/:action, which would take "attachments" for an action
        router.post("/api/v1/me/appeals/:id/attachments").order(-1).handler(UploadRoute::pause)
                .handler(authenticate).handler(ctx -> upload(ctx, false));
        router.post("/api/v1/officer/appeals/:id/attachments").order(-1).handler(UploadRoute::pause)
                .handler(authenticate).handler(ctx -> upload(ctx, true));
    }

    private static void pause(RoutingContext ctx) {
        ctx.request().pause();
        ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
    }

    /**
     * Whether this caller may add a file to this appeal now: the resident to their own draft; an
     * officer to an accepted appeal of their organisation (an administrator to any accepted one).
     * Someone else's appeal is not found, as everywhere.
     */
    private void mayAdd(Connection c, Caller caller, Appeal a, boolean officer) throws SQLException {
        if (!officer) {
            if (a.userId() == null || a.userId() != caller.userId()) {
                throw AppealService.notFound(a.id());
            }
            if (a.status() != Status.DRAFT) {
                throw ApiException.because(ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "status",
                        "attachmentsToDraft");
            }
            return;
        }
        OfficerRoutes.requireRole(caller, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR);
        if (caller.role() != Role.ADMINISTRATOR && !java.util.Objects.equals(a.organisationId(),
                directory.officerOrganisation(c, caller.userId()).orElse(null))) {
            throw AppealService.notFound(a.id());
        }
        if (a.status() != Status.ACCEPTED) {
            throw ApiException.because(ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "status",
                    "answerFilesWhileAccepted");
        }
    }

    private void upload(RoutingContext ctx, boolean officer) {
        HttpServerRequest req = ctx.request();
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        long max = files.maxBytes();
        String declared = req.getHeader("Content-Length");
        if (declared != null && parse(declared) > max) {
            ctx.response().putHeader("Connection", "close");
            if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
                throw tooLarge(max); // the client has not sent the body and will not
            }
            discard(ctx, max);
            return;
        }
        String name = safeName(req.getParam("name"));
        vertx.executeBlocking(() -> Transactions.inTransaction(dataSource, c -> {
            mayAdd(c, caller, store.load(c, id, false).orElseThrow(() -> AppealService.notFound(id)), officer);
            return tmp();
        }), false).compose(tmp -> vertx.fileSystem().open(tmp.toString(), new OpenOptions().setWrite(true))
                .map(file -> new Object[] {tmp, file})).onComplete(opened -> {
                    if (opened.failed()) {
                        RouteSupport.fail(ctx, opened.cause());
                        return;
                    }
                    receive(ctx, id, name, (Path) opened.result()[0], (AsyncFile) opened.result()[1], max, officer);
                });
    }

    private void receive(RoutingContext ctx, long id, String name, Path tmp, AsyncFile file, long max,
            boolean officer) {
        Caller caller = RouteSupport.caller(ctx);
        HttpServerRequest req = ctx.request();
        long[] received = {0};
        req.handler(buf -> {
            received[0] += buf.length();
            if (received[0] > max) {
                // keep draining a little so the client reads the answer; then hang up
                if (received[0] > 2 * max) {
                    ctx.request().connection().close();
                }
                return;
            }
            file.write(buf);
            if (file.writeQueueFull()) {
                req.pause();
                file.drainHandler(v -> req.resume());
            }
        });
        req.exceptionHandler(e -> file.close().onComplete(x -> vertx.fileSystem().delete(tmp.toString())));
        req.endHandler(v -> file.close().onComplete(closed -> {
            if (received[0] > max) {
                vertx.fileSystem().delete(tmp.toString());
                RouteSupport.fail(ctx, tooLarge(max));
                return;
            }
            RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
                // the draft's row locked: parallel uploads are counted one after another, and a draft
                // sent meanwhile takes no more files
                Appeal a = store.load(c, id, true).orElseThrow(() -> AppealService.notFound(id));
                try {
                    mayAdd(c, caller, a, officer);
                } catch (RuntimeException e) {
                    vertx.fileSystem().delete(tmp.toString());
                    throw e;
                }
                try {
                    return files.keep(c, id, tmp, name, clock.instant(), officer);
                } catch (java.io.IOException e) {
                    throw new SQLException("could not keep the attachment", e);
                }
            }), kept -> RouteSupport.json(ctx, 201, AppealJson.attachment(kept)));
        }));
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        req.resume();
    }

    /** Reads and drops a body declared too large, so the client reads the answer; hangs up past twice the limit. */
    private static void discard(RoutingContext ctx, long max) {
        HttpServerRequest req = ctx.request();
        long[] dropped = {0};
        req.handler(buf -> {
            dropped[0] += buf.length();
            if (dropped[0] > 2 * max) {
                req.connection().close();
            }
        });
        req.endHandler(v -> RouteSupport.fail(ctx, tooLarge(max)));
        req.resume();
    }

    private Path tmp() throws SQLException {
        try {
            return files.newTemporary();
        } catch (java.io.IOException e) {
            throw new SQLException("attachments directory not writable", e);
        }
    }

    private static ApiException tooLarge(long max) {
        return ApiException.because(ApiError.ATTACHMENT_TOO_LARGE, "file", "attachmentMayMostMb", max / (1024 * 1024));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The name as data only: no path, no control characters, at most 200 characters. */
    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return clean.isEmpty() ? null : clean.substring(0, Math.min(200, clean.length()));
    }
}
