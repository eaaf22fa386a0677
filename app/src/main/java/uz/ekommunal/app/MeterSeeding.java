package uz.ekommunal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import uz.ekommunal.app.config.ConfigException;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.MeterSeedFile;

/** Registers the meters of the seed file named by EKOMMUNAL_METER_SEED ('builtin', 'none' or a path). */
final class MeterSeeding {

    private static final String BUILTIN = "/seed/demo-meters.csv";

    private MeterSeeding() {
    }

    /** @return how many meters were registered or updated */
    static int apply(String seed, MeterRegistry registry) throws IOException, SQLException {
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
        }
        return meters.size();
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
