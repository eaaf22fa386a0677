package uz.ekommunal.api.payments.payme;

/** A Payme error answer; {@code data} names the field at fault (Payme shows it), or is null. */
public final class PaymeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PaymeError error;
    private final String data;

    public PaymeRefusal(PaymeError error, String data) {
        super(error.en() + (data == null ? "" : " (" + data + ")"), null, false, false);
        this.error = error;
        this.data = data;
    }

    public PaymeError error() {
        return error;
    }

    public String data() {
        return data;
    }
}
