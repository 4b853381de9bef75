package mattdaemon.api;

/** Version of this API; a plugin built against {@code 1.x} runs on any daemon offering {@code 1.y}, y >= x. */
public final class ApiVersion {
    /** The API version this jar implements; 1.1 added {@link Plugin}, the optional life cycle. */
    public static final String CURRENT = "1.1";

    private ApiVersion() {
    }
}
