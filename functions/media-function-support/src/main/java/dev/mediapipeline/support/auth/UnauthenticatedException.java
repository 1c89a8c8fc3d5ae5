package dev.mediapipeline.support.auth;

/** No credentials, or credentials we cannot trust (HTTP 401). The message says which, without secrets. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
