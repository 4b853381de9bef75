/**
 * The plugin's configuration: the {@code mail.*} keys of the daemon's configuration file read
 * into immutable records ({@link mattdaemon.plugin.mail.config.MailSettings}), checked once at
 * load so a typo or an unsafe password file stops the plugin with a clear reason.
 */
package mattdaemon.plugin.mail.config;
