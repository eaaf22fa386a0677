package uz.ekommunal.api.widgets;

import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.payments.CheckoutLinks;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.Balance;

/**
 * A card's "Pay" links from the payment module's checkout links, for the debt. An account
 * without debt gets none here: the payer picks an amount through
 * {@code GET /api/v1/accounts/{number}/pay-links?amount=}.
 */
public final class CheckoutPayLinks implements PayLinkSource {

    private final CheckoutLinks links;

    public CheckoutPayLinks(CheckoutLinks links) {
        this.links = links;
    }

    @Override
    public List<PayLink> linksFor(Account account, Balance balance) {
        long debt = -balance.amount().tiyin();
        if (debt <= 0) {
            return List.of();
        }
        List<PayLink> out = new ArrayList<>(2);
        try {
            links.payme(account.number(), debt, null).ifPresent(url -> out.add(new PayLink("payme", url)));
        } catch (IllegalArgumentException e) {
            // a number Payme cannot carry: Click may still do
        }
        links.click(account.number(), debt).ifPresent(url -> out.add(new PayLink("click", url)));
        return out;
    }
}
