package dev.mediapipeline.infra.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of infra-terraform under target/ where {@code terraform init} may write its lock files and data
 * directories, with a CLI configuration pointing at the provider mirror: the source tree stays untouched.
 */
final class TerraformWorkspace {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path terraform;
    private final Path root;
    private final Path cliConfig;

    private TerraformWorkspace(Path terraform, Path root, Path cliConfig) {
        this.terraform = terraform;
        this.root = root;
        this.cliConfig = cliConfig;
    }

    static TerraformWorkspace copyOf(Path sources, Path workDir, Path terraform, Path mirror) {
        Path root = workDir.resolve("src");
        try {
            deleteRecursively(root);
            copyTerraformFiles(sources, root);
            Path cliConfig = workDir.resolve("mirror.tfrc");
            Files.writeString(cliConfig, ProviderMirror.cliConfiguration(mirror));
            return new TerraformWorkspace(terraform, root, cliConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + sources + " to " + root, e);
        }
    }

    CommandResult initAndValidate(String directory) {
        CommandResult init = init(directory);
        if (!init.succeeded()) {
            return init;
        }
        return terraform(directory, "validate", "-no-color");
    }

    /**
     * Plans {@code directory} without any cloud: an override file gives the provider fake keys and turns off
     * its account lookups, and nothing is refreshed, so only the configuration is evaluated. Returns the JSON
     * plan ({@code terraform show -json}).
     */
    CommandResult planOffline(String directory, String providerOverride, String variables) {
        try {
            Files.writeString(root.resolve(directory).resolve("offline_override.tf"), providerOverride);
            Files.writeString(root.resolve(directory).resolve("offline.tfvars"), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandResult init = init(directory);
        if (!init.succeeded()) {
            return init;
        }
        CommandResult plan = terraform(directory, "plan", "-input=false", "-no-color", "-refresh=false",
                "-var-file=offline.tfvars", "-out=offline.plan");
        if (!plan.succeeded()) {
            return plan;
        }
        return terraform(directory, "show", "-json", "offline.plan");
    }

    private CommandResult init(String directory) {
        return terraform(directory, "init", "-backend=false", "-input=false", "-no-color");
    }

    private CommandResult terraform(String directory, String... args) {
        Map<String, String> env = Map.of(
                "TF_CLI_CONFIG_FILE", cliConfig.toString(),
                "TF_DATA_DIR", root.getParent().resolve("data").resolve(directory.replace('/', '-')).toString(),
                "TF_IN_AUTOMATION", "1",
                "CHECKPOINT_DISABLE", "1");
        List<String> command = new java.util.ArrayList<>(List.of(terraform.toString()));
        command.addAll(List.of(args));
        return Commands.run(command, root.resolve(directory), env, TIMEOUT);
    }

    private static void copyTerraformFiles(Path sources, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = sources.relativize(file);
                if (Files.isRegularFile(file) && file.toString().endsWith(".tf") && !isGenerated(relative)) {
                    Path copy = target.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static boolean isGenerated(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.startsWith("tests/") || path.contains(".terraform/");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
