package uz.ekommunal.api.export;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a download page by page: each page is read off the event loop, written, and the next is
 * read only when the connection has taken it (the write queue drained), so memory holds one page
 * whatever the range. Headers go out with the first page; a failure after that can only cut the
 * connection, so sources check access and ranges before streaming starts.
 */
final class Chunks {

    private static final Logger LOG = LoggerFactory.getLogger(Chunks.class);

    /** The next piece of the download; the last one says so. */
    record Chunk(String text, boolean last) {
    }

    /** Where the pieces come from; called off the event loop, one call at a time. */
    interface Source {
        Chunk next() throws Exception;
    }

    private Chunks() {
    }

    static void stream(Vertx vertx, HttpServerResponse response, String contentType, String filename, Source source) {
        response.setChunked(true).putHeader("Content-Type", contentType)
                .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .putHeader("Cache-Control", "private, no-store");
        pump(vertx, response, source);
    }

    private static void pump(Vertx vertx, HttpServerResponse response, Source source) {
        vertx.executeBlocking(source::next, false).onComplete(done -> {
            if (response.closed()) {
                return;
            }
            if (done.failed()) {
                LOG.error("Export cut off: {}", done.cause().toString(), done.cause());
                response.reset();
                return;
            }
            Chunk chunk = done.result();
            if (!chunk.text().isEmpty()) {
                response.write(chunk.text());
            }
            if (chunk.last()) {
                response.end();
            } else if (response.writeQueueFull()) {
                response.drainHandler(v -> {
                    response.drainHandler(null);
                    pump(vertx, response, source);
                });
            } else {
                pump(vertx, response, source);
            }
        });
    }
}
