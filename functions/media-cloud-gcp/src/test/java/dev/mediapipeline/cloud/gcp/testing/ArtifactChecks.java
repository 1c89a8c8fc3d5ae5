package dev.mediapipeline.cloud.gcp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a built GCP deployable must be: {@code target/<fn>-gcp.zip} holding only {@code <fn>-gcp.jar}, a jar whose
 * entry point is GcfJarLauncher and whose Start-Class is the function's main class, with no AWS library inside
 * (nested jars included).
 */
public final class ArtifactChecks {

    private ArtifactChecks() {
    }

    /** @return the jar's size in bytes */
    public static long check(String artifactId, Class<?> mainClass) throws IOException {
        Path target = Path.of("target");
        Path jar = target.resolve(artifactId + ".jar");
        try (ZipFile zip = new ZipFile(target.resolve(artifactId + ".zip").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly(artifactId + ".jar");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(DeployedFunctionProcess.LAUNCHER);
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo(mainClass.getName());
            assertThat(file.getEntry(DeployedFunctionProcess.LAUNCHER.replace('.', '/') + ".class")).isNotNull();
            List<String> classes = entries(file);
            assertThat(classes.stream().filter(ArtifactChecks::isAws)).as("AWS classes in " + jar).isEmpty();
            // OpenCensus (google-http-client's tracing, on every request) loads io.grpc.Context: without it the
            // credentials lookup on the metadata server fails with NoClassDefFoundError on Cloud Functions.
            if (classes.stream().anyMatch(name -> name.endsWith("io/opencensus/trace/unsafe/ContextManagerImpl.class"))) {
                assertThat(classes).as("io.grpc.Context in " + jar).anyMatch(name -> name.endsWith("io/grpc/Context.class"));
            }
        }
        return Files.size(jar);
    }

    /** Every entry of the jar, nested jars' entries as {@code <nested jar>!/<entry>}. */
    private static List<String> entries(JarFile jar) throws IOException {
        List<String> found = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            found.add(entry.getName());
            if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                try (InputStream nested = jar.getInputStream(entry); ZipInputStream classes = new ZipInputStream(nested)) {
                    for (ZipEntry inner = classes.getNextEntry(); inner != null; inner = classes.getNextEntry()) {
                        found.add(entry.getName() + "!/" + inner.getName());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isAws(String name) {
        String entry = name.substring(name.indexOf("!/") + 1).replaceFirst("^/", "");
        return entry.startsWith("software/amazon/") || entry.startsWith("com/amazonaws/");
    }
}
