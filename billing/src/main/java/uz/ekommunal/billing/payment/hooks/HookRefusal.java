package uz.ekommunal.billing.payment.hooks;

/**
 * A payment hook's refusal. What was written before it in the same call (a timeout's cancel, a
 * reported failure) still commits: see {@link PaymentHook#run}.
 */
public final class HookRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    public HookRefusal(Refusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
