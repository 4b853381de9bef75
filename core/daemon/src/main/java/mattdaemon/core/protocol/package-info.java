/**
 * The wire protocol: splitting the byte stream into request lines (LF or CRLF, bounded length)
 * and writing replies ({@code | body}, {@code +OK}, {@code -ERR CODE}, {@code * notice}).
 */
package mattdaemon.core.protocol;
