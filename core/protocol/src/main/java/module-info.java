/**
 * The Matt_daemon wire protocol as code: the line grammar ({@code | body}, {@code +OK},
 * {@code -ERR CODE}, {@code * notice}), the error codes, the notice and greeting texts, the
 * {@code help} line format, the Base64 line codec, and the replies that change a session.
 * The daemon, the crypt plugin and the clients all use it, so the grammar is written once.
 * No dependencies: a client needs this module and none of the daemon's.
 */
module mattdaemon.protocol {
    exports mattdaemon.protocol;
}
