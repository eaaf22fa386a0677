package uz.ekommunal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.MeterSeedFile;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.modbus.NewModbusEndpoint;
import uz.ekommunal.gateway.reading.Register;

/** Registers the meters of the seed file named by EKOMMUNAL_METER_SEED ('builtin', 'none' or a path). */
public final class MeterSeeding {

    private static final String BUILTIN = "/seed/demo-meters.csv";

    private MeterSeeding() {
    }

    /** @return how many meters were registered or updated */
    public static int apply(String seed, MeterRegistry registry, MeterCredentials credentials, ModbusEndpoints modbus,
            Duration pollInterval) throws IOException, SQLException {
        return apply(seed, registry, credentials, modbus, pollInterval, false);
    }

    /**
     * @param keepSecrets true: a meter that has a secret already keeps it (the demo neighbourhood's
     *     meters sign in through a head-end, and the builtin demo meters among them keep the secrets
     *     the README publishes)
     * @return how many meters were registered or updated
     */
    public static int apply(String seed, MeterRegistry registry, MeterCredentials credentials, ModbusEndpoints modbus,
            Duration pollInterval, boolean keepSecrets) throws IOException, SQLException {
        if ("none".equalsIgnoreCase(seed)) {
            return 0;
        }
        List<MeterSeedFile.SeedMeter> meters;
        try (Reader reader = open(seed)) {
            meters = MeterSeedFile.parse(reader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EKOMMUNAL_METER_SEED=" + seed + ": " + e.getMessage());
        }
        for (MeterSeedFile.SeedMeter meter : meters) {
            registry.register(meter.meter());
            boolean keep = keepSecrets && credentials.issuedAt(meter.meter().serial()).isPresent();
            if (meter.secret() != null && !keep) {
                credentials.set(meter.meter().serial(), meter.secret());
            }
            if (meter.modbus() != null) {
                var address = meter.modbus();
                modbus.add(new NewModbusEndpoint(meter.meter().serial(), address.host(), address.port(),
                        address.unitId(), registerMap(meter.meter().utility()), pollInterval));
            }
        }
        return meters.size();
    }

    /**
     * The register map of a seeded Modbus meter: electricity meters are Eastron SDM630s; water, gas
     * and heat meters sit behind an M-Bus-to-Modbus bridge (volume as uint32 with an exponent register).
     */
    static String registerMap(String utility) {
        String obis = switch (utility) {
            case "electricity" -> null;
            case "gas" -> Register.GAS_VOLUME.obis();
            case "cold_water" -> Register.COLD_WATER_VOLUME.obis();
            case "hot_water" -> Register.HOT_WATER_VOLUME.obis();
            case "heat" -> Register.HEAT_ENERGY.obis();
            default -> throw new IllegalArgumentException("no Modbus register map for " + utility);
        };
        return obis == null ? "sdm630" : "register=" + obis + ",function=3,offset=3,type=uint32,exponent-offset=2";
    }

    private static Reader open(String seed) throws IOException {
        if ("builtin".equalsIgnoreCase(seed)) {
            InputStream in = MeterSeeding.class.getResourceAsStream(BUILTIN);
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path path = Path.of(seed);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("EKOMMUNAL_METER_SEED=" + seed + ": no such file ('builtin' and 'none' also work)");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }
}
