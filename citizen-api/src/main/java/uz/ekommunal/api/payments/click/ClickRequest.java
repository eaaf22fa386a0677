package uz.ekommunal.api.payments.click;

import java.util.function.Function;

/**
 * A prepare ({@code action=0}) or complete ({@code action=1}) request, every field kept as the
 * text received: the signature is computed over exactly that text.
 *
 * @param merchantPrepareId null on prepare
 * @param errorNote may be null
 */
public record ClickRequest(String clickTransId, String serviceId, String clickPaydocId, String merchantTransId,
        String merchantPrepareId, String amount, String action, String error, String errorNote, String signTime,
        String signString) {

    /**
     * @param field the form field by name, null when absent
     * @return null when a required field is missing or empty (Click's "error in request", -8)
     */
    public static ClickRequest read(Function<String, String> field, boolean complete) {
        String[] required = {"click_trans_id", "service_id", "click_paydoc_id", "merchant_trans_id", "amount",
            "action", "error", "sign_time", "sign_string"};
        for (String name : required) {
            String value = field.apply(name);
            if (value == null || value.isEmpty()) {
                return null;
            }
        }
        String prepareId = field.apply("merchant_prepare_id");
        if (complete && (prepareId == null || prepareId.isEmpty())) {
            return null;
        }
        return new ClickRequest(field.apply("click_trans_id"), field.apply("service_id"),
                field.apply("click_paydoc_id"), field.apply("merchant_trans_id"), complete ? prepareId : null,
                field.apply("amount"), field.apply("action"), field.apply("error"), field.apply("error_note"),
                field.apply("sign_time"), field.apply("sign_string"));
    }
}
