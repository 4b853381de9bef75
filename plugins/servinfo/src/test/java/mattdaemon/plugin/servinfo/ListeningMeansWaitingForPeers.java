package mattdaemon.plugin.servinfo;

import static org.assertj.core.api.Assertions.assertThat;

import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import org.junit.jupiter.api.Test;

class ListeningMeansWaitingForPeers {
    private static final byte[] ANY = new byte[4];
    private static final byte[] PEER = {10, 0, 0, 9};

    private static IPConnection connection(String type, TcpState state, byte[] foreign, int foreignPort) {
        return new IPConnection(type, ANY, 4242, foreign, foreignPort, state, 0, 0, 42);
    }

    @Test
    void tcpListensOnlyInListenState() {
        assertThat(ListeningSockets.isListening(connection("tcp4", TcpState.LISTEN, ANY, 0))).isTrue();
        assertThat(ListeningSockets.isListening(connection("tcp6", TcpState.ESTABLISHED, PEER, 51000))).isFalse();
        assertThat(ListeningSockets.isListening(connection("tcp4", TcpState.TIME_WAIT, PEER, 51000))).isFalse();
    }

    @Test
    void udpListensWhileNotConnectedToAPeer() {
        assertThat(ListeningSockets.isListening(connection("udp4", TcpState.CLOSED, ANY, 0))).isTrue();
        assertThat(ListeningSockets.isListening(connection("udp6", TcpState.ESTABLISHED, PEER, 53))).isFalse();
    }
}
