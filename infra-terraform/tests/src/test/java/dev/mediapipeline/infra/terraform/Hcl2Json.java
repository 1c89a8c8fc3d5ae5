package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses .tf files with the npm package {@code @cdktf/hcl2json} (HashiCorp's HCL parser compiled to
 * WebAssembly), installed once into target/. Expressions stay as written ({@code "${var.x}"}), which is
 * what structural checks want: a Java HCL library that evaluates them would lose the references.
 */
final class Hcl2Json {

    private static final String SCRIPT = """
            const { parse } = require('@cdktf/hcl2json');
            const fs = require('fs');
            (async () => {
              const out = {};
              for (const file of process.argv.slice(2)) {
                out[file] = await parse(file, fs.readFileSync(file, 'utf8'));
              }
              process.stdout.write(JSON.stringify(out));
            })().catch(e => { console.error(String(e)); process.exit(1); });
            """;

    private final Path node;
    private final Path installDir;

    private Hcl2Json(Path node, Path installDir) {
        this.node = node;
        this.installDir = installDir;
    }

    /** Empty with the reason when node/npm are missing or the package cannot be installed. */
    static Result<Hcl2Json> install(Path workDir, String version) {
        Optional<Path> node = Commands.onPath("node");
        Optional<Path> npm = Commands.onPath("npm");
        if (node.isEmpty() || npm.isEmpty()) {
            return Result.missing("node and npm are needed to parse HCL with @cdktf/hcl2json; they are not on the PATH");
        }
        Path installDir = workDir.resolve("hcl2json-" + version);
        Path installed = installDir.resolve("node_modules/@cdktf/hcl2json/package.json");
        if (!Files.exists(installed)) {
            CommandResult npmInstall = Commands.run(
                    List.of(npm.get().toString(), "install", "--prefix", installDir.toString(), "--no-audit",
                            "--no-fund", "--no-save", "@cdktf/hcl2json@" + version),
                    createDirectories(installDir), Map.of(), Duration.ofMinutes(3));
            if (!npmInstall.succeeded() || !Files.exists(installed)) {
                return Result.missing("npm could not install @cdktf/hcl2json@" + version + ": " + npmInstall.output());
            }
        }
        return Result.of(new Hcl2Json(node.get(), installDir));
    }

    Map<Path, JsonNode> parse(List<Path> files) {
        try {
            Path script = installDir.resolve("parse.js");
            Files.writeString(script, SCRIPT);
            List<String> command = new ArrayList<>(List.of(node.toString(), script.toString()));
            files.forEach(file -> command.add(file.toString()));
            CommandResult result = Commands.run(command, installDir, Map.of(), Duration.ofMinutes(1));
            if (!result.succeeded()) {
                throw new IllegalStateException("hcl2json failed: " + result.output());
            }
            JsonNode parsed = new ObjectMapper().readTree(result.output());
            Map<Path, JsonNode> byFile = new LinkedHashMap<>();
            parsed.fields().forEachRemaining(entry -> byFile.put(Path.of(entry.getKey()), entry.getValue()));
            return byFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value, or the reason there is none. */
    record Result<T>(T value, String reason) {

        static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> missing(String reason) {
            return new Result<>(null, reason);
        }

        boolean present() {
            return value != null;
        }
    }
}
