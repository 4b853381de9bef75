/*
 * The native load generator and sinks of bench/run (built by bench/run with gcc).
 *
 *   load free-port
 *       prints a loopback TCP port nobody listens on
 *   load flood --port P [--log FILE] [--clients 3] [--lines 200000] [--bytes 64]
 *              [--greeting] [--replies] [--timeout 300]
 *       each client pipelines its lines (64 KiB writes) and then shuts down its sending side.
 *       --greeting: read the server's "* ..." greeting first, before the clock starts.
 *       --replies: a reader thread per client checks one "+OK logged" per line.
 *       --log: follow FILE from its size before the run and match every
 *       "[DD/MM/YYYY-HH:MM:SS] [ LOG ] - Matt_daemon: User input: <line>" against what was sent;
 *       the clock stops when the last expected line is in the file. Without --log it stops when
 *       every reply is in (--replies) or when the server has closed every connection.
 *       Prints key=value results.
 *   load latency --port P [--seconds 3] [--bytes 64] [--flood]
 *       three clients connect (and are greeted); client 1 floods pipelined lines (with --flood),
 *       client 2 sends one line at a time and times each until its "+OK logged", client 3 stays
 *       connected and quiet. Prints the round trip percentiles in microseconds.
 *   load sink --port P (--discard | --ack | --out FILE)
 *       a trivial server, one thread per connection: --discard reads and drops (closing at the
 *       client's end of input), --ack greets and answers "+OK logged" per line, --out writes each
 *       line to FILE in the daemon's log format, one write per read. Runs until SIGTERM.
 *
 * Every line of client C, number S, is "ingest-C-SSSSSSSSS-" followed by letters up to --bytes
 * bytes: unique, plain ASCII, and rebuildable from its prefix (the same lines as the daemon's
 * e2e tests would log unescaped).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char PREFIX[] = "ingest-";
static const char OK[] = "+OK logged\n";
/* "[24/11/2026-18:42:11]" is 21 bytes, then this */
static const char MIDDLE[] = " [ LOG ] - Matt_daemon: User input: ";
#define STAMP_LEN 21

static int port, clients = 3, lines = 200000, bytes = 64, greeting, replies, timeout_s = 300;
static const char *log_path;

static void die(const char *what) {
    perror(what);
    exit(1);
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void content(int client, int seq, char *into) {
    int i = sprintf(into, "ingest-%d-%09d-", client, seq);
    for (; i < bytes; i++) into[i] = (char)('a' + (seq + i) % 26);
}

static int connect_to(int p) {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)p)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    uint64_t deadline = now_ns() + 10000000000ull;   /* the server may still be starting */
    for (;;) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) die("socket");
        if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
            int one = 1, size = 1 << 20;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
            setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
            return fd;
        }
        close(fd);
        if (errno != ECONNREFUSED || now_ns() > deadline) die("connect");
        usleep(10000);
    }
}

/* Reads one line byte by byte (greetings only); returns its length. */
static int read_line(int fd, char *line, int size) {
    int n = 0;
    char c;
    while (read(fd, &c, 1) == 1 && c != '\n')
        if (n < size - 1) line[n++] = c;
    line[n] = 0;
    return n;
}

/* Connects and reads the greeting; a server still holding the slots of the last run's clients
 * (it frees them once it has seen them go) is asked again. */
static int connect_greeted(int p) {
    char line[256];
    for (int attempt = 0;; attempt++) {
        int fd = connect_to(p);
        read_line(fd, line, sizeof line);
        if (line[0] == '*' && line[1] == ' ') return fd;
        close(fd);
        if (strncmp(line, "-ERR MAXCLIENTS", 15) != 0 || attempt == 1000) {
            fprintf(stderr, "not greeted: %s\n", line);
            exit(1);
        }
        usleep(10000);
    }
}

static void write_all(int fd, const char *data, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("write");
        }
        data += n;
        length -= (size_t)n;
    }
}

/* ---- flood ---- */

struct client {
    int id, fd;
    char *payload;
    size_t size;
    pthread_t sender, reader;
    atomic_long ok, bad;
    atomic_ullong done_at;   /* replies all in (or server closed) */
};

static pthread_barrier_t go;

static void *send_payload(void *arg) {
    struct client *c = arg;
    pthread_barrier_wait(&go);
    for (size_t at = 0; at < c->size; at += 65536) {
        size_t n = c->size - at < 65536 ? c->size - at : 65536;
        write_all(c->fd, c->payload + at, n);
    }
    shutdown(c->fd, SHUT_WR);
    return NULL;
}

/* Counts reply lines (one "+OK logged" per line sent), or just waits for the server's close. */
static void *drain(void *arg) {
    struct client *c = arg;
    static __thread char buffer[256 * 1024];
    long ok = 0, bad = 0;
    int at = 0, good = 1;
    ssize_t n;
    while ((!replies || ok + bad < lines) && (n = read(c->fd, buffer, sizeof buffer)) > 0) {
        if (!replies) continue;
        for (ssize_t i = 0; i < n; i++) {
            char b = buffer[i];
            if (b == '\n') {
                if (good && at == (int)sizeof OK - 2) ok++; else bad++;
                at = 0;
                good = 1;
            } else {
                good &= at < (int)sizeof OK - 2 && OK[at] == b;
                at++;
            }
        }
        atomic_store(&c->ok, ok);
        atomic_store(&c->bad, bad);
    }
    atomic_store(&c->ok, ok);
    atomic_store(&c->bad, bad);
    atomic_store(&c->done_at, now_ns());
    return NULL;
}

/* Follows the log and checks every User input line; returns when all are found or given up. */
struct follower {
    unsigned char **seen;
    long found, duplicates, altered, malformed;
    uint64_t last_found_at;
};

static int digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int well_formed_stamp(const char *s) {   /* [DD/MM/YYYY-HH:MM:SS] */
    return s[0] == '[' && digits(s + 1, 2) && s[3] == '/' && digits(s + 4, 2) && s[6] == '/' && digits(s + 7, 4) &&
           s[11] == '-' && digits(s + 12, 2) && s[14] == ':' && digits(s + 15, 2) && s[17] == ':' &&
           digits(s + 18, 2) && s[20] == ']';
}

/* Whether text[0..length) is line seq of client, as content() makes it (without building it). */
static int is_content(const char *text, size_t length, int client, int seq, int at) {
    if (length != (size_t)bytes) return 0;
    int letter = (seq + at) % 26;
    for (int i = at; i < bytes; i++) {
        if (text[i] != 'a' + letter) return 0;
        if (++letter == 26) letter = 0;
    }
    return client > 0;
}

static void check(struct follower *f, const char *line, size_t length, uint64_t now) {
    static char last_stamp[STAMP_LEN];
    const size_t head = STAMP_LEN + sizeof MIDDLE - 1;
    if (length < head + sizeof PREFIX - 1 || memcmp(line + STAMP_LEN, MIDDLE, sizeof MIDDLE - 1) != 0 ||
        memcmp(line + head, PREFIX, sizeof PREFIX - 1) != 0) {
        if (memmem(line, length, PREFIX, sizeof PREFIX - 1)) f->malformed++;   /* ours, but not in the format */
        return;
    }
    if (memcmp(line, last_stamp, STAMP_LEN) != 0) {   /* the time stamp changes once a second */
        if (!well_formed_stamp(line)) {
            f->malformed++;
            return;
        }
        memcpy(last_stamp, line, STAMP_LEN);
    }
    const char *text = line + head, *end = line + length;
    int client = 0, seq = 0;
    const char *p = text + sizeof PREFIX - 1;
    while (p < end && *p >= '0' && *p <= '9' && p - text < 16) client = client * 10 + *p++ - '0';
    if (p >= end || *p++ != '-' || end - p < 10 || !digits(p, 9) || p[9] != '-') {
        f->altered++;
        return;
    }
    for (int i = 0; i < 9; i++) seq = seq * 10 + p[i] - '0';
    if (client < 1 || client > clients || seq >= lines ||
        !is_content(text, (size_t)(end - text), client, seq, (int)(p + 10 - text))) {
        f->altered++;
    } else if (f->seen[client][seq]) {
        f->duplicates++;
    } else {
        f->seen[client][seq] = 1;
        f->found++;
        f->last_found_at = now;
    }
}

static int all_done(struct client *all) {
    for (int c = 0; c < clients; c++)
        if (!atomic_load(&all[c].done_at)) return 0;
    return 1;
}

static void follow(struct follower *f, off_t from, uint64_t start, struct client *all) {
    long total = (long)clients * lines;
    size_t size = 4 << 20;
    char *buffer = malloc(size);
    size_t kept = 0;
    int fd = -1;
    off_t position = from;
    uint64_t last_progress = now_ns();
    while (f->found < total) {
        uint64_t now = now_ns();
        if (fd < 0) fd = open(log_path, O_RDONLY);   /* rsyslog and the sink make it at their first line */
        ssize_t n = fd < 0 ? 0 : pread(fd, buffer + kept, size - kept, position);
        if (n > 0) {
            position += n;
            last_progress = now;
            size_t have = kept + (size_t)n, line = 0;
            char *nl;
            while ((nl = memchr(buffer + line, '\n', have - line)) != NULL) {
                check(f, buffer + line, (size_t)(nl - (buffer + line)), now);
                line = (size_t)(nl - buffer) + 1;
            }
            kept = have - line;
            memmove(buffer, buffer + line, kept);
            continue;
        }
        if (now - start > (uint64_t)timeout_s * 1000000000ull ||
            (all_done(all) && now - last_progress > 10000000000ull))
            break;
        usleep(200);
    }
    if (fd >= 0) close(fd);
    free(buffer);
}

static int flood(void) {
    struct client *all = calloc((size_t)clients, sizeof *all);
    for (int c = 0; c < clients; c++) {
        all[c].id = c + 1;
        all[c].size = (size_t)lines * (size_t)(bytes + 1);
        all[c].payload = malloc(all[c].size);
        for (int s = 0; s < lines; s++) {
            char *at = all[c].payload + (size_t)s * (size_t)(bytes + 1);
            char line[4096];
            content(c + 1, s, line);
            memcpy(at, line, (size_t)bytes);
            at[bytes] = '\n';
        }
    }
    off_t from = 0;
    struct stat st;
    if (log_path && stat(log_path, &st) == 0) from = st.st_size;
    for (int c = 0; c < clients; c++) {
        all[c].fd = greeting ? connect_greeted(port) : connect_to(port);
    }
    struct follower f = {0};
    if (log_path) {
        f.seen = calloc((size_t)clients + 1, sizeof *f.seen);
        for (int c = 1; c <= clients; c++) f.seen[c] = calloc((size_t)lines, 1);
    }
    pthread_barrier_init(&go, NULL, (unsigned)clients + 1);
    for (int c = 0; c < clients; c++) {
        pthread_create(&all[c].sender, NULL, send_payload, &all[c]);
        pthread_create(&all[c].reader, NULL, drain, &all[c]);
    }
    pthread_barrier_wait(&go);
    uint64_t start = now_ns();
    uint64_t end = 0;
    if (log_path) {
        follow(&f, from, start, all);
        end = f.last_found_at;
    }
    for (int c = 0; c < clients; c++) pthread_join(all[c].sender, NULL);
    if (!log_path || replies) {
        for (int c = 0; c < clients; c++) pthread_join(all[c].reader, NULL);
    }
    uint64_t replies_done = 0;
    long ok = 0, bad = 0;
    for (int c = 0; c < clients; c++) {
        uint64_t d = atomic_load(&all[c].done_at);
        if (d > replies_done) replies_done = d;
        ok += atomic_load(&all[c].ok);
        bad += atomic_load(&all[c].bad);
    }
    if (!log_path) end = replies_done;
    long expected = (long)clients * lines;
    printf("expected_lines=%ld\n", expected);
    if (log_path) {
        printf("found_lines=%ld\nlost_lines=%ld\nduplicate_lines=%ld\naltered_lines=%ld\nmalformed_lines=%ld\n",
               f.found, expected - f.found, f.duplicates, f.altered, f.malformed);
    }
    if (replies) printf("ok_replies=%ld\nbad_replies=%ld\n", ok, bad);
    int complete = log_path ? f.found == expected : (!replies || ok == expected);
    if (complete && end > start) {
        double seconds = (double)(end - start) / 1e9;
        printf("seconds=%.3f\nlines_per_second=%.0f\n", seconds, (double)expected / seconds);
    } else {
        printf("seconds=timeout\nlines_per_second=n/a\n");
    }
    if (replies && ok == expected && log_path)
        printf("seconds_to_replies=%.3f\n", (double)(replies_done - start) / 1e9);
    for (int c = 0; c < clients; c++) shutdown(all[c].fd, SHUT_RDWR);   /* readers still blocked end here */
    return 0;
}

/* ---- latency ---- */

static atomic_int stop_flood;

static void *flood_forever(void *arg) {
    int fd = *(int *)arg;
    size_t per = (size_t)bytes + 1, count = 1000;
    char *batch = malloc(per * count);
    for (size_t s = 0; s < count; s++) {
        content(1, (int)s, batch + s * per);
        batch[s * per + (size_t)bytes] = '\n';
    }
    while (!atomic_load(&stop_flood)) write_all(fd, batch, per * count);
    shutdown(fd, SHUT_WR);
    free(batch);
    return NULL;
}

static void *discard_replies(void *arg) {
    int fd = *(int *)arg;
    char buffer[65536];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
    return NULL;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int latency(double seconds, int with_flood) {
    int fds[3];
    for (int c = 0; c < 3; c++) {
        fds[c] = connect_greeted(port);
    }
    pthread_t flooder, drainer;
    if (with_flood) {
        pthread_create(&drainer, NULL, discard_replies, &fds[0]);
        pthread_create(&flooder, NULL, flood_forever, &fds[0]);
        usleep(200000);   /* let the flood get going */
    }
    size_t cap = 1 << 22, n = 0;
    uint64_t *samples = malloc(cap * sizeof *samples);
    char line[4096], reply[256];
    uint64_t until = now_ns() + (uint64_t)(seconds * 1e9);
    while (n < cap && now_ns() < until) {
        content(2, (int)n, line);
        line[bytes] = '\n';
        uint64_t t0 = now_ns();
        write_all(fds[1], line, (size_t)bytes + 1);
        int got = read_line(fds[1], reply, sizeof reply);
        uint64_t t1 = now_ns();
        if (got != (int)sizeof OK - 2 || memcmp(reply, OK, sizeof OK - 2) != 0) {
            fprintf(stderr, "unexpected reply: %s\n", reply);
            return 1;
        }
        samples[n++] = t1 - t0;
    }
    if (with_flood) {
        atomic_store(&stop_flood, 1);
        pthread_join(flooder, NULL);
        pthread_join(drainer, NULL);
    }
    qsort(samples, n, sizeof *samples, compare);
#define AT(q) ((double)samples[(size_t)((double)(n - 1) * (q))] / 1000.0)
    printf("samples=%zu\np50_us=%.1f\np90_us=%.1f\np99_us=%.1f\np999_us=%.1f\nmax_us=%.1f\n", n, AT(0.5), AT(0.9),
           AT(0.99), AT(0.999), AT(1.0));
    for (int c = 0; c < 3; c++) close(fds[c]);
    return 0;
}

/* ---- sinks ---- */

enum mode { DISCARD, ACK, OUT };
static enum mode sink_mode;
static int out_fd;

static void *serve(void *arg) {
    int fd = (int)(intptr_t)arg;
    size_t size = 256 * 1024;
    char *in = malloc(size), *out = malloc(size * 2), stamp[STAMP_LEN + 1];
    time_t stamped = 0;
    size_t kept = 0;
    ssize_t n;
    if (sink_mode == ACK) write_all(fd, "* sink ready\n", 13);
    while ((n = read(fd, in + kept, size - kept)) > 0) {
        if (sink_mode == DISCARD) continue;
        size_t have = kept + (size_t)n, line = 0, o = 0;
        time_t t = time(NULL);
        if (t != stamped) {   /* formatted once a second */
            struct tm tm;
            localtime_r(&t, &tm);
            strftime(stamp, sizeof stamp, "[%d/%m/%Y-%H:%M:%S]", &tm);
            stamped = t;
        }
        char *nl;
        while ((nl = memchr(in + line, '\n', have - line)) != NULL) {
            size_t length = (size_t)(nl - (in + line));
            if (o + length + 128 > 2 * size) {   /* short lines grow the most */
                write_all(sink_mode == ACK ? fd : out_fd, out, o);
                o = 0;
            }
            if (sink_mode == ACK) {
                memcpy(out + o, OK, sizeof OK - 1);
                o += sizeof OK - 1;
            } else {
                memcpy(out + o, stamp, STAMP_LEN);
                memcpy(out + o + STAMP_LEN, MIDDLE, sizeof MIDDLE - 1);
                o += STAMP_LEN + sizeof MIDDLE - 1;
                memcpy(out + o, in + line, length + 1);
                o += length + 1;
            }
            line += length + 1;
        }
        kept = have - line;
        memmove(in, in + line, kept);
        if (o > 0) write_all(sink_mode == ACK ? fd : out_fd, out, o);   /* O_APPEND: whole batches */
    }
    close(fd);
    free(in);
    free(out);
    return NULL;
}

static _Noreturn void sink(const char *out_path) {
    if (sink_mode == OUT) {
        out_fd = open(out_path, O_WRONLY | O_CREAT | O_APPEND, 0640);
        if (out_fd < 0) die(out_path);
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *)&a, sizeof a) < 0 || listen(listener, 64) < 0) die("listen");
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) continue;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_t t;
        pthread_create(&t, NULL, serve, (void *)(intptr_t)fd);
        pthread_detach(t);
    }
}

static int free_port(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof a;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || getsockname(fd, (struct sockaddr *)&a, &length) < 0)
        die("free-port");
    printf("%d\n", ntohs(a.sin_port));
    close(fd);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) goto usage;
    const char *out_path = NULL;
    double seconds = 3;
    int with_flood = 0;
    sink_mode = DISCARD;
    for (int i = 2; i < argc; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(o, "--greeting")) greeting = 1;
        else if (!strcmp(o, "--replies")) replies = 1;
        else if (!strcmp(o, "--flood")) with_flood = 1;
        else if (!strcmp(o, "--discard")) sink_mode = DISCARD;
        else if (!strcmp(o, "--ack")) sink_mode = ACK;
        else if (!v) goto usage;
        else if (!strcmp(o, "--port")) port = atoi(v), i++;
        else if (!strcmp(o, "--log")) log_path = v, i++;
        else if (!strcmp(o, "--clients")) clients = atoi(v), i++;
        else if (!strcmp(o, "--lines")) lines = atoi(v), i++;
        else if (!strcmp(o, "--bytes")) bytes = atoi(v), i++;
        else if (!strcmp(o, "--timeout")) timeout_s = atoi(v), i++;
        else if (!strcmp(o, "--seconds")) seconds = atof(v), i++;
        else if (!strcmp(o, "--out")) out_path = v, sink_mode = OUT, i++;
        else goto usage;
    }
    if (bytes < 32 || bytes > 4000 || clients < 1 || lines < 1 || lines > 999999999) goto usage;
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(argv[1], "free-port")) return free_port();
    if (port <= 0) goto usage;
    if (!strcmp(argv[1], "flood")) return flood();
    if (!strcmp(argv[1], "latency")) return latency(seconds, with_flood);
    if (!strcmp(argv[1], "sink")) sink(out_path);
usage:
    fprintf(stderr, "usage: load free-port | load flood --port P [--log FILE] [--clients N] [--lines N] [--bytes N]"
                    " [--greeting] [--replies] [--timeout S] | load latency --port P [--seconds S] [--bytes N] [--flood]"
                    " | load sink --port P (--discard | --ack | --out FILE)\n");
    return 2;
}
