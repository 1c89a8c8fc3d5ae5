package dev.mediapipeline.cloud.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What S3 checks when a browser posts a form (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html),
 * written independently of the signer: the SigV4 signature over the base64 policy, the expiration, every condition
 * against the submitted fields and the file's size, and that every submitted field is covered by a condition
 * (except {@code x-amz-signature}, {@code file}, {@code policy} and {@code x-ignore-*}). S3Mock accepts any form,
 * so these rules are what proves that a signed form allows exactly what the grant allows.
 */
final class S3PostPolicyRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNCONDITIONED = Set.of("policy", "x-amz-signature", "file");

    private S3PostPolicyRules() {
    }

    static List<String> violations(String bucket, Map<String, String> submitted, long fileSize, Instant now,
                                   String secretAccessKey) throws Exception {
        Map<String, String> form = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        form.putAll(submitted);
        List<String> problems = new ArrayList<>();
        String policy = form.get("policy");

        String[] scope = form.get("x-amz-credential").split("/");
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope[1]);
        for (String part : new String[]{scope[2], scope[3], scope[4]}) {
            key = hmac(key, part);
        }
        if (!HexFormat.of().formatHex(hmac(key, policy)).equals(form.get("x-amz-signature"))) {
            problems.add("signature does not match");
        }

        JsonNode document = JSON.readTree(Base64.getDecoder().decode(policy));
        if (!now.isBefore(Instant.parse(document.get("expiration").asText()))) {
            problems.add("policy expired");
        }
        Set<String> covered = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> withBucket = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        withBucket.putAll(form);
        withBucket.put("bucket", bucket);
        for (JsonNode condition : document.get("conditions")) {
            if (condition.isObject()) {
                var entry = condition.fields().next();
                covered.add(entry.getKey());
                exact(withBucket, entry.getKey(), entry.getValue().asText(), problems);
            } else {
                String operator = condition.get(0).asText();
                switch (operator) {
                    case "content-length-range" -> {
                        if (fileSize < condition.get(1).asLong() || fileSize > condition.get(2).asLong()) {
                            problems.add("file size " + fileSize + " outside content-length-range");
                        }
                    }
                    case "eq" -> {
                        String name = condition.get(1).asText().substring(1);
                        covered.add(name);
                        exact(withBucket, name, condition.get(2).asText(), problems);
                    }
                    case "starts-with" -> {
                        String name = condition.get(1).asText().substring(1);
                        covered.add(name);
                        String value = withBucket.get(name);
                        if (value == null || !value.startsWith(condition.get(2).asText())) {
                            problems.add(name + " must start with " + condition.get(2).asText());
                        }
                    }
                    default -> problems.add("unknown condition " + condition);
                }
            }
        }
        for (String field : form.keySet()) {
            if (!covered.contains(field) && !UNCONDITIONED.contains(field.toLowerCase())
                    && !field.toLowerCase().startsWith("x-ignore-")) {
                problems.add("field " + field + " is not covered by the policy");
            }
        }
        return problems;
    }

    private static void exact(Map<String, String> form, String name, String expected, List<String> problems) {
        if (!expected.equals(form.get(name))) {
            problems.add(name + " must be " + expected);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
