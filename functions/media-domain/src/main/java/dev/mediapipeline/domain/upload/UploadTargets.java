package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.port.UploadSigner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The upload signers this deployment has, by target name, and which one each folder uses: the folder's own
 * {@code target} or the default. Built once at startup; {@link #of} refuses a configuration that names a target
 * nobody can sign for, so a typo fails the deployment instead of the first upload.
 */
public final class UploadTargets {

    /** Never the implicit default: a Cloudinary account is often configured for other functions' sake. */
    static final String OPT_IN_TARGET = "cloudinary";

    private final Map<String, UploadSigner> signers;
    private final String defaultTarget;

    private UploadTargets(Map<String, UploadSigner> signers, String defaultTarget) {
        this.signers = signers;
        this.defaultTarget = defaultTarget;
    }

    /** One signer, the default of every folder. */
    public static UploadTargets single(UploadSigner signer) {
        return new UploadTargets(Map.of(signer.target(), signer), signer.target());
    }

    /**
     * @param defaultTarget the configured default; null or blank picks the only signer, or the only one that is not
     *                      {@code cloudinary}
     * @throws IllegalStateException saying what to configure when a target has no signer or the default is ambiguous
     */
    public static UploadTargets of(Collection<UploadSigner> available, String defaultTarget, UploadPolicy policy) {
        Map<String, UploadSigner> byName = new LinkedHashMap<>();
        for (UploadSigner signer : available) {
            UploadSigner clash = byName.putIfAbsent(signer.target(), signer);
            if (clash != null) {
                throw new IllegalStateException("two upload signers claim the target '" + signer.target() + "': "
                        + clash.getClass().getName() + " and " + signer.getClass().getName() + "; keep one");
            }
        }
        String chosen = chooseDefault(byName, defaultTarget);
        List<String> problems = new ArrayList<>();
        policy.folders().values().forEach(rule -> rule.targetName().filter(name -> !byName.containsKey(name))
                .ifPresent(name -> problems.add("folder '" + rule.folder() + "' names target '" + name + "'")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems) + ", but this deployment can only sign for "
                    + names(byName) + ". Configure that target's signer (see the sign-upload README) or change the "
                    + "folder's 'target'");
        }
        return new UploadTargets(Map.copyOf(byName), chosen);
    }

    private static String chooseDefault(Map<String, UploadSigner> byName, String configured) {
        if (byName.isEmpty()) {
            throw new IllegalStateException("no upload signer is configured: sign-upload needs at least one target "
                    + "(s3, gcs, cloudinary or local)");
        }
        if (configured != null && !configured.isBlank()) {
            if (!byName.containsKey(configured)) {
                throw new IllegalStateException("MEDIA_UPLOAD_TARGET (media.upload.target) is '" + configured
                        + "', but this deployment can only sign for " + names(byName));
            }
            return configured;
        }
        if (byName.size() == 1) {
            return byName.keySet().iterator().next();
        }
        List<String> implicit = byName.keySet().stream().filter(name -> !name.equals(OPT_IN_TARGET)).toList();
        if (implicit.size() == 1) {
            return implicit.get(0);
        }
        throw new IllegalStateException("several upload targets are available (" + names(byName)
                + "): set MEDIA_UPLOAD_TARGET (media.upload.target) to the default one");
    }

    private static String names(Map<String, UploadSigner> byName) {
        return byName.isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(byName.keySet()));
    }

    /** The signer of a folder: its own target, or the default. */
    public UploadSigner signerFor(FolderRule rule) {
        String name = rule.targetName().orElse(defaultTarget);
        return Optional.ofNullable(signers.get(name)).orElseThrow(() -> new IllegalStateException(
                "folder '" + rule.folder() + "' names target '" + name + "', which has no signer here"));
    }

    public String defaultTarget() {
        return defaultTarget;
    }

    public Map<String, UploadSigner> signers() {
        return signers;
    }

    @Override
    public String toString() {
        return "UploadTargets" + new TreeSet<>(signers.keySet()) + " default " + Objects.toString(defaultTarget);
    }
}
