package dev.mediapipeline.infra.terraform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unpacked provider mirror some machine images carry (registry.terraform.io/hashicorp/aws/...), so
 * {@code terraform init} works without reaching the registry. TF_PROVIDER_MIRROR names another one.
 */
final class ProviderMirror {

    static final String AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

    private ProviderMirror() {
    }

    static Optional<Path> withAwsProvider() {
        return candidates().stream().filter(dir -> Files.isDirectory(dir.resolve(AWS_PROVIDER))).findFirst();
    }

    static String searched() {
        return candidates().toString();
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("TF_PROVIDER_MIRROR");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String home = System.getProperty("user.home");
        candidates.add(Path.of("/opt/tf-plugins"));
        candidates.add(Path.of("/usr/share/terraform/plugins"));
        candidates.add(Path.of("/usr/local/share/terraform/plugins"));
        candidates.add(Path.of(home, ".terraform.d", "plugins"));
        candidates.add(Path.of(home, ".local", "share", "terraform", "plugins"));
        return candidates;
    }

    /** A CLI configuration that installs hashicorp providers from the mirror only, never from the network. */
    static String cliConfiguration(Path mirror) {
        String path = mirror.toAbsolutePath().toString().replace("\\", "/");
        return """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/*"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/hashicorp/*"]
                  }
                }
                """.formatted(path);
    }
}
