package dev.mediapipeline.fn.signupload.gcp;

import dev.mediapipeline.cloud.gcp.runtime.CloudFunctionHttpAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.GcpStoragePorts;
import dev.mediapipeline.fn.signupload.SignUploadConfiguration;
import dev.mediapipeline.fn.signupload.SignUploadFunction;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.io.Reader;
import java.util.function.Function;

/** sign-upload on Cloud Functions, HTTP trigger: the request to {@code signUpload}, its answer back. */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "signUploadCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpStoragePorts.class})
@ImportAutoConfiguration(SignUploadConfiguration.class)
public class SignUploadCloudFunction {

    @Bean
    Function<Message<Reader>, Message<byte[]>> signUploadCloudFunction(SignUploadFunction signUpload) {
        return CloudFunctionHttpAdapter.adapt(signUpload, SignUploadFunction.MAX_BODY_BYTES);
    }
}
