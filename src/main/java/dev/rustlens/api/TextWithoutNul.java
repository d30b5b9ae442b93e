package dev.rustlens.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Refuses text with U+0000 in request bodies (JSON) and in path, query and form parameters with
 * a 400: PostgreSQL cannot store it, and no name, filter or setting of rustlens has a use for it.
 */
@Singleton
@Provider
public class TextWithoutNul implements ObjectMapperCustomizer, ParamConverterProvider {

    static final String MESSAGE = "text must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class,
                new StdDeserializer<>(String.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        return checked(StringDeserializer.instance.deserialize(parser, context));
                    }
                }));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        if (type != String.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<String>() {
            @Override
            public String fromString(String value) {
                return checked(value);
            }

            @Override
            public String toString(String value) {
                return value;
            }
        };
    }

    private static String checked(String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return text;
    }
}
