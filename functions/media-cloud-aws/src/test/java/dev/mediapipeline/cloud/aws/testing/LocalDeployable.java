package dev.mediapipeline.cloud.aws.testing;

import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One AWS deployable under test, as a JUnit extension: {@link LocalAws} started before the class, the deployable's
 * {@link LambdaEntryPoint} on it, everything stopped after. A deployable that publishes needs moto (SNS): without
 * it each test skips with the reason ({@code RequiredTools}: a failure under {@code media.requireTools=true}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDeployable function = LocalDeployable.of(MakeThumbnailLambda.class, "make-thumbnail").publishing();
 * }</pre>
 */
public final class LocalDeployable implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Class<?> mainClass;
    private final String functionName;
    private boolean publishing;
    private boolean cloudinary;
    private LocalAws aws;
    private LambdaEntryPoint entryPoint;

    private LocalDeployable(Class<?> mainClass, String functionName) {
        this.mainClass = mainClass;
        this.functionName = functionName;
    }

    public static LocalDeployable of(Class<?> mainClass, String functionName) {
        return new LocalDeployable(mainClass, functionName);
    }

    /** The deployable publishes on SNS, so it needs moto. */
    public LocalDeployable publishing() {
        this.publishing = true;
        return this;
    }

    /** The deployable is given a Cloudinary account ({@link LocalAws#CLOUDINARY_API_SECRET}). */
    public LocalDeployable withCloudinary() {
        this.cloudinary = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        aws = LocalAws.start();
        if (!publishing || aws.motoUnavailable() == null) {
            entryPoint = LambdaEntryPoint.start(mainClass, functionName, aws.settings(cloudinary));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (publishing) {
            RequiredTools.assumeAvailable(aws.motoUnavailable() == null, aws.motoUnavailable());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        aws.close();
    }

    /** One invocation through the real entry point; returns what Lambda would answer. */
    public String invoke(String event) {
        return entryPoint.invoke(event);
    }

    public LocalAws aws() {
        return aws;
    }

    public CatalogRows rows() {
        return new CatalogRows(aws.dataSource());
    }
}
