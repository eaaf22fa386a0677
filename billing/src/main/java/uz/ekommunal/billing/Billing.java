package uz.ekommunal.billing;

import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.tariff.pricing.PricingEngine;
import java.time.Clock;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.desk.CashierDesk;
import uz.ekommunal.billing.desk.Corrections;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.Reconciliation;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.overview.AccountOverviews;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.report.Reports;
import uz.ekommunal.billing.reconcile.PaymentReconciliation;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.schedule.BillingNode;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.TariffBook;

/**
 * Billing's Java API, wired by hand: what the HTTP layer and the payment hooks call. Migrate
 * first ({@link BillingSchema#migrate}); start a {@link BillingNode} on each billing process.
 */
public final class Billing {

    private final DataSource dataSource;
    private final Accounts accounts;
    private final Ledger ledger;
    private final Invoices invoices;
    private final PaymentService payments;
    private final BillingEngine engine;
    private final BillingSettings settings;
    private final AccountOverviews overviews;
    private final CashierDesk desk;
    private final Corrections corrections;
    private final PaymentReconciliation paymentReconciliation;
    private final TariffBook book;
    private final PricingEngine fixedBookEngine;

    public Billing(DataSource dataSource, MeterRegistry meters, TariffBook book, BillingSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = new Accounts(dataSource, meters, clock);
        this.ledger = new Ledger(dataSource, clock);
        this.invoices = new Invoices(dataSource);
        this.payments = new PaymentService(dataSource, ledger, clock);
        this.engine = new BillingEngine(dataSource, book, settings, clock);
        this.settings = settings;
        this.overviews = new AccountOverviews(clock);
        this.desk = new CashierDesk(dataSource, payments, clock);
        this.corrections = new Corrections(dataSource, payments, clock);
        this.paymentReconciliation = new PaymentReconciliation(dataSource, clock);
        this.book = book;
        this.fixedBookEngine = book instanceof JdbcTariffBook ? null : new PricingEngine(book);
    }

    /** The tariff engine over the book's current versions, as the next bill run prices. */
    public PricingEngine pricing() {
        return book instanceof JdbcTariffBook jdbc ? jdbc.engine() : fixedBookEngine;
    }

    /** Providers, accounts (lookup by number), meters linked, household facts. */
    public Accounts accounts() {
        return accounts;
    }

    /** Balances as of any date, entries. */
    public Ledger ledger() {
        return ledger;
    }

    /** Issued invoices as records (for the receipts and the widgets). */
    public Invoices invoices() {
        return invoices;
    }

    /** Many accounts' balance, last payment, facts, latest invoice and meters at once (the widgets). */
    public AccountOverviews overviews() {
        return overviews;
    }

    /** The one way payments reach an account. */
    public PaymentService payments() {
        return payments;
    }

    /** Payments taken at a provider's cashier desk, with their receipt numbers. */
    public CashierDesk desk() {
        return desk;
    }

    /** Cancels at the desk, moves to the right account, refunds: reversals, never edits. */
    public Corrections corrections() {
        return corrections;
    }

    /** Collections, billed vs collected, debts by age, top debtors, consumption by block. */
    public Reports reports() {
        return new Reports(dataSource);
    }

    /** Bill runs without a scheduler (operators re-running a period, progress). */
    public BillingEngine engine() {
        return engine;
    }

    /** The regulator's check over every issued invoice: lines, totals, closing = next opening. */
    public Reconciliation reconciliation() {
        return new Reconciliation(dataSource);
    }

    /** Each payment system's statement against the ledger, and the differences for operators. */
    public PaymentReconciliation paymentReconciliation() {
        return paymentReconciliation;
    }

    /** Joins the Quartz cluster as {@code nodeId}, starts billing shards and schedules the daily reconciliation. */
    public BillingNode startNode(String nodeId) throws SchedulerException {
        return BillingNode.start(nodeId, dataSource, engine, settings, paymentReconciliation);
    }
}
