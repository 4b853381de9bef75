import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The load client of bench/run (JDK only, run from source: {@code java bench/Ingest.java}).
 * <pre>
 *   Ingest free-port
 *       prints a TCP port nobody listens on
 *   Ingest ingest --port P --log FILE [--clients 3] [--lines 200000] [--bytes 64] [--timeout 300]
 *       sends the lines and reports key=value results on stdout
 * </pre>
 * Each client pipelines its lines (no waiting for replies) while its own reader thread drains
 * and checks the replies, one {@code +OK logged} per line: the daemon stops reading from a
 * client whose replies are not read. Meanwhile the log file is followed, and every
 * {@code User input:} line is matched by content against what was sent, so a line lost,
 * duplicated or altered is counted. The clock runs from the first byte sent to the moment the
 * last expected line is in the log.
 */
public final class Ingest {
    private static final String MARKER = "User input: ";
    private static final byte[] PREFIX = "ingest-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "+OK logged".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("free-port")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.out.println(socket.getLocalPort());
            }
            return;
        }
        if (args.length == 0 || !args[0].equals("ingest")) {
            System.err.println("usage: Ingest free-port | Ingest ingest --port P --log FILE"
                    + " [--clients N] [--lines N] [--bytes N] [--timeout S]");
            System.exit(2);
        }
        int port = 0;
        Path log = null;
        int clients = 3;
        int lines = 200_000;
        int bytes = 64;
        int timeoutSeconds = 300;
        for (int i = 1; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--log" -> log = Path.of(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--lines" -> lines = Integer.parseInt(value);
                case "--bytes" -> bytes = Integer.parseInt(value);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port == 0 || log == null || bytes < 32) {
            throw new IllegalArgumentException("--port and --log are required; --bytes must be at least 32");
        }
        new Ingest(port, log, clients, lines, bytes, timeoutSeconds).run();
    }

    private final int port;
    private final Path log;
    private final int clients;
    private final int lines;
    private final int bytes;
    private final long timeoutNanos;

    private Ingest(int port, Path log, int clients, int lines, int bytes, int timeoutSeconds) {
        this.port = port;
        this.log = log;
        this.clients = clients;
        this.lines = lines;
        this.bytes = bytes;
        this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    }

    /**
     * Line {@code seq} of client {@code client}: {@code ingest-C-SSSSSSSSS-} then letters up to
     * {@code bytes} bytes. Unique, plain ASCII (logged unescaped), and rebuildable from its prefix.
     */
    private void content(int client, int seq, byte[] into, int at) {
        int i = 0;
        for (byte b : PREFIX) {
            into[at + i++] = b;
        }
        for (byte b : Integer.toString(client).getBytes(StandardCharsets.US_ASCII)) {
            into[at + i++] = b;
        }
        into[at + i++] = '-';
        for (int div = 100_000_000; div > 0; div /= 10) {
            into[at + i++] = (byte) ('0' + seq / div % 10);
        }
        into[at + i++] = '-';
        for (; i < bytes; i++) {
            into[at + i] = (byte) ('a' + (seq + i) % 26);
        }
    }

    private void run() throws Exception {
        // everything is built and connected before the clock starts
        List<Client> all = new ArrayList<>();
        for (int c = 1; c <= clients; c++) {
            byte[] payload = new byte[lines * (bytes + 1)];
            for (int seq = 0; seq < lines; seq++) {
                content(c, seq, payload, seq * (bytes + 1));
                payload[seq * (bytes + 1) + bytes] = '\n';
            }
            all.add(new Client(c, payload));
        }
        long logStart = Files.size(log);
        for (Client client : all) {
            client.connect();
        }
        LogFollower follower = new LogFollower(logStart);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Client client : all) {
            threads.add(Thread.ofPlatform().name("send-" + client.id).start(() -> client.send(go)));
            threads.add(Thread.ofPlatform().name("read-" + client.id).start(client::drain));
        }
        long start = System.nanoTime();
        go.countDown();
        follower.follow(start, all);
        long end = follower.lastFoundAt;
        for (Thread thread : threads) {
            thread.join(30_000);   // the last replies may still be on their way
        }
        for (Client client : all) {
            client.socket.close();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        long expected = (long) clients * lines;
        long ok = all.stream().mapToLong(c -> c.okReplies).sum();
        long badReplies = all.stream().mapToLong(c -> c.badReplies).sum();
        long repliesDone = all.stream().mapToLong(c -> c.repliesDoneAt).max().orElse(0);
        long found = follower.found();
        out("expected_lines", expected);
        out("found_lines", found);
        out("lost_lines", expected - found);
        out("duplicate_lines", follower.duplicates);
        out("altered_lines", follower.altered);
        out("ok_replies", ok);
        out("bad_replies", badReplies);
        all.stream().filter(c -> c.problem != null).forEach(c -> out("client_" + c.id + "_problem", c.problem));
        if (found == expected) {
            double seconds = (end - start) / 1e9;
            out("seconds_to_log", String.format("%.3f", seconds));
            out("lines_per_second", String.format("%.0f", expected / seconds));
        } else {
            out("seconds_to_log", "timeout");
            out("lines_per_second", "n/a");
        }
        if (ok == expected) {
            out("seconds_to_replies", String.format("%.3f", (repliesDone - start) / 1e9));
        }
    }

    private static void out(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    /** One connection: a sender thread pipelining the payload, a reader thread checking replies. */
    private final class Client {
        final int id;
        final byte[] payload;
        Socket socket;
        volatile long okReplies;
        volatile long badReplies;
        volatile long repliesDoneAt;
        volatile String problem;

        Client(int id, byte[] payload) {
            this.id = id;
            this.payload = payload;
        }

        void connect() throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setReceiveBufferSize(1 << 20);
            socket.setSendBufferSize(1 << 20);
            String greeting = readLine(socket.getInputStream());
            if (!greeting.startsWith("* ")) {
                throw new IOException("client " + id + " was not greeted: " + greeting);
            }
        }

        void send(CountDownLatch go) {
            try {
                go.await();
                OutputStream out = socket.getOutputStream();
                for (int at = 0; at < payload.length; at += 64 * 1024) {
                    out.write(payload, at, Math.min(64 * 1024, payload.length - at));
                }
                out.flush();
                socket.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                problem = "send: " + e;
            }
        }

        /** Counts reply lines; a line other than {@code +OK logged} is a bad reply. */
        void drain() {
            byte[] buffer = new byte[256 * 1024];
            int lineLength = 0;
            boolean lineOk = true;
            long okCount = 0;
            long bad = 0;
            try {
                InputStream in = socket.getInputStream();
                int n;
                while (okCount + bad < lines && (n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            if (lineOk && lineLength == OK.length) {
                                okCount++;
                            } else {
                                bad++;
                            }
                            lineLength = 0;
                            lineOk = true;
                        } else {
                            lineOk &= lineLength < OK.length && OK[lineLength] == b;
                            lineLength++;
                        }
                    }
                    okReplies = okCount;
                    badReplies = bad;
                }
                repliesDoneAt = System.nanoTime();
            } catch (IOException e) {
                if (okCount + bad < lines) {
                    problem = "read: " + e;
                }
            }
            okReplies = okCount;
            badReplies = bad;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }

    /** Follows the log from an offset and checks every {@code User input:} line against what was sent. */
    private final class LogFollower {
        private final long from;
        private final BitSet[] seen;
        private final byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        private final byte[] expected;
        long duplicates;
        long altered;
        long lastFoundAt;
        private long found;

        LogFollower(long from) {
            this.from = from;
            this.seen = new BitSet[clients + 1];
            for (int c = 1; c <= clients; c++) {
                seen[c] = new BitSet(lines);
            }
            this.expected = new byte[bytes];
        }

        long found() {
            return found;
        }

        /**
         * Reads until every expected line was found, or until nothing new arrived for 10 s after
         * the last reply (or the overall time-out): what is missing then is lost.
         */
        void follow(long start, List<Client> all) throws IOException, InterruptedException {
            long total = (long) clients * lines;
            ByteBuffer buffer = ByteBuffer.allocate(4 << 20);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
                long position = from;
                long lastProgress = System.nanoTime();
                while (found < total) {
                    int n = channel.read(buffer, position);
                    long now = System.nanoTime();
                    if (n > 0) {
                        position += n;
                        lastProgress = now;
                        buffer.flip();
                        scan(buffer, now);
                        buffer.compact();
                        continue;
                    }
                    boolean clientsDone = all.stream().allMatch(c -> c.repliesDoneAt != 0 || c.problem != null);
                    if (now - start > timeoutNanos || (clientsDone && now - lastProgress > 10_000_000_000L)) {
                        return;
                    }
                    Thread.sleep(1);
                }
            }
        }

        /** Consumes the complete lines in {@code buffer}; a partial last line stays for the next read. */
        private void scan(ByteBuffer buffer, long now) {
            byte[] data = buffer.array();
            int lineStart = buffer.position();
            int limit = buffer.limit();
            for (int i = lineStart; i < limit; i++) {
                if (data[i] == '\n') {
                    check(data, lineStart, i, now);
                    lineStart = i + 1;
                }
            }
            buffer.position(lineStart);
        }

        private void check(byte[] data, int start, int end, long now) {
            int text = indexOf(data, start, end, marker);
            if (text < 0) {
                return;
            }
            text += marker.length;
            ParsedId id = parse(data, text, end);
            if (id == null) {
                return;
            }
            content(id.client, id.seq, expected, 0);
            if (end - text != bytes || !Arrays.equals(data, text, end, expected, 0, bytes)) {
                altered++;
            } else if (seen[id.client].get(id.seq)) {
                duplicates++;
            } else {
                seen[id.client].set(id.seq);
                found++;
                lastFoundAt = now;
            }
        }

        private record ParsedId(int client, int seq) {
        }

        /** The client and sequence number of an {@code ingest-C-SSSSSSSSS-} line; null for other lines. */
        private ParsedId parse(byte[] data, int at, int end) {
            if (end - at < PREFIX.length || !Arrays.equals(data, at, at + PREFIX.length, PREFIX, 0, PREFIX.length)) {
                return null;
            }
            int i = at + PREFIX.length;
            int client = 0;
            while (i < end && i - at < 16 && data[i] >= '0' && data[i] <= '9') {
                client = client * 10 + data[i++] - '0';
            }
            if (i >= end || data[i++] != '-') {
                return null;
            }
            int seq = 0;
            int digits = 0;
            while (i < end && digits < 9 && data[i] >= '0' && data[i] <= '9') {
                seq = seq * 10 + data[i++] - '0';
                digits++;
            }
            return digits == 9 && client >= 1 && client <= clients && seq < lines ? new ParsedId(client, seq) : null;
        }

        private static int indexOf(byte[] data, int from, int to, byte[] what) {
            outer:
            for (int i = from; i <= to - what.length; i++) {
                for (int k = 0; k < what.length; k++) {
                    if (data[i + k] != what[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
