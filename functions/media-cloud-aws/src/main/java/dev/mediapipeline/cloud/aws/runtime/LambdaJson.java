package dev.mediapipeline.cloud.aws.runtime;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda event types to and from JSON with the serializers the Lambda Java runtime itself uses, so a handler that
 * takes the raw stream sees exactly what a typed handler would.
 */
final class LambdaJson {

    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaJson() {
    }

    static <T> T read(Class<T> type, InputStream json) {
        return serializer(type).fromJson(json);
    }

    static <T> byte[] write(Class<T> type, T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(type).toJson(value, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type,
                key -> LambdaEventSerializers.serializerFor(key, LambdaJson.class.getClassLoader()));
    }
}
