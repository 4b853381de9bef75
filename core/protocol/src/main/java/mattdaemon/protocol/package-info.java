/**
 * The protocol's vocabulary: {@link mattdaemon.protocol.Wire} (line kinds and status lines),
 * {@link mattdaemon.protocol.ErrorCode}, {@link mattdaemon.protocol.Notice},
 * {@link mattdaemon.protocol.Greeting}, {@link mattdaemon.protocol.HelpLine},
 * {@link mattdaemon.protocol.Base64Lines} and {@link mattdaemon.protocol.SessionChange}.
 * The full grammar is in {@code module-info-docs/protocol.md}.
 */
package mattdaemon.protocol;
