package dev.mediapipeline.fn.signupload;

import dev.mediapipeline.cloudinary.CloudinaryAccount;
import dev.mediapipeline.cloudinary.CloudinarySignature;
import dev.mediapipeline.cloudinary.CloudinaryUploadSigner;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import java.time.Clock;

/**
 * The {@code cloudinary} upload target, present only when a Cloudinary account is configured ({@code CLOUDINARY_URL}
 * or {@code CLOUDINARY_CLOUD_NAME} + {@code CLOUDINARY_API_KEY} + {@code CLOUDINARY_API_SECRET}). Runs before
 * {@link SignUploadConfiguration}, which needs every signer to exist when it looks for them.
 */
@AutoConfiguration(after = MediaDomainConfiguration.class)
@EnableConfigurationProperties(CloudinaryUploadProperties.class)
@Conditional(CloudinaryUploadProperties.AccountConfigured.class)
public class CloudinaryUploadConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CloudinaryUploadSigner cloudinaryUploadSigner(CloudinaryUploadProperties properties, Clock clock) {
        CloudinaryAccount account;
        try {
            account = CloudinaryAccount.resolve(properties.url(), properties.cloudName(), properties.apiKey(),
                    properties.apiSecret()).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cloudinary is half configured for sign-upload: " + e.getMessage()
                    + ". Set CLOUDINARY_URL=cloudinary://<api key>:<api secret>@<cloud name>, or all of "
                    + "CLOUDINARY_CLOUD_NAME, CLOUDINARY_API_KEY and CLOUDINARY_API_SECRET", e);
        }
        CloudinaryUploadProperties.Upload upload = properties.upload();
        return new CloudinaryUploadSigner(account, CloudinarySignature.Algorithm.fromCode(upload.signatureAlgorithm()),
                upload.preset(), clock);
    }
}
