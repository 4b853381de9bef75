package mattdaemon.plugin.mail.send;

import mattdaemon.api.PluginEnvironment;

/** Where the plugin's log lines go. */
public interface Journal {
    /** An INFO line. */
    void info(String line);

    /** An ERROR line. */
    void error(String line);

    /** The daemon log, through the plugin's environment. */
    static Journal of(PluginEnvironment environment) {
        return new Journal() {
            @Override
            public void info(String line) {
                environment.log(line);
            }

            @Override
            public void error(String line) {
                environment.logError(line, null);
            }
        };
    }
}
