package dev.mediapipeline.infra.terraform;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seven functions and every spelling derived from the one verb-noun name, with the environment the
 * deployment contract says each deployable reads.
 */
enum FunctionName {
    SIGN_UPLOAD("sign-upload", Set.of(Uses.DATABASE, Uses.JWT, Uses.UPLOAD, Uses.ORIGINALS, Uses.SIGNER)),
    VERIFY_WEBHOOK("verify-webhook", Set.of(Uses.CLOUDINARY, Uses.WEBHOOK_QUEUE)),
    APPLY_WEBHOOK_EVENT("apply-webhook-event", Set.of(Uses.DATABASE)),
    MAKE_THUMBNAIL("make-thumbnail", Set.of(Uses.DATABASE, Uses.ORIGINALS, Uses.DERIVED, Uses.EVENTS, Uses.PUBLIC_URL)),
    EXTRACT_TEXT("extract-text", Set.of(Uses.DATABASE, Uses.ORIGINALS, Uses.DERIVED, Uses.EVENTS)),
    POLL_USAGE("poll-usage", Set.of(Uses.DATABASE, Uses.CLOUDINARY, Uses.ORIGINALS, Uses.DERIVED)),
    CLEAN_UP_ASSETS("clean-up-assets", Set.of(Uses.DATABASE, Uses.CLOUDINARY, Uses.ORIGINALS, Uses.DERIVED));

    static final List<FunctionName> ALL = List.of(values());

    /** Secret environment variable => key of the secret in the stacks' secret maps. */
    static final java.util.Map<String, String> SECRET_KEYS = java.util.Map.of(
            "SPRING_DATASOURCE_PASSWORD", "database_password",
            "MEDIA_AUTH_JWT_SECRET", "jwt_secret",
            "CLOUDINARY_URL", "cloudinary_url");

    private enum Uses { DATABASE, JWT, CLOUDINARY, UPLOAD, PUBLIC_URL, ORIGINALS, DERIVED, EVENTS, WEBHOOK_QUEUE, SIGNER }

    private final String module;
    private final Set<Uses> uses;

    FunctionName(String module, Set<Uses> uses) {
        this.module = module;
        this.uses = uses;
    }

    String module() {
        return module;
    }

    /** Terraform's spelling: module "make_thumbnail". */
    String terraformName() {
        return module.replace('-', '_');
    }

    /** Bean name: makeThumbnail. */
    String bean() {
        String camel = camel();
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }

    String awsMainClass() {
        return "dev.mediapipeline.fn." + module.replace("-", "") + ".aws." + camel() + "Lambda";
    }

    String gcpMainClass() {
        return "dev.mediapipeline.fn." + module.replace("-", "") + ".gcp." + camel() + "CloudFunction";
    }

    List<String> awsEnvironment() {
        return environment(true);
    }

    List<String> gcpEnvironment() {
        return environment(false);
    }

    /** Secret variables: never plain environment, always a secret reference. */
    List<String> secrets() {
        List<String> secrets = new java.util.ArrayList<>();
        if (uses.contains(Uses.DATABASE)) {
            secrets.add("SPRING_DATASOURCE_PASSWORD");
        }
        if (uses.contains(Uses.JWT)) {
            secrets.add("MEDIA_AUTH_JWT_SECRET");
        }
        if (uses.contains(Uses.CLOUDINARY)) {
            secrets.add("CLOUDINARY_URL");
        }
        return secrets;
    }

    private List<String> environment(boolean aws) {
        List<String> names = new java.util.ArrayList<>();
        if (uses.contains(Uses.DATABASE)) {
            names.addAll(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME"));
        }
        if (uses.contains(Uses.UPLOAD)) {
            names.addAll(List.of("MEDIA_UPLOAD_TARGET", "MEDIA_UPLOAD_ALLOWED_ORIGINS", "MEDIA_PUBLIC_BASE_URL"));
        }
        if (uses.contains(Uses.PUBLIC_URL)) {
            names.add("MEDIA_PUBLIC_BASE_URL");
        }
        String cloud = aws ? "MEDIA_AWS_" : "MEDIA_GCP_";
        if (uses.contains(Uses.ORIGINALS)) {
            names.add(cloud + "ORIGINALS_BUCKET");
        }
        if (uses.contains(Uses.DERIVED)) {
            names.add(cloud + "DERIVED_BUCKET");
        }
        if (uses.contains(Uses.EVENTS)) {
            names.add(aws ? "MEDIA_AWS_EVENTS_TOPIC_ARN" : "MEDIA_GCP_EVENTS_TOPIC");
        }
        if (uses.contains(Uses.WEBHOOK_QUEUE)) {
            names.add(aws ? "MEDIA_AWS_WEBHOOK_QUEUE_URL" : "MEDIA_GCP_WEBHOOK_TOPIC");
        }
        return names;
    }

    boolean signsUploadsAsItself() {
        return uses.contains(Uses.SIGNER);
    }

    private String camel() {
        return Arrays.stream(module.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return module;
    }
}
