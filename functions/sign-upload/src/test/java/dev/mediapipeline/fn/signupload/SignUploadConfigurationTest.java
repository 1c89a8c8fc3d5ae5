package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadTargets;
import dev.mediapipeline.support.auth.BearerAuthenticator;
import dev.mediapipeline.support.auth.JwtAuthenticator;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Target selection and policy as configuration, the way a deployable starts. */
class SignUploadConfigurationTest {

    private static UploadSigner signer(String target) {
        return new UploadSigner() {
            @Override
            public String target() {
                return target;
            }

            @Override
            public SignedUpload sign(UploadGrant grant) {
                return new SignedUpload(target, "POST", "http://" + target + ".test/", Map.of(), "file");
            }
        };
    }

    private final ApplicationContextRunner withoutSecret = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MediaDomainConfiguration.class,
                    CloudinaryUploadConfiguration.class, SignUploadConfiguration.class))
            .withBean(ObjectMapper.class, ObjectMapper::new)
            .withBean(AssetCatalog.class, () -> new InMemoryAssetCatalog(Clock.systemUTC()))
            .withBean("s3Signer", UploadSigner.class, () -> signer("s3"));
    private final ApplicationContextRunner runner =
            withoutSecret.withPropertyValues("media.auth.jwt-secret=configuration-test-secret-32-bytes!!");

    @Test
    void withOneSignerThatIsTheDefault_andCloudinaryAppearsOnlyWithAnAccount() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasBean("signUpload");
            assertThat(context.getBean(UploadTargets.class).defaultTarget()).isEqualTo("s3");
            assertThat(context.getBean(UploadTargets.class).signers()).containsOnlyKeys("s3");
        });
        runner.withPropertyValues("cloudinary.url=cloudinary://123:abc@demo").run(context -> {
            UploadTargets targets = context.getBean(UploadTargets.class);
            assertThat(targets.signers()).containsOnlyKeys("s3", "cloudinary");
            assertThat(targets.defaultTarget()).as("cloudinary only when named").isEqualTo("s3");
        });
    }

    @Test
    void foldersTargetsRolesAndPrefixesComeFromProperties() {
        runner.withPropertyValues("cloudinary.cloud-name=demo", "cloudinary.api-key=123", "cloudinary.api-secret=abc",
                "media.upload.target=s3", "media.upload.key-prefix=uploads", "media.upload.default-folders=false",
                "media.upload.folders.products.types[image/jpeg]=2MB",
                "media.upload.folders.avatars.types[image/png]=1MB",
                "media.upload.folders.avatars.target=cloudinary",
                "media.upload.folders.avatars.roles=member,staff",
                "media.upload.folders.avatars.key-prefix=people").run(context -> {
            UploadPolicy policy = context.getBean(UploadPolicy.class);
            assertThat(policy.folders()).containsOnlyKeys("products", "avatars");
            assertThat(policy.ruleFor("products").maxBytesByType()).containsExactly(Map.entry("image/jpeg", 2L * 1024 * 1024));
            assertThat(policy.ruleFor("products").keyPrefix()).isEqualTo("uploads");
            assertThat(policy.ruleFor("avatars").roles()).containsExactly("member", "staff");
            assertThat(policy.ruleFor("avatars").keyPrefix()).isEqualTo("people");
            assertThat(context.getBean(UploadTargets.class).signerFor(policy.ruleFor("avatars")).target())
                    .isEqualTo("cloudinary");
        });
    }

    @Test
    void withDefaultFoldersTrue_aBuiltInFolderGivenOnlyATargetKeepsItsTypesAndRoles_andTheOtherBuiltInFoldersStay() {
        runner.withPropertyValues("cloudinary.url=cloudinary://123:abc@demo", "media.upload.default-folders=true",
                "media.upload.folders.banners.target=cloudinary",
                "media.upload.folders.flyers.types[application/pdf]=1MB").run(context -> {
            UploadPolicy policy = context.getBean(UploadPolicy.class);
            assertThat(policy.folders()).containsKeys("products", "avatars", "banners", "documents", "flyers");
            assertThat(policy.ruleFor("banners").maxBytesByType()).containsEntry("image/png", 10L * 1024 * 1024);
            assertThat(policy.ruleFor("banners").roles()).containsExactlyInAnyOrder("staff", "admin");
            assertThat(policy.ruleFor("banners").target()).isEqualTo("cloudinary");
            assertThat(policy.ruleFor("flyers").roles()).isEmpty();
        });
    }

    @Test
    void configuredFoldersReplaceTheBuiltInOnes_whichApplyOnlyWhenNoneIsConfigured() {
        runner.withPropertyValues("media.upload.folders.flyers.types[application/pdf]=1MB").run(context ->
                assertThat(context.getBean(UploadPolicy.class).folders()).containsOnlyKeys("flyers"));
        runner.run(context -> assertThat(context.getBean(UploadPolicy.class).folders())
                .containsOnlyKeys("products", "avatars", "banners", "documents"));
        runner.withPropertyValues("media.upload.default-folders=false").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("configure at least one folder"));
    }

    @Test
    void aKeyPrefixUnderDerivedStopsTheStart_sinceOriginalsThereWouldNeverBeProcessed() {
        runner.withPropertyValues("media.upload.key-prefix=derived/uploads").run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("media.upload.key-prefix")
                .hasMessageContaining("derived/"));
        runner.withPropertyValues("media.upload.folders.flyers.types[application/pdf]=1MB",
                "media.upload.folders.flyers.key-prefix=derived").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("media.upload.folders.flyers")
                .hasStackTraceContaining("starts with 'derived/'"));
        runner.withPropertyValues("media.upload.key-prefix=derivedstuff").run(context -> assertThat(context)
                .as("only the segment derived is reserved").hasNotFailed());
    }

    @Test
    void identityProviderTokensAloneNeedNoHs256Secret_butDoNeedIssuerAndAudience() {
        String jwks = "media.auth.jwks-url=https://id.example.com/.well-known/jwks.json";
        withoutSecret.withPropertyValues(jwks, "media.auth.issuer=https://id.example.com/",
                "media.auth.audience=media-api").run(context -> assertThat(context).hasNotFailed().hasBean("signUpload")
                .doesNotHaveBean(dev.mediapipeline.support.auth.HmacJwt.class));
        withoutSecret.withPropertyValues(jwks, "media.auth.issuer=https://id.example.com/").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("media.auth.audience"));
        runner.withPropertyValues(jwks, "media.auth.issuer=https://id.example.com/", "media.auth.audience=media-api")
                .run(context -> assertThat(context.getBean(BearerAuthenticator.class))
                        .as("with a secret too, RS256 tokens are still accepted").isInstanceOf(JwtAuthenticator.class));
        runner.withPropertyValues(jwks, "media.auth.audience=media-api").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("media.auth.issuer"));
        withoutSecret.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("MEDIA_AUTH_JWT_SECRET").hasMessageContaining("media.auth.jwks-url"));
        withoutSecret.withPropertyValues("media.auth.jwks-url=http://id.example.com/jwks.json",
                "media.auth.issuer=i", "media.auth.audience=a").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("https"));
    }

    @Test
    void anUnresolvedSecretsManagerArnStopsTheStartSayingSo() {
        withoutSecret.withPropertyValues(
                "media.auth.jwt-secret=arn:aws:secretsmanager:eu-west-1:123456789012:secret:media/jwt-AbCdEf")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("MEDIA_AUTH_JWT_SECRET").hasMessageContaining("not resolved"));
    }

    @Test
    void aNewFolderWithoutTypesStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("media.upload.folders.flyers.roles=staff").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("media.upload.folders.flyers.types"));
    }

    @Test
    void aFolderNamingATargetWithoutASignerStopsTheStartWithAClearMessage() {
        runner.withPropertyValues("media.upload.folders.avatars.types[image/png]=1MB",
                "media.upload.folders.avatars.target=gcs").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("folder 'avatars' names target 'gcs'")
                .hasMessageContaining("can only sign for s3"));
    }

    @Test
    void aDefaultTargetWithoutASignerOrAHalfConfiguredCloudinaryStopsTheStart() {
        runner.withPropertyValues("media.upload.target=gcs").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("MEDIA_UPLOAD_TARGET"));
        runner.withPropertyValues("cloudinary.cloud-name=demo").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("Cloudinary is half configured")
                .hasStackTraceContaining("CLOUDINARY_API_KEY"));
    }

    @Test
    void rotationSecretsAreSplitAtCommas_andAShortOneStopsTheStart() {
        runner.withPropertyValues("media.auth.jwt-secret=first-secret-of-thirty-two-bytes!!, second-secret-of-thirty-two-bytes!")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("media.auth.jwt-secret=first-secret-of-thirty-two-bytes!!,short")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("#2"));
    }

    @Test
    void aValidityBeyondSevenDaysStopsTheStart() {
        runner.withPropertyValues("media.upload.validity=8d").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("media.upload.validity"));
    }
}
