package uz.ekommunal.api.payments.click;

/**
 * @param secretKey the SECRET_KEY Click issued; null or empty refuses every call (-1)
 * @param serviceId our service id at Click; requests for another service are refused (-8)
 */
public record ClickSettings(String secretKey, String serviceId) {
}
