package uz.ekommunal.billing.run;

import java.util.List;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.Utility;

/** An account of a shard as loaded: what it is billed for, its facts' history and its meters. */
record ShardAccount(long id, String number, List<Utility> services, List<HouseholdFacts> facts,
        List<LinkedMeter> meters) {

    /** A meter register linked to the account. */
    record LinkedMeter(long meterId, String register) {
    }
}
