package uz.ekommunal.app;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.schedule.BillingNode;

/**
 * This process's billing node, started when the caller says so (at once, or once the demo
 * neighbourhood's history is in) and at most once; closing it before it started keeps it from starting.
 */
final class LateBillingNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LateBillingNode.class);

    private final Billing billing;
    private final String node;
    private final String cron;
    private BillingNode started;
    private boolean closed;

    LateBillingNode(Billing billing, String node, String cron) {
        this.billing = billing;
        this.node = node;
        this.cron = cron;
    }

    /** Joins the bill-run schedule; does nothing when started or closed already. */
    synchronized void start() {
        if (started != null || closed) {
            return;
        }
        try {
            started = billing.startNode(node);
        } catch (SchedulerException e) {
            throw new IllegalStateException("billing node " + node + " cannot start: " + e.getMessage(), e);
        }
        LOG.info("Billing node {} joined the bill-run schedule ({})", node, cron);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (started != null) {
            started.close();
        }
    }
}
