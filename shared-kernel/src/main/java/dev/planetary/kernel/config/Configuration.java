package dev.planetary.kernel.config;

import java.util.List;

/**
 * A target's configuration: every parameter, the configuration-file lines that did not apply,
 * {@code fileProblem} when those lines cannot be read (the metadata login may not read
 * {@code pg_file_settings}: it says what to grant), the defaults set per role and database, and the name of
 * the target's database (where a database's own default goes).
 */
public record Configuration(List<ConfigParameter> parameters, List<ConfigFileEntry> fileErrors, String fileProblem,
                            List<RoleSetting> roleSettings, String database) {

    public Configuration {
        parameters = List.copyOf(parameters);
        fileErrors = List.copyOf(fileErrors);
        roleSettings = List.copyOf(roleSettings);
    }

    public long changedFromDefault() {
        return parameters.stream().filter(ConfigParameter::changedFromDefault).count();
    }

    public long pendingRestart() {
        return parameters.stream().filter(ConfigParameter::pendingRestart).count();
    }
}
