package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/** Turns event JSON into the typed Lambda event with the serializers the Lambda Java runtime uses. */
final class LambdaEvents {

    private LambdaEvents() {
    }

    static <T> T read(Class<T> type, String json) {
        return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).fromJson(json);
    }
}
