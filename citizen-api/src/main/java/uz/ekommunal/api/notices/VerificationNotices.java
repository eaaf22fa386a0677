package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.billing.notice.MeterAccounts;
import uz.ekommunal.gateway.verification.MeterVerification;
import uz.ekommunal.gateway.verification.MeterVerifications;

/**
 * Tells the households of a meter whose verification falls due within its type's notice days
 * (or is overdue) by SMS, once per due date: a verification recorded later makes a new due date,
 * and with it a new notice in its time. The page notice is read live ({@link HouseholdNoticeRoutes}).
 */
public final class VerificationNotices {

    /** At most this many meters a sweep; the rest go on the next one. */
    static final int BATCH = 5_000;
    /**
     * Meters whose notice window opened within this many days are told: the sweep looks at those
     * entering it, not at every meter overdue for years (told, once, when their time came).
     */
    static final int RECENT_DAYS = 60;

    private final DataSource dataSource;
    private final MeterVerifications verifications;
    private final HouseholdNotifier notifier;
    private final java.time.Clock clock;
    private java.time.Instant sweptHour;

    public VerificationNotices(DataSource dataSource, MeterVerifications verifications, HouseholdNotifier notifier,
            java.time.Clock clock) {
        this.dataSource = dataSource;
        this.verifications = verifications;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** At most once an hour (due dates move by days); @return messages put in the outbox */
    public synchronized int sweep() throws SQLException {
        java.time.Instant hour = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        if (hour.equals(sweptHour)) {
            return 0;
        }
        sweptHour = hour;
        LocalDate today = verifications.today();
        int sent = 0;
        String after = null;
        List<MeterVerification> due;
        do {
            due = verifications.noticeWindow(today.minusDays(RECENT_DAYS), today, after, BATCH);
            sent += tell(due);
            after = due.isEmpty() ? null : due.get(due.size() - 1).serial();
        } while (due.size() == BATCH);
        return sent;
    }

    private int tell(List<MeterVerification> due) throws SQLException {
        if (due.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<Long>> accounts = MeterAccounts.of(c, due.stream().map(MeterVerification::meterId).toList());
            for (MeterVerification v : due) {
                for (long accountId : accounts.getOrDefault(v.meterId(), List.of())) {
                    sent += notifier.notify(c, accountId, NoticeKind.VERIFICATION_DUE, v.meterId() + ":" + v.dueOn(),
                            l -> Messages.text(l, "notice.verification.due", v.serial(),
                                    Messages.utility(v.utility().toUpperCase(java.util.Locale.ROOT)),
                                    BillNotices.day(v.dueOn()))).sent();
                }
            }
        }
        return sent;
    }
}
