package uz.ekommunal.billing.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.billing.account.HeatingType;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/** A row that passed every check of its own, ready for the staging table. */
record StagedRow(long line, long providerId, String number, String holder, String address, List<Utility> services,
        int residents, BigDecimal heatedArea, boolean needyFamily, boolean electricStove, HeatingType heating,
        LocalDate validFrom, List<MeterRef> meters, Region region, String district) {

    /** A meter register named in the row; {@code register} null means the meter's main register. */
    record MeterRef(String serial, String register) {
    }
}
