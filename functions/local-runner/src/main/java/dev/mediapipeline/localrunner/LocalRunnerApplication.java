package dev.mediapipeline.localrunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Every function in one process, with embedded defaults: the README's run command starts this. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalRunnerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalRunnerApplication.class, args);
    }
}
