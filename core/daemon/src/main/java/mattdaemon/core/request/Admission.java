package mattdaemon.core.request;

/** How far a session must be let in before a command may run for it. */
public enum Admission {
    /** Only in a fully admitted session: over TLS when TLS is required, authenticated when a password is set. */
    ADMITTED,
    /** Before authentication, but over TLS when TLS is required ({@code auth}). */
    BEFORE_AUTHENTICATION,
    /** Any time, before TLS too ({@code starttls}). */
    ANY_TIME
}
