package mattdaemon.core.auth;

import java.net.InetAddress;

/**
 * Who may set the daemon's password ({@code daemonpass}). An unprotected daemon must not be
 * taken over from the network by the first comer: while no password is set, only a client on
 * this machine (a loopback address) may set one; {@code Matt_daemon --set-password} is the
 * other way. Once a password is set, an authenticated client anywhere may change or remove it.
 */
public final class PasswordChangeRule {
    private PasswordChangeRule() {
    }

    /** The answer, with the reason to give when refused. */
    public sealed interface Decision {
        /** The change may go ahead. */
        record Allowed() implements Decision {
        }

        /** @param reason why not, for the client */
        record Refused(String reason) implements Decision {
        }
    }

    /**
     * Whether {@code daemonpass} from {@code peer} may go ahead.
     *
     * @param peer          the client's address
     * @param passwordIsSet whether the daemon is protected now (the session, then, has
     *                      authenticated, or it could not have sent the command)
     */
    public static Decision check(InetAddress peer, boolean passwordIsSet) {
        if (passwordIsSet || isLocal(peer)) {
            return new Decision.Allowed();
        }
        return new Decision.Refused("the first password is set from this machine: "
                + "connect from localhost or run Matt_daemon --set-password");
    }

    /** Loopback, including IPv4 loopback mapped into IPv6 (::ffff:127.0.0.1). */
    static boolean isLocal(InetAddress peer) {
        if (peer.isLoopbackAddress()) {
            return true;
        }
        byte[] a = peer.getAddress();
        if (a.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return a[10] == (byte) 0xff && a[11] == (byte) 0xff && a[12] == 127;
        }
        return false;
    }
}
