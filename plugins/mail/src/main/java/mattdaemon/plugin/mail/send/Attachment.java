package mattdaemon.plugin.mail.send;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A file attached to a mail, read when the mail is sent; a file larger than {@code maxBytes}
 * is cut to its last {@code maxBytes} (the end of a log is what matters).
 *
 * @param fileName name shown in the mail
 * @param source   the file
 * @param maxBytes most bytes attached
 */
public record Attachment(String fileName, Path source, long maxBytes) {

    /** The bytes to attach. */
    public byte[] read() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - maxBytes);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            return bytes;
        }
    }
}
