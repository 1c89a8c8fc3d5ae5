package dev.mediapipeline.domain.error;

import java.util.Set;

/** The caller is known but lacks the role the operation needs (HTTP 403). */
public class AccessDeniedException extends PipelineException {

    private final Set<String> requiredRoles;

    public AccessDeniedException(String message, Set<String> requiredRoles) {
        super(message, null);
        this.requiredRoles = Set.copyOf(requiredRoles);
    }

    public Set<String> requiredRoles() {
        return requiredRoles;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
