package dev.mediapipeline.fn.signupload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Condition;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.stream.Stream;

/**
 * The Cloudinary account under the runbook's variable names ({@code CLOUDINARY_URL} → {@code cloudinary.url}, ...)
 * and the upload settings of the {@code cloudinary} target.
 *
 * @param url {@code cloudinary://<api key>:<api secret>@<cloud name>}; or the three parts separately
 */
@ConfigurationProperties("cloudinary")
public record CloudinaryUploadProperties(String url, String cloudName, String apiKey, String apiSecret,
                                         @DefaultValue Upload upload) {

    /**
     * @param signatureAlgorithm {@code sha256} (default) or {@code sha1} ({@code CLOUDINARY_UPLOAD_SIGNATURE_ALGORITHM})
     * @param preset             a signed upload preset applied to every upload ({@code CLOUDINARY_UPLOAD_PRESET})
     */
    public record Upload(@DefaultValue("sha256") String signatureAlgorithm, String preset) {
    }

    /** True when any part of the account is set; a half-set account then fails the start with a clear message. */
    static final class AccountConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Stream.of("cloudinary.url", "cloudinary.cloud-name", "cloudinary.api-key", "cloudinary.api-secret")
                    .map(name -> context.getEnvironment().getProperty(name))
                    .anyMatch(value -> value != null && !value.isBlank());
        }
    }
}
