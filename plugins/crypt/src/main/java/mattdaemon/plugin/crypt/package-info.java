/**
 * The {@code daemoncrypt} command and its Base64 line codec. Base64 only hides text from a
 * casual look; real confidentiality is the core's {@code starttls}.
 */
package mattdaemon.plugin.crypt;
