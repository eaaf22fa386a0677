package uz.ekommunal.platform.config;

/** Start-up stops with this when a configuration value is invalid; the message names the key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
