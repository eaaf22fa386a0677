package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.store.BoundaryReadings.ServiceLife;

/**
 * A meter answers for the instants of its service life: billing keeps a stored boundary value
 * and tells from {@link ServiceLife#clamp} alone whether the meter was in service then, so its
 * edges must be the probes' ({@code greatest(installed, least(at, replaced))}).
 */
class ServiceLifeTest {

    static final Instant INSTALLED = Instant.parse("2025-03-01T00:00:00Z");
    static final Instant REPLACED = Instant.parse("2025-11-15T19:00:00Z");
    static final BigDecimal MODULUS = new BigDecimal("1000000");

    @Test
    void anInstantWithinTheLifeStaysIncludingBothEdges() {
        ServiceLife life = new ServiceLife(MODULUS, INSTALLED, REPLACED);
        Instant within = Instant.parse("2025-11-01T00:00:00Z");
        assertThat(life.clamp(within)).isEqualTo(within);
        assertThat(life.clamp(INSTALLED)).isEqualTo(INSTALLED);
        assertThat(life.clamp(REPLACED)).isEqualTo(REPLACED);
    }

    @Test
    void anInstantOutsideMovesToTheNearerEdge() {
        ServiceLife life = new ServiceLife(MODULUS, INSTALLED, REPLACED);
        assertThat(life.clamp(INSTALLED.minusSeconds(1))).isEqualTo(INSTALLED);
        assertThat(life.clamp(REPLACED.plusSeconds(1))).isEqualTo(REPLACED);
        assertThat(life.clamp(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(REPLACED);
    }

    @Test
    void aMeterInServiceHasNoUpperEdge() {
        ServiceLife life = new ServiceLife(MODULUS, INSTALLED, null);
        Instant far = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(life.clamp(far)).isEqualTo(far);
        assertThat(life.clamp(INSTALLED.minusSeconds(60))).isEqualTo(INSTALLED);
    }
}
