package dev.mediapipeline.support.config;

import dev.mediapipeline.domain.upload.FolderRule;
import dev.mediapipeline.domain.upload.UploadPolicy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code media.upload.*} → the domain's {@link UploadPolicy}, with messages that name the property to fix. */
final class UploadPolicyProperties {

    private UploadPolicyProperties() {
    }

    static UploadPolicy toPolicy(MediaProperties.Upload upload) {
        if (upload.folders().isEmpty()) {
            Map<String, FolderRule> defaults = new LinkedHashMap<>();
            UploadPolicy.defaults().folders().forEach((name, rule) -> defaults.put(name, new FolderRule(name,
                    rule.maxBytesByType(), rule.roles(), upload.keyPrefix(), null)));
            return new UploadPolicy(defaults);
        }
        Map<String, FolderRule> rules = new LinkedHashMap<>();
        upload.folders().forEach((folder, settings) -> rules.put(folder, toRule(folder, settings, upload.keyPrefix())));
        return new UploadPolicy(rules);
    }

    private static FolderRule toRule(String folder, MediaProperties.Folder settings, String defaultPrefix) {
        if (settings.types() == null || settings.types().isEmpty()) {
            throw new IllegalStateException("media.upload.folders." + folder + ".types is empty: give each allowed "
                    + "content type its cap, e.g. media.upload.folders." + folder + ".types[image/jpeg]=5MB");
        }
        Map<String, Long> caps = new LinkedHashMap<>();
        settings.types().forEach((type, size) -> caps.put(type, size.toBytes()));
        List<String> roles = settings.roles() == null ? List.of() : settings.roles();
        String prefix = settings.keyPrefix() == null || settings.keyPrefix().isBlank() ? defaultPrefix : settings.keyPrefix();
        try {
            return new FolderRule(folder, caps, new LinkedHashSet<>(roles), prefix, settings.target());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("media.upload.folders." + folder + ": " + e.getMessage(), e);
        }
    }
}
