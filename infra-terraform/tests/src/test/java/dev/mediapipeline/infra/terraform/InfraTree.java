package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.testkit.support.RequiredTools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every stack and module of infra-terraform, parsed once per test run. */
final class InfraTree {

    private static InfraTree loaded;
    private static String unavailableReason;

    private final Map<String, TerraformDirectory> directories;

    private InfraTree(Map<String, TerraformDirectory> directories) {
        this.directories = directories;
    }

    /** The parsed tree; skips the calling test with the reason (fails it in CI) when HCL cannot be parsed here. */
    static synchronized InfraTree get() {
        if (loaded == null && unavailableReason == null) {
            Hcl2Json.Result<Hcl2Json> parser = Hcl2Json.install(InfraPaths.workDir(), System.getProperty("hcl2json.version", "0.21.0"));
            if (parser.present()) {
                loaded = parse(parser.value(), InfraPaths.sources());
            } else {
                unavailableReason = parser.reason();
            }
        }
        RequiredTools.assumeAvailable(loaded != null, String.valueOf(unavailableReason));
        return loaded;
    }

    TerraformDirectory stack(String cloud) {
        return directory(cloud);
    }

    TerraformDirectory module(String name) {
        return directory("modules/" + name);
    }

    List<TerraformDirectory> all() {
        return List.copyOf(directories.values());
    }

    List<TerraformDirectory> modules() {
        return directories.values().stream().filter(dir -> dir.name().matches("modules/[^/]+")).toList();
    }

    private TerraformDirectory directory(String name) {
        TerraformDirectory directory = directories.get(name);
        if (directory == null) {
            throw new AssertionError("infra-terraform/" + name + " is missing (found " + directories.keySet() + ")");
        }
        return directory;
    }

    private static InfraTree parse(Hcl2Json parser, Path sources) {
        List<Path> files = terraformFiles(sources);
        Map<Path, JsonNode> parsed = parser.parse(files);
        Map<String, List<JsonNode>> byDirectory = new TreeMap<>();
        parsed.forEach((file, json) -> byDirectory
                .computeIfAbsent(sources.relativize(file.getParent()).toString().replace('\\', '/'), dir -> new ArrayList<>())
                .add(json));
        return new InfraTree(byDirectory.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> new TerraformDirectory(entry.getKey(), entry.getValue()),
                (a, b) -> a, TreeMap::new)));
    }

    private static List<Path> terraformFiles(Path sources) {
        try (Stream<Path> paths = Files.walk(sources)) {
            return paths.filter(path -> path.toString().endsWith(".tf"))
                    .filter(path -> !sources.relativize(path).toString().replace('\\', '/').startsWith("tests/"))
                    .filter(path -> !path.toString().contains(".terraform"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
