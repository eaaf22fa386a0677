package uz.ekommunal.api.widgets;

import java.util.List;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.Balance;

/** Builds a card's pay links (the payment module's checkout links); none when not configured. */
@FunctionalInterface
public interface PayLinkSource {

    PayLinkSource NONE = (account, balance) -> List.of();

    List<PayLink> linksFor(Account account, Balance balance);
}
