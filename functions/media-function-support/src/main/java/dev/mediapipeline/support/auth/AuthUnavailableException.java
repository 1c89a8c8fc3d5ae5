package dev.mediapipeline.support.auth;

/** Tokens cannot be checked right now (the identity provider's keys are unreachable): HTTP 503, a retry may help. */
public class AuthUnavailableException extends RuntimeException {

    public AuthUnavailableException(String message) {
        super(message);
    }
}
