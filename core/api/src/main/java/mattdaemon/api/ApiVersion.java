package mattdaemon.api;

/** Version of this API; a plugin built against {@code 1.x} runs on any daemon offering {@code 1.y}, y >= x. */
public final class ApiVersion {
    /** The API version this jar implements. */
    public static final String CURRENT = "1.0";

    private ApiVersion() {
    }
}
