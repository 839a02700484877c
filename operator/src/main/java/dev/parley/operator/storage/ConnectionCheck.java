package dev.parley.operator.storage;

/** The outcome of connecting to one server: its version, or why it could not be reached. */
public record ConnectionCheck(boolean reachable, String version, String problem) {

    public static ConnectionCheck ok(String version) {
        return new ConnectionCheck(true, version, null);
    }

    public static ConnectionCheck failed(String problem) {
        return new ConnectionCheck(false, null, problem);
    }
}
