package dev.parley.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The runtime's settings from its {@code application.properties} and the given properties over them, read as Quarkus
 * reads them (without the environment).
 */
public final class Settings {

    private Settings() {
    }

    public static RuntimeConfig config(Map<String, String> properties) {
        try {
            return read(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeConfig read(Map<String, String> properties) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(RuntimeConfig.class)
                .withSources(new PropertiesConfigSource(Settings.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(RuntimeConfig.class);
    }

    public static BotSettings bot(Map<String, String> properties) {
        return new BotSettings(config(properties));
    }
}
