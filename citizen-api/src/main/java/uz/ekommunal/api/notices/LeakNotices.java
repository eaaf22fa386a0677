package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.billing.notice.MeterAccounts;
import uz.ekommunal.gateway.leak.LeakAlert;
import uz.ekommunal.gateway.leak.LeakWatch;

/**
 * Runs the gateway's leak scan and tells the households of each meter with an open alert, once
 * per alert (an episode): the outbox key names the alert, and a new episode is a new alert.
 */
public final class LeakNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Tashkent"));

    private final DataSource dataSource;
    private final LeakWatch watch;
    private final HouseholdNotifier notifier;
    private final Clock clock;
    /** The hour last scanned: the rules read whole hours, so one scan an hour is enough. */
    private Instant scannedHour;

    public LeakNotices(DataSource dataSource, LeakWatch watch, HouseholdNotifier notifier, Clock clock) {
        this.dataSource = dataSource;
        this.watch = watch;
        this.notifier = notifier;
        this.clock = clock;
    }

    public synchronized int sweep() throws SQLException {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (!hour.equals(scannedHour)) {
            watch.scan();
            scannedHour = hour;
        }
        List<LeakAlert> open = watch.open(null);
        if (open.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<Long>> accounts = MeterAccounts.of(c, open.stream().map(LeakAlert::meterId).toList());
            for (LeakAlert a : open) {
                for (long accountId : accounts.getOrDefault(a.meterId(), List.of())) {
                    sent += notifier.notify(c, accountId, NoticeKind.LEAK_ALERT, Long.toString(a.id()),
                            l -> Messages.text(l, "notice.leak." + a.kind().name(), a.serial(),
                                    Messages.utility(a.utility().toUpperCase(Locale.ROOT)), WHEN.format(a.startedAt())))
                            .sent();
                }
            }
        }
        return sent;
    }
}
