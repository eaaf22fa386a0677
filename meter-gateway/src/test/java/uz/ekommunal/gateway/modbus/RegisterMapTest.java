package uz.ekommunal.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.reading.Register;

class RegisterMapTest {

    @Test
    void eastronMapsReadImportAndExportEnergyAsFloat32InputRegisters() {
        RegisterMap sdm = RegisterMap.parse(" SDM630 ");
        assertThat(sdm.fields()).extracting(RegisterField::register, RegisterField::function, RegisterField::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Register.ELECTRICITY_IMPORT, 4, 0x0048),
                        org.assertj.core.groups.Tuple.tuple(Register.ELECTRICITY_EXPORT, 4, 0x004A));
        assertThat(RegisterMap.parse("sdm120").fields()).isEqualTo(sdm.fields());
    }

    @Test
    void aFloat32IsTheShortestDecimalOfTheFloatTheMeterHolds() {
        RegisterField field = RegisterMap.SDM630.fields().get(0);
        assertThat(field.value(words(12345.67f), 0)).isEqualByComparingTo("12345.67");
        assertThat(field.value(words(1.0E7f), 0)).isEqualByComparingTo("10000000");
        assertThatThrownBy(() -> field.value(words(Float.NaN), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSimulatorsMbusBridgeCountersDecodeWithTheirExponent() {
        RegisterField uint32 = RegisterMap.parse("register=8-0:1.0.0,function=3,offset=3,type=uint32,exponent-offset=2")
                .fields().get(0);
        long litres = 3_999_999_999L;
        assertThat(uint32.value(new int[] {(int) (litres >>> 16), (int) (litres & 0xFFFF)}, -3))
                .isEqualByComparingTo("3999999.999");

        RegisterField int64 = RegisterMap.parse("register=7-0:3.0.0, offset=0x5, type=int64, exponent=-2").fields().get(0);
        assertThat(int64.value(new int[] {0, 0, 0x0001, 0x0002}, 0)).isEqualByComparingTo("655.38");
        assertThat(int64.value(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0)).isEqualByComparingTo("-0.01");
    }

    @Test
    void wordOrderScaleAndUnitAreApplied() {
        RegisterField field = RegisterMap.parse("register=9-0:1.0.0,offset=0,type=uint32,words=low-first,scale=2,unit=l")
                .fields().get(0);
        // low word 0x0001 first, then high word 0x0000: 1 x 2 litres = 0.002 m3
        assertThat(field.value(new int[] {0x0001, 0x0000}, 0)).isEqualByComparingTo("0.002");
    }

    @Test
    void aBadMapIsRefusedWithItsReason() {
        assertThatThrownBy(() -> RegisterMap.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RegisterMap.parse("register=1-0:1.8.0")).hasMessageContaining("'offset' is required");
        assertThatThrownBy(() -> RegisterMap.parse("register=1-0:9.9.9,offset=1")).hasMessageContaining("unknown register");
        assertThatThrownBy(() -> RegisterMap.parse("register=1-0:1.8.0,offset=1,function=1")).hasMessageContaining("function");
        assertThatThrownBy(() -> RegisterMap.parse("register=1-0:1.8.0,offset=1,unit=m3")).hasMessageContaining("unit");
        assertThatThrownBy(() -> RegisterMap.parse("register=1-0:1.8.0,offset=1,colour=red")).hasMessageContaining("colour");
    }

    private static int[] words(float value) {
        int bits = Float.floatToIntBits(value);
        return new int[] {(bits >>> 16) & 0xFFFF, bits & 0xFFFF};
    }
}
