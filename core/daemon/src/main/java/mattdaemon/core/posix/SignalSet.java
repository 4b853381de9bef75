package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** An immutable set of signal numbers (1..64), convertible to a native {@code sigset_t}. */
public record SignalSet(long bits) {
    private static final long SIGSET_BYTES = 128;

    /** The set of the given signal numbers. */
    public static SignalSet of(int... signals) {
        return new SignalSet(Arrays.stream(signals).mapToLong(s -> 1L << (s - 1)).reduce(0L, (a, b) -> a | b));
    }

    /** Every signal. */
    public static SignalSet all() {
        return new SignalSet(-1L);
    }

    /** Whether {@code signal} is a member. */
    public boolean contains(int signal) {
        return (bits & (1L << (signal - 1))) != 0;
    }

    /** Whether every member of {@code other} is also a member of this set. */
    public boolean containsAll(SignalSet other) {
        return (bits & other.bits) == other.bits;
    }

    /** Linux's sigset_t: a bit array whose first 64 bits are signals 1..64. */
    MemorySegment toNative(Arena arena) {
        MemorySegment set = arena.allocate(SIGSET_BYTES, 8);
        set.set(JAVA_LONG, 0, bits);
        return set;
    }
}
