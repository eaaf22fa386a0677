package uz.ekommunal.gateway;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.gateway.meter.Meter;

/**
 * The gateway's meters for other modules, which never read {@code gateway.meters} themselves.
 * Implemented by {@link uz.ekommunal.gateway.meter.MeterPages}.
 */
public interface MeterDirectory {

    /**
     * Which meters a page holds; every part null means "any".
     *
     * @param serial exactly this serial
     * @param serialPrefix serials starting with this, ignoring case
     * @param ids together with {@code utilities}: meters with one of these ids or of one of these utilities
     * @param utilities see {@code ids}
     */
    record Filter(String serial, String serialPrefix, Set<Long> ids, Set<String> utilities) {

        public static final Filter ANY = new Filter(null, null, null, null);
    }

    /** Meters matching the filter ordered by serial, after {@code afterSerial} (null: from the start). */
    List<Meter> page(Filter filter, String afterSerial, int limit) throws SQLException;

    /** The meters with these ids, by id; unknown ids are absent. */
    Map<Long, Meter> byIds(Collection<Long> ids) throws SQLException;

    /** The meters with these serials, by serial; unknown serials are absent. */
    Map<String, Meter> bySerials(Collection<String> serials) throws SQLException;
}
