package uz.ekommunal.tariff.pricing;

import java.time.LocalDate;

/**
 * The tariff versions one kind of household gets for one utility, as non-overlapping slices
 * [from, to) sorted by date; days between slices have no tariff.
 */
final class Timeline {

    static final long OPEN = Long.MAX_VALUE;

    final long[] fromDays;
    final long[] toDays;
    final CompiledTariff[] tariffs;

    Timeline(long[] fromDays, long[] toDays, CompiledTariff[] tariffs) {
        this.fromDays = fromDays;
        this.toDays = toDays;
        this.tariffs = tariffs;
    }

    /** Index of the slice holding {@code epochDay}, or -1. */
    int sliceAt(long epochDay) {
        for (int i = 0; i < fromDays.length; i++) {
            if (epochDay >= fromDays[i] && epochDay < toDays[i]) {
                return i;
            }
        }
        return -1;
    }

    CompiledTariff at(LocalDate day) {
        int slice = sliceAt(day.toEpochDay());
        return slice < 0 ? null : tariffs[slice];
    }
}
