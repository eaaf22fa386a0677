package uz.ekommunal.platform.config;

import java.nio.file.Path;

/** The folder for local data, shared by every module that keeps files (spool, appeal files, the embedded database). */
public final class DataFolder {

    public static final Setting<Path> DATA_DIR = new Setting<>("EKOMMUNAL_DATA_DIR", "data",
            "Folder for local data; the embedded PostgreSQL keeps its files in <dir>/postgres.", Parsers.path());

    private DataFolder() {
    }

    /** {@code name} inside the data folder. */
    public static Path resolve(Config config, String name) {
        return config.get(DATA_DIR).resolve(name);
    }
}
