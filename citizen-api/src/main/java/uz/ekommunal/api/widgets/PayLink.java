package uz.ekommunal.api.widgets;

/** Where the card's "Pay" button leads: a payment system's checkout page. */
public record PayLink(String system, String url) {
}
