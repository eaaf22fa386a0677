package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.SQLException;
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

    private final DataSource dataSource;
    private final MeterVerifications verifications;
    private final HouseholdNotifier notifier;

    public VerificationNotices(DataSource dataSource, MeterVerifications verifications, HouseholdNotifier notifier) {
        this.dataSource = dataSource;
        this.verifications = verifications;
        this.notifier = notifier;
    }

    public int sweep() throws SQLException {
        List<MeterVerification> due = verifications.noticeBy(verifications.today(), BATCH);
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
                                    BillNotices.day(v.dueOn())));
                }
            }
        }
        return sent;
    }
}
