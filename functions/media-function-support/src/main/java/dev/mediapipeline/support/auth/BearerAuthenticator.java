package dev.mediapipeline.support.auth;

import dev.mediapipeline.domain.upload.Caller;

/** Turns an {@code Authorization} header into the caller it proves, or refuses with {@link UnauthenticatedException}. */
@FunctionalInterface
public interface BearerAuthenticator {

    Caller authenticate(String authorizationHeader);

    /** The token of a {@code Bearer} header value. */
    static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new UnauthenticatedException("missing bearer token: send 'Authorization: Bearer <jwt>'");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthenticatedException("the Authorization header must use the Bearer scheme");
        }
        return authorizationHeader.substring(7).trim();
    }
}
