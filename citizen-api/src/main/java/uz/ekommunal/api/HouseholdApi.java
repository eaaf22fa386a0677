package uz.ekommunal.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.accounts.AccountPayerScope;
import uz.ekommunal.api.accounts.AccountGuard;
import uz.ekommunal.api.accounts.AccountLinking;
import uz.ekommunal.api.accounts.LinkCodeDeskRoutes;
import uz.ekommunal.api.accounts.LinkCodes;
import uz.ekommunal.api.accounts.LinkFailures;
import uz.ekommunal.api.accounts.AccountRoutes;
import uz.ekommunal.api.accounts.MonthRoutes;
import uz.ekommunal.api.accounts.MonthToDate;
import uz.ekommunal.api.accounts.Consumption;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.accounts.MeRoutes;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.audit.AuditRoutes;
import uz.ekommunal.api.auth.AccessTokens;
import uz.ekommunal.api.auth.AuthRoutes;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.OtpService;
import uz.ekommunal.api.auth.PhoneChecks;
import uz.ekommunal.api.auth.PhoneRoutes;
import uz.ekommunal.api.auth.RefreshTokens;
import uz.ekommunal.api.auth.Sessions;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.auth.oneid.Handoffs;
import uz.ekommunal.api.auth.oneid.Identities;
import uz.ekommunal.api.auth.oneid.OneIdProvider;
import uz.ekommunal.api.auth.oneid.OneIdRoutes;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.auth.oneid.OneIdSignIn;
import uz.ekommunal.api.auth.oneid.PendingLogins;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.notify.HttpSmsGateway;
import uz.ekommunal.api.notify.LogDelivery;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.OutboxDispatcher;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.api.payments.PayerScope;
import uz.ekommunal.api.readings.ReadingAccess;
import uz.ekommunal.api.readings.HandReadingRoutes;
import uz.ekommunal.api.readings.ReadingRoutes;
import uz.ekommunal.api.widgets.BillingCardReader;
import uz.ekommunal.api.widgets.CardReader;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.api.widgets.WidgetRoutes;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * The signed-in part of the API wired by hand: sign-in (by phone, and by OneID when configured),
 * notifications, profile and accounts, widgets, consumption and bills, meters' readings. Migrate {@link ApiSchema}
 * first; {@link #start()} makes the configured administrator and starts the outbox dispatcher.
 */
public final class HouseholdApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdApi.class);

    private final HouseholdApiSettings settings;
    private final Users users;
    private final OutboxDispatcher dispatcher;
    private final List<Consumer<Router>> routes = new ArrayList<>();
    private final Authenticate authenticate;
    private final AuditLog audit;
    private final SmsBudget smsBudget;
    private final LinkCodes linkCodes;
    private final PayerScope payerScope;
    private final uz.ekommunal.api.notices.HouseholdNotices notices;

    /**
     * @param handReadings where households' and inspectors' readings go (validated as the gateway's own)
     * @param adapters delivery per channel, usually {@link #adapters(HouseholdApiSettings)}
     * @param payLinks the cards' pay links ({@link PayLinkSource#NONE} until payments are configured)
     * @param cardReaders wraps the reader of widget cards (e.g. to cache, or to read a provider
     *     elsewhere); {@code UnaryOperator.identity()} reads billing directly
     */
    public HouseholdApi(Vertx vertx, DataSource dataSource, Billing billing, MeterRegistry meters,
            HandReadings handReadings, HouseholdApiSettings settings, Map<Channel, DeliveryAdapter> adapters, PayLinkSource payLinks,
            UnaryOperator<CardReader> cardReaders, Clock clock) {
        this.settings = settings;
        this.users = new Users(dataSource, clock);
        Outbox outbox = new Outbox(dataSource, clock);
        this.dispatcher = new OutboxDispatcher(dataSource, adapters, settings.retries(), clock);
        AccessTokens access = new AccessTokens(settings.tokenKey(), settings.accessLifetime(), clock);
        this.authenticate = new Authenticate(access);
        this.audit = new AuditLog(dataSource, clock);
        routes.add(new AuditRoutes(vertx, authenticate, audit)::mount);
        this.smsBudget = new SmsBudget(settings.sms(), clock);
        OtpService otp = new OtpService(dataSource, outbox, users, settings.otp(), settings.tokenKey(), smsBudget,
                clock);
        routes.add(new PhoneRoutes(vertx, authenticate, new PhoneChecks(dataSource, outbox, smsBudget, settings.otp(),
                settings.tokenKey(), clock))::mount);
        Sessions sessions = new Sessions(access, new RefreshTokens(dataSource, settings.refreshLifetime(), clock),
                users, clock);
        OneIdSettings oneId = settings.oneId();
        routes.add(new AuthRoutes(vertx, otp, sessions, oneId != null)::mount);
        routes.add(new OneIdRoutes(vertx, oneId == null ? null : new OneIdSignIn(oneId, new OneIdProvider(oneId),
                new PendingLogins(dataSource, oneId.loginLifetime(), clock), new Identities(dataSource, users, clock),
                new Handoffs(dataSource, clock), users, sessions, clock))::mount);

        AccountLookups lookups = new AccountLookups(dataSource, billing.accounts());
        LinkedAccounts links = new LinkedAccounts(dataSource, clock);
        this.linkCodes = new LinkCodes(dataSource, settings.tokenKey(), clock);
        AccountLinking linking = new AccountLinking(dataSource, billing.accounts(), links, linkCodes,
                new LinkFailures(clock), audit);
        routes.add(new MeRoutes(vertx, authenticate, users, billing.accounts(), lookups, links, linking)::mount);
        routes.add(new LinkCodeDeskRoutes(vertx, authenticate, dataSource, billing.accounts(), linkCodes, audit)::mount);
        CardReader cards = cardReaders.apply(new BillingCardReader(dataSource, billing.overviews(), meters, payLinks));
        routes.add(new WidgetRoutes(vertx, authenticate, links, cards, settings.cardTimeout())::mount);
        AccountGuard guard = new AccountGuard(billing.accounts(), links);
        this.payerScope = new AccountPayerScope(authenticate, links);
        Consumption consumption = new Consumption(dataSource, lookups);
        routes.add(new AccountRoutes(vertx, authenticate, guard, billing, consumption,
                linkCodes, payLinks, clock).printingProfilesOf(users)::mount);
        routes.add(new MonthRoutes(vertx, authenticate, guard, new MonthToDate(billing.accounts(), consumption,
                billing::pricing, clock))::mount);
        MeterScope meterScope = new MeterScope(dataSource, billing.accounts());
        ReadingAccess readingAccess = new ReadingAccess(dataSource, meterScope);
        routes.add(new ReadingRoutes(vertx, authenticate, readingAccess,
                new MeterReadings(meters, new ReadingStore(dataSource)), clock)::mount);
        routes.add(new HandReadingRoutes(vertx, authenticate, readingAccess, meterScope, meters, handReadings,
                clock)::mount);
        routes.add(new uz.ekommunal.api.readings.ReadingPhotoRoutes(vertx, authenticate, readingAccess, meters,
                new uz.ekommunal.api.readings.ReadingPhotos(dataSource), clock)::mount);
        routes.addAll(new InteractiveServices(vertx, dataSource, authenticate, audit,
                new InteractiveServices.Household(readingAccess, guard, links, meters, billing), clock).routes());
        this.notices = new uz.ekommunal.api.notices.HouseholdNotices(vertx, dataSource, billing, authenticate, audit,
                outbox, smsBudget, clock);
        routes.add(notices::mount);
    }

    /** The delivery adapters the settings ask for: an SMS gateway if configured, else the log. */
    public static Map<Channel, DeliveryAdapter> adapters(HouseholdApiSettings settings) {
        Map<Channel, DeliveryAdapter> adapters = new EnumMap<>(Channel.class);
        LogDelivery log = new LogDelivery();
        adapters.put(Channel.SMS, settings.smsGateway() == null ? log : new HttpSmsGateway(settings.smsGateway()));
        adapters.put(Channel.EMAIL, log);
        return adapters;
    }

    /** Makes the configured administrator and starts delivering notifications. */
    public void start() throws SQLException {
        if (settings.administrator() != null) {
            users.ensureAdministrator(settings.administrator());
            LOG.info("Administrator from configuration: {}", settings.administrator());
        }
        dispatcher.start(Duration.ofSeconds(1));
        notices.start();
    }

    /** The routes, to give to the {@link uz.ekommunal.api.http.ApiServer}. */
    public List<Consumer<Router>> routes() {
        return List.copyOf(routes);
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    /** The audit log of operators' and administrators' changes, for the other route groups. */
    public AuditLog audit() {
        return audit;
    }

    /** The hour's SMS budget, shared with every other sender of SMS (appeal notices). */
    public SmsBudget smsBudget() {
        return smsBudget;
    }

    /** Who may see an account's debt on its pay links: whoever may see the account. */
    public PayerScope payerScope() {
        return payerScope;
    }

    /** The link codes printed on receipts, for the desk (look up, reissue) and the demo's hint. */
    public LinkCodes linkCodes() {
        return linkCodes;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public Users users() {
        return users;
    }

    /** Bill, payment, verification and leak notices to households (issue 16). */
    public uz.ekommunal.api.notices.HouseholdNotices notices() {
        return notices;
    }

    @Override
    public void close() {
        notices.close();
        dispatcher.close();
    }
}
