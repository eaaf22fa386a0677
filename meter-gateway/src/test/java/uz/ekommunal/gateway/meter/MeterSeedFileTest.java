package uz.ekommunal.gateway.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSeedFileTest {

    @Test
    void readsTheShortForm() throws Exception {
        List<MeterSeedFile.SeedMeter> meters = MeterSeedFile.parse(new StringReader("""
                # demo
                serial,utility,protocol,account_number,register_digits,multiplier,psk
                E1000001,electricity,mqtt,1000001,6,1,
                G2000001,Gas,MQTT,20000001
                """));

        assertThat(meters).extracting(m -> m.meter().serial()).containsExactly("E1000001", "G2000001");
        assertThat(meters.get(0).meter().registerDigits()).isEqualTo(6);
        assertThat(meters.get(1).meter().utility()).isEqualTo("gas");
        assertThat(meters.get(1).meter().registerDigits()).isEqualTo(8);
    }

    @Test
    void readsTheRegistrySeedTheSimulatorsWrite() throws Exception {
        List<MeterSeedFile.SeedMeter> meters = MeterSeedFile.parse(new StringReader("""
                serial,utility,protocol,register_obis,unit,digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk
                E0001,electricity,modbus,1-0:1.8.0,kWh,7,1,1000001,127.0.0.1,5020,3,
                E0001,electricity,modbus,1-0:2.8.0,kWh,7,1,1000001,127.0.0.1,5020,3,
                C0002,cold_water,coap,8-0:1.0.0,m3,6,1,300002,,,,00ff10
                """));

        assertThat(meters).hasSize(2);
        assertThat(meters.get(0).modbus()).isEqualTo(new MeterSeedFile.ModbusAddress("127.0.0.1", 5020, 3));
        assertThat(meters.get(0).meter().accountNumber()).isEqualTo("1000001");
        assertThat(meters.get(1).meter().psk()).isEqualTo("00ff10");
        assertThat(meters.get(1).modbus()).isNull();
    }

    @Test
    void readsMqttSecretsInBothFormsAndNeverPrintsThem() throws Exception {
        List<MeterSeedFile.SeedMeter> shortForm = MeterSeedFile.parse(new StringReader("""
                E1000001,electricity,mqtt,1000001,6,1,,demo-secret-E1000001
                E1000002,electricity,mqtt,1000002,6,1,
                """));
        List<MeterSeedFile.SeedMeter> registryForm = MeterSeedFile.parse(new StringReader("""
                serial,utility,protocol,register_obis,unit,digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk,secret
                E0003,electricity,mqtt,1-0:1.8.0,kWh,7,1,1000001,,,,,a-secret-of-43-characters-xxxxxxxxxxxxxxxxxx
                """));

        assertThat(shortForm.get(0).secret()).isEqualTo("demo-secret-E1000001");
        assertThat(shortForm.get(1).secret()).isNull();
        assertThat(registryForm.get(0).secret()).isEqualTo("a-secret-of-43-characters-xxxxxxxxxxxxxxxxxx");
        assertThat(shortForm.get(0).toString()).doesNotContain("demo-secret");
        assertThatThrownBy(() -> MeterSeedFile.parse(new StringReader("E1,electricity,mqtt,1,6,1,,short\n")))
                .hasMessageContaining("line 1").hasMessageContaining("16 characters");
    }

    @Test
    void namesTheLineAtFault() {
        assertThatThrownBy(() -> MeterSeedFile.parse(new StringReader("E1,electricity,mqtt,1,99\n")))
                .hasMessageContaining("line 1").hasMessageContaining("digits");
        assertThatThrownBy(() -> MeterSeedFile.parse(new StringReader("E1,steam,mqtt,1\n")))
                .hasMessageContaining("line 1").hasMessageContaining("utility");
    }
}
