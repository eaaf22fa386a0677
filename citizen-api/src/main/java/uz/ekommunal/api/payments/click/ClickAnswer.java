package uz.ekommunal.api.payments.click;

/**
 * What the supplier answers Click.
 *
 * @param merchantPrepareId our transaction id, on prepare
 * @param merchantConfirmId our payment id, on a successful complete
 */
public record ClickAnswer(String clickTransId, String merchantTransId, Long merchantPrepareId,
        Long merchantConfirmId, ClickError error) {

    static ClickAnswer refuse(ClickRequest r, ClickError error) {
        return new ClickAnswer(r.clickTransId(), r.merchantTransId(), null, null, error);
    }
}
