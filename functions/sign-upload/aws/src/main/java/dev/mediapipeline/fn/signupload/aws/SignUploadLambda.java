package dev.mediapipeline.fn.signupload.aws;

import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsUploadSigning;
import dev.mediapipeline.cloud.aws.runtime.HttpLambda;
import dev.mediapipeline.fn.signupload.SignUploadConfiguration;
import dev.mediapipeline.fn.signupload.SignUploadFunction;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** sign-upload behind a Function URL or HTTP API: S3 POST policies for the originals bucket, pending rows in PostgreSQL. */
@AwsLambdaApplication("signUploadApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsUploadSigning.class})
@ImportAutoConfiguration(SignUploadConfiguration.class)
public class SignUploadLambda {

    @Bean
    HttpLambda signUploadLambda(SignUploadFunction signUpload) {
        return new HttpLambda(signUpload);
    }
}
