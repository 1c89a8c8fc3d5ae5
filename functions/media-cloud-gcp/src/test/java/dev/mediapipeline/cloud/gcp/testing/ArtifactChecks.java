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
            assertThat(awsClasses(file)).as("AWS classes in " + jar).isEmpty();
        }
        return Files.size(jar);
    }

    private static List<String> awsClasses(JarFile jar) throws IOException {
        List<String> found = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (isAws(entry.getName())) {
                found.add(entry.getName());
            } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                try (InputStream nested = jar.getInputStream(entry); ZipInputStream classes = new ZipInputStream(nested)) {
                    for (ZipEntry inner = classes.getNextEntry(); inner != null; inner = classes.getNextEntry()) {
                        if (isAws(inner.getName())) {
                            found.add(entry.getName() + "!/" + inner.getName());
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean isAws(String name) {
        return name.startsWith("software/amazon/") || name.startsWith("com/amazonaws/");
    }
}
