package dev.mediapipeline.domain.upload;

import java.util.Objects;
import java.util.Set;

/** An authenticated caller: who it is and which roles it holds. Authentication happens at the edge. */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
