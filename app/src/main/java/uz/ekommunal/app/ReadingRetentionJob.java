package uz.ekommunal.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.store.ReadingRetention;

/**
 * Runs the readings' retention policy (EKOMMUNAL_READINGS_RAW_MONTHS) on the gateway role: a minute
 * after the start, then every six hours. Several gateways may run it: each pass only rolls up and
 * removes what is past the window, in one transaction.
 */
final class ReadingRetentionJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingRetentionJob.class);
    private static final Duration EVERY = Duration.ofHours(6);

    private final Vertx vertx;
    private final long timer;

    ReadingRetentionJob(Vertx vertx, ReadingRetention retention, Clock clock) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), EVERY.toMillis(),
                id -> vertx.executeBlocking(() -> retention.apply(clock.instant()), false).onComplete(done -> {
                    if (done.failed()) {
                        LOG.warn("Readings retention: {}", done.cause().toString());
                    } else if (done.result().readingsRemoved() > 0) {
                        LOG.info("Readings retention: {} readings before {} rolled up into {} hours and removed",
                                done.result().readingsRemoved(), done.result().cutoff(), done.result().hoursRolledUp());
                    }
                }));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
