package uz.ekommunal.api.notices;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.notice.NoticeFeed;
import uz.ekommunal.gateway.leak.LeakWatch;
import uz.ekommunal.gateway.verification.MeterVerifications;

/**
 * The households' notices wired in one place, so the API adds them with one line: the sweeps
 * (bills, payments, verification due dates, leaks) on a timer, and their routes (preferences, the
 * page's notices, the operators' verification desk and leak list).
 */
public final class HouseholdNotices implements AutoCloseable {

    /** How often the sweeps run: a bill's SMS follows its run by about this much. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final List<java.util.function.Consumer<Router>> routes;
    private final NoticeSweeps sweeps;
    private final LeakWatch leaks;
    private final MeterVerifications verifications;

    public HouseholdNotices(Vertx vertx, DataSource dataSource, Billing billing, Authenticate authenticate,
            AuditLog audit, Outbox outbox, SmsBudget budget, Clock clock) {
        HouseholdNotifier notifier = new HouseholdNotifier(outbox, budget);
        this.verifications = new MeterVerifications(dataSource, clock);
        this.leaks = new LeakWatch(dataSource, clock);
        MeterScope scope = new MeterScope(dataSource, billing.accounts());
        this.routes = List.of(
                new NoticeRoutes(vertx, authenticate, new NoticePreferences(dataSource, clock))::mount,
                new MyNoticeRoutes(vertx, authenticate, dataSource, new LinkedAccounts(dataSource, clock),
                        verifications, leaks)::mount,
                new VerificationRoutes(vertx, authenticate, verifications, scope, audit)::mount,
                new LeakRoutes(vertx, authenticate, leaks, scope)::mount);
        BillNotices bills = new BillNotices(dataSource, new NoticeFeed(dataSource), notifier, clock);
        VerificationNotices due = new VerificationNotices(dataSource, verifications, notifier, clock);
        LeakNotices leakNotices = new LeakNotices(dataSource, leaks, notifier, clock);
        this.sweeps = new NoticeSweeps(List.of(bills::sweep, due::sweep, leakNotices::sweep));
    }

    public void mount(Router router) {
        routes.forEach(r -> r.accept(router));
    }

    /** Every sweep once, now (tests, and the timer). @return messages put in the outbox */
    public int sweep() {
        return sweeps.runAll();
    }

    public LeakWatch leaks() {
        return leaks;
    }

    public MeterVerifications verifications() {
        return verifications;
    }

    public void start() {
        sweeps.start(INTERVAL);
    }

    @Override
    public void close() {
        sweeps.close();
    }
}
