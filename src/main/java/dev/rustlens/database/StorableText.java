package dev.rustlens.database;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Text from a scanned repository as PostgreSQL can store it. PostgreSQL rejects U+0000 in text
 * and jsonb, and a repository may hold it anywhere (a path, a crate name, a line of code): at the
 * store boundary it becomes U+FFFD, so such a repository gets its findings instead of a failed scan.
 */
public final class StorableText {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** {@code text} without U+0000; null stays null. */
    public static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
    }

    /** {@code text} without U+0000, cut to {@code maxChars} (with an ellipsis when cut). */
    public static String of(String text, int maxChars) {
        String storable = of(text);
        return storable == null || storable.length() <= maxChars ? storable : storable.substring(0, maxChars - 1) + "…";
    }

    /** A Jackson module that writes every string as {@link #of(String)} does, for JSON stored as jsonb. */
    public static Module json() {
        return new SimpleModule("storable-text").addSerializer(String.class, new StdSerializer<>(String.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(of(value));
            }
        });
    }
}
