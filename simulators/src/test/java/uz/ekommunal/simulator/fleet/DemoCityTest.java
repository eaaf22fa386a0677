package uz.ekommunal.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;

class DemoCityTest {

    @Test
    void householdsHaveAccountsOfTheRightLengthAndMetersOnEveryProtocol() {
        DemoCity city = DemoCity.build(42, 300, "");
        assertThat(city.households()).hasSize(300);
        for (MeterSpec meter : city.meters()) {
            int expected = switch (meter.utility()) {
                case ELECTRICITY -> 7;
                case GAS -> 8;
                case COLD_WATER -> 6;
                case HOT_WATER, HEAT -> 11;
            };
            assertThat(meter.accountNumber()).hasSize(expected).containsOnlyDigits();
            // the city's CoAP meters are keyless (plain CoAP); MQTT meters have a secret
            assertThat(meter.psk()).isNull();
            assertThat(meter.secret() != null).isEqualTo(meter.protocol() == Protocol.MQTT);
        }
        Set<Protocol> protocols = city.meters().stream().map(MeterSpec::protocol).collect(Collectors.toSet());
        assertThat(protocols).containsExactlyInAnyOrder(Protocol.values());
        Set<Utility> utilities = city.meters().stream().map(MeterSpec::utility).collect(Collectors.toSet());
        assertThat(utilities).containsExactlyInAnyOrder(Utility.values());
        assertThat(city.meters().stream().map(MeterSpec::serial).distinct().count()).isEqualTo(city.meters().size());
    }

    @Test
    void flatsShareOneDistrictAccountForHotWaterAndHeat() {
        DemoCity.Household flat = DemoCity.build(42, 50, "").households().stream()
                .filter(DemoCity.Household::flat).findFirst().orElseThrow();
        assertThat(flat.accounts().get(Utility.HOT_WATER)).isEqualTo(flat.accounts().get(Utility.HEAT));
    }

    @Test
    void sameSeedSameCity() {
        // the same meters, but never the same MQTT secrets: those come from a secure random, not the seed
        assertThat(DemoCity.build(7, 20, "").meters()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("secret")
                .isEqualTo(DemoCity.build(7, 20, "").meters());
        assertThat(DemoCity.build(7, 20, "").meters().stream().filter(m -> m.secret() != null).map(MeterSpec::secret))
                .doesNotContainAnyElementsOf(DemoCity.build(7, 20, "").meters().stream().map(MeterSpec::secret)
                        .filter(java.util.Objects::nonNull).toList())
                .isNotEmpty();
        assertThat(DemoCity.build(7, 20, "").meters()).isNotEqualTo(DemoCity.build(8, 20, "").meters());
    }
}
