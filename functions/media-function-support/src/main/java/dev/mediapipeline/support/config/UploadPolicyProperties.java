package dev.mediapipeline.support.config;

import dev.mediapipeline.domain.upload.FolderRule;
import dev.mediapipeline.domain.upload.UploadPolicy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code media.upload.*} → the domain's {@link UploadPolicy}, with messages that name the property to fix. The
 * configured folders replace the built-in ones; with {@code media.upload.default-folders=true} they are merged over
 * them instead (so {@code MEDIA_UPLOAD_FOLDERS_AVATARS_TARGET=cloudinary} alone moves avatars and keeps the rest).
 * With no folder configured the built-in ones apply, unless {@code media.upload.default-folders=false}.
 */
final class UploadPolicyProperties {

    private UploadPolicyProperties() {
    }

    static UploadPolicy toPolicy(MediaProperties.Upload upload) {
        try {
            FolderRule.checkKeyPrefix(upload.keyPrefix());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("media.upload.key-prefix: " + e.getMessage(), e);
        }
        boolean withBuiltIn = upload.defaultFolders() == null ? upload.folders().isEmpty() : upload.defaultFolders();
        Map<String, FolderRule> builtIn = withBuiltIn ? UploadPolicy.defaults().folders() : Map.of();
        Map<String, FolderRule> rules = new LinkedHashMap<>();
        builtIn.forEach((name, rule) -> rules.put(name, new FolderRule(name, rule.maxBytesByType(), rule.roles(),
                upload.keyPrefix(), null)));
        upload.folders().forEach((folder, settings) -> rules.put(folder,
                toRule(folder, settings, builtIn.get(folder), upload.keyPrefix())));
        if (rules.isEmpty()) {
            throw new IllegalStateException("media.upload.default-folders is false and no media.upload.folders.* is "
                    + "configured: no upload could ever be signed; configure at least one folder");
        }
        return new UploadPolicy(rules);
    }

    private static FolderRule toRule(String folder, MediaProperties.Folder settings, FolderRule builtIn,
                                     String defaultPrefix) {
        Map<String, Long> caps = new LinkedHashMap<>();
        if (settings.types() != null) {
            settings.types().forEach((type, size) -> caps.put(type, size.toBytes()));
        }
        if (caps.isEmpty() && builtIn != null) {
            caps.putAll(builtIn.maxBytesByType());
        }
        if (caps.isEmpty()) {
            throw new IllegalStateException("media.upload.folders." + folder + ".types is empty: give each allowed "
                    + "content type its cap, e.g. media.upload.folders." + folder + ".types[image/jpeg]=5MB");
        }
        Set<String> roles = settings.roles() == null || settings.roles().isEmpty()
                ? (builtIn == null ? Set.of() : builtIn.roles()) : new LinkedHashSet<>(settings.roles());
        String prefix = settings.keyPrefix() == null || settings.keyPrefix().isBlank() ? defaultPrefix : settings.keyPrefix();
        try {
            return new FolderRule(folder, caps, roles, prefix, settings.target());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("media.upload.folders." + folder + ": " + e.getMessage(), e);
        }
    }
}
