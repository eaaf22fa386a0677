package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.device.ModbusDevice;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.ModbusAddress;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.modbus.MbusBridgeMap;

/** mbpoll reads the register images the simulator's j2mod slave holds, several unit ids behind one port. */
class ModbusMbpollIT {
    private static final Pattern VALUE = Pattern.compile("^\\[(\\d+)]:\\s+(-?[0-9.eE+-]+)");

    @TempDir
    Path dir;

    @Test
    void mbpollReadsTheImportEnergyOfEachEastronMeterAsFloat32() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(11, Fixtures.uniquePrefix()).fleet(3, Protocol.MODBUS, Utility.ELECTRICITY);
        Path truthFile = dir.resolve("truth.csv");
        try (Simulation simulation = Simulation.start(config(meters, truthFile))) {
            simulation.await();
            GroundTruthFile truth = GroundTruthFile.read(truthFile);
            for (MeterSpec meter : meters) {
                ModbusAddress address = simulation.modbusAddresses().get(meter.serial());
                List<String> output = mbpoll(address, "3:float", 72);
                float polled = Float.parseFloat(value(output, 72));
                float held = ModbusDevice.importEnergy(simulation.modbusFarm().image(meter.serial()));
                // mbpoll prints six significant digits (C's %g)
                assertThat(polled).as("import energy of %s, mbpoll said %s", meter.serial(), output)
                        .isCloseTo(held, within(Math.abs(held) * 6e-6f));
                assertThat(held).isEqualTo(Float.parseFloat(truth.last(meter.serial(), "1-0:1.8.0").value()));
            }
            assertThat(simulation.modbusAddresses().values().stream().map(ModbusAddress::port).distinct()).hasSize(1);
        }
    }

    @Test
    void mbpollReadsTheLitresOfAWaterMeterBehindTheMbusBridge() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(12, Fixtures.uniquePrefix()).fleet(2, Protocol.MODBUS, Utility.COLD_WATER);
        Path truthFile = dir.resolve("truth.csv");
        try (Simulation simulation = Simulation.start(config(meters, truthFile))) {
            simulation.await();
            GroundTruthFile truth = GroundTruthFile.read(truthFile);
            for (MeterSpec meter : meters) {
                ModbusAddress address = simulation.modbusAddresses().get(meter.serial());
                List<String> litres = mbpoll(address, "4:int", MbusBridgeMap.COUNTER_UINT32);
                List<String> exponent = mbpoll(address, "4", MbusBridgeMap.EXPONENT);
                String trueValue = truth.last(meter.serial(), "8-0:1.0.0").value();
                assertThat(Long.parseLong(value(litres, MbusBridgeMap.COUNTER_UINT32)))
                        .isEqualTo(Math.round(Double.parseDouble(trueValue) * 1000));
                // mbpoll shows a 16-bit register unsigned; the exponent is int16
                assertThat((short) Integer.parseInt(value(exponent, MbusBridgeMap.EXPONENT))).isEqualTo((short) -3);
            }
        }
    }

    private static SimulationConfig config(List<MeterSpec> meters, Path truthFile) {
        return SimulationConfig.builder(meters).seed(3).duration(Duration.ofHours(6)).interval(Duration.ofMinutes(15))
                .speedup(0).modbusPort(0).groundTruth(truthFile).build();
    }

    private static List<String> mbpoll(ModbusAddress address, String type, int reference) throws Exception {
        return ExternalProcess.run(Duration.ofSeconds(20), "mbpoll", "-m", "tcp", "-a", Integer.toString(address.unitId()),
                "-t", type, "-B", "-0", "-r", Integer.toString(reference), "-c", "1", "-1",
                "-p", Integer.toString(address.port()), address.host());
    }

    private static String value(List<String> output, int reference) {
        for (String line : output) {
            Matcher m = VALUE.matcher(line.trim());
            if (m.find() && Integer.parseInt(m.group(1)) == reference) {
                return m.group(2);
            }
        }
        throw new AssertionError("mbpoll printed no value for register " + reference + ": " + output);
    }
}
