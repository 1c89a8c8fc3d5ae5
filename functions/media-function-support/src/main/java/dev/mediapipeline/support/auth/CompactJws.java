package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A compact JWS split into its parts (RFC 7515 §7.1), before any signature check: the header says which key and
 * algorithm to check with, the signing input and signature are what gets checked, the payload is read only after.
 */
record CompactJws(JsonNode header, String encodedPayload, byte[] signingInput, byte[] signature) {

    static final int MAX_TOKEN_LENGTH = 8 * 1024;
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    static CompactJws parse(String token, ObjectMapper json) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new UnauthenticatedException("the token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new UnauthenticatedException("the token is not a compact JWS (header.payload.signature)");
        }
        JsonNode header = decodeObject(parts[0], "header", json);
        byte[] signature;
        try {
            signature = B64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("the token signature is not base64url");
        }
        return new CompactJws(header, parts[1], (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                signature);
    }

    String algorithm() {
        return header.path("alg").asText("");
    }

    /** The key id, or empty when the token names none. */
    String keyId() {
        return header.path("kid").asText("");
    }

    /** Read only once the signature has been verified. */
    JsonNode claims(ObjectMapper json) {
        return decodeObject(encodedPayload, "payload", json);
    }

    private static JsonNode decodeObject(String part, String name, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(B64.decode(part));
            if (node == null || !node.isObject()) {
                throw new UnauthenticatedException("the token " + name + " is not a JSON object");
            }
            return node;
        } catch (UnauthenticatedException e) {
            throw e;
        } catch (Exception e) {
            throw new UnauthenticatedException("the token " + name + " is not base64url JSON");
        }
    }
}
