import com.google.api.core.ApiClock;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.mediapipeline.cloud.aws.S3PostPolicySigner;
import dev.mediapipeline.cloud.gcp.GcsPostPolicySigner;
import dev.mediapipeline.cloud.local.LocalUploadSigner;
import dev.mediapipeline.cloudinary.CloudinaryAccount;
import dev.mediapipeline.cloudinary.CloudinarySignature;
import dev.mediapipeline.cloudinary.CloudinaryUploadSigner;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.UploadGrant;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Signatures per second on one thread (one core) for each upload target, each next to a peer measured in the same run:
 * the JDK's raw primitive the target is built on (HMAC-SHA256 of a policy-sized text, RSA-SHA256 with a 2048-bit key,
 * SHA-256 of a parameter string). The ratio says how much the policy building, JSON and base64 around the primitive
 * cost. Usage: BenchSigning <results.md> [seconds per round] [rounds]
 */
public class BenchSigning {

    interface Operation {
        Object run(int i) throws Exception;
    }

    record Result(String name, double median, double min, double max) {
    }

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        double roundSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Instant now = Instant.now();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        AssetId id = AssetId.random();
        UploadGrant grant = new UploadGrant(id, "products", "originals/products/" + id + "/hero.jpg", "image/jpeg", 1,
                482_113, now.plus(Duration.ofMinutes(15)));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair serviceAccountKey = generator.generateKeyPair();

        UploadSigner local = new LocalUploadSigner("bench-local-upload-secret-of-32-bytes".getBytes(StandardCharsets.UTF_8),
                "http://localhost:8080/local-upload", clock);
        UploadSigner s3 = new S3PostPolicySigner("media-originals", Region.EU_WEST_1,
                S3PostPolicySigner.virtualHostedUrl("media-originals", Region.EU_WEST_1),
                StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIABENCHEXAMPLE",
                        "bench/secret/access/key/EXAMPLEKEY", "bench-session-token")), clock);
        UploadSigner gcs = new GcsPostPolicySigner(storage(serviceAccountKey, now), "media-originals",
                GcsPostPolicySigner.UrlStyle.VIRTUAL_HOSTED);
        UploadSigner cloudinary = new CloudinaryUploadSigner(new CloudinaryAccount("bench-cloud", "123456789012345",
                "bench-api-secret", null), CloudinarySignature.Algorithm.SHA256, null, clock);

        String policy = new String(java.util.Base64.getEncoder().encode(new byte[600]), StandardCharsets.US_ASCII);
        byte[] policyBytes = policy.getBytes(StandardCharsets.US_ASCII);
        byte[] hmacKey = new byte[32];
        Operation hmac = i -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(policyBytes);
        };
        Operation rsa = i -> {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(serviceAccountKey.getPrivate());
            signature.update(policyBytes);
            return signature.sign();
        };
        byte[] params = ("allowed_formats=jpg&folder=products&overwrite=false&public_id=" + id + "&timestamp="
                + now.getEpochSecond() + "bench-api-secret").getBytes(StandardCharsets.UTF_8);
        Operation sha256 = i -> MessageDigest.getInstance("SHA-256").digest(params);

        record Pair(String target, Operation operation, String peer, Operation peerOperation) {
        }
        List<Pair> pairs = List.of(
                new Pair("local (HMAC-SHA256 policy)", i -> local.sign(grant), "JDK HMAC-SHA256, 800-byte text", hmac),
                new Pair("s3 (SigV4 POST policy)", i -> s3.sign(grant), "JDK HMAC-SHA256, 800-byte text", hmac),
                new Pair("gcs (V4 POST policy, RSA key)", i -> gcs.sign(grant), "JDK SHA256withRSA, 2048-bit", rsa),
                new Pair("cloudinary (SHA-256 params)", i -> cloudinary.sign(grant), "JDK SHA-256 of the param string", sha256));

        List<String> rows = new ArrayList<>();
        for (Pair pair : pairs) {
            Result target = measure(pair.target(), pair.operation(), roundSeconds, rounds);
            Result peer = measure(pair.peer(), pair.peerOperation(), roundSeconds, rounds);
            rows.add(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f – %,.0f | %s | %,.0f | %.3f |", pair.target(),
                    target.median(), target.min(), target.max(), pair.peer(), peer.median(), target.median() / peer.median()));
        }
        write(results, rows, roundSeconds, rounds);
    }

    /** The GCS client signs locally with a service-account key: no network, like a key file. */
    private static Storage storage(KeyPair key, Instant now) {
        ApiClock fixed = new ApiClock() {
            @Override
            public long nanoTime() {
                return TimeUnit.MILLISECONDS.toNanos(now.toEpochMilli());
            }

            @Override
            public long millisTime() {
                return now.toEpochMilli();
            }
        };
        return StorageOptions.newBuilder().setProjectId("bench-project").setClock(fixed)
                .setCredentials(ServiceAccountCredentials.newBuilder().setClientEmail("sign-upload@bench-project.iam.gserviceaccount.com")
                        .setPrivateKey(key.getPrivate()).setPrivateKeyId("bench-key").setProjectId("bench-project").build())
                .build().getService();
    }

    private static Result measure(String name, Operation operation, double roundSeconds, int rounds) throws Exception {
        long warmUpEnd = System.nanoTime() + (long) (roundSeconds * 1e9);
        int i = 0;
        while (System.nanoTime() < warmUpEnd) {
            sink = operation.run(i++);
        }
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long end = start + (long) (roundSeconds * 1e9);
            long count = 0;
            long time;
            do {
                sink = operation.run(i++);
                count++;
                time = System.nanoTime();
            } while (time < end);
            rates[round] = count / ((time - start) / 1e9);
            System.err.printf(Locale.ROOT, "bench-signing: %-34s round %d/%d: %,.0f signatures/s%n", name, round + 1,
                    rounds, rates[round]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new Result(name, sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
    }

    private static void write(Path results, List<String> rows, double roundSeconds, int rounds) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Upload signing: signatures per second per core\n\n");
        out.append("Produced by `").append(System.getenv().getOrDefault("BENCH_COMMAND", "scripts/bench-signing"))
                .append("` on ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(".\n\n");
        out.append("- Machine: ").append(System.getenv().getOrDefault("BENCH_MACHINE", "?")).append("; load before the run ")
                .append(System.getenv().getOrDefault("BENCH_LOAD", "?")).append("\n");
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append("\n");
        out.append("- Method: one thread (so the figures are per core); for each target, a warm-up round, then ")
                .append(rounds).append(" rounds of ").append(roundSeconds).append(" s; the median round and the range. ")
                .append("Each target's peer (the JDK primitive it is built on) is measured right after it, in the same ")
                .append("process, so the ratio holds even on a busy machine.\n");
        out.append("- What one signature is: `UploadSigner.sign(grant)` for a 482,113-byte JPEG under ")
                .append("`originals/products/<asset>/hero.jpg`, returning the whole form (fields, URL, expiry). S3 with ")
                .append("session credentials (as on Lambda), GCS with a generated 2048-bit service-account key (a key file; ")
                .append("keyless signing through IAM signBlob adds a network round trip per signature and is not measured), ")
                .append("Cloudinary with SHA-256.\n\n");
        out.append("| target | signatures/s (median) | range | peer | peer ops/s (median) | target / peer |\n");
        out.append("|---|---:|---:|---|---:|---:|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        out.append("\nNot a test: nothing asserts these figures. Only the RSA signature of GCS costs as much as the work ")
                .append("around it (token check, catalog insert); the HMAC and hash targets are far cheaper. The figures ")
                .append("say how many sign requests one warm instance could sign if it did nothing else.\n");
        Files.createDirectories(results.getParent());
        Files.writeString(results, out);
    }
}
