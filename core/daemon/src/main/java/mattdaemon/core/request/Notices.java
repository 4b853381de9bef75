package mattdaemon.core.request;

/** Tells sessions something outside any request of theirs, as {@code * text} notices. */
@FunctionalInterface
public interface Notices {

    /** Sends {@code text} to every connected session except session {@code sessionId}. */
    void toAllBut(long sessionId, String text);
}
