package org.hotline.cti.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hotline.cti.screenpop.ScreenPop;

/**
 * The one JSON mapping of pops and push payloads, used for Redis and for the browsers alike: Instants as ISO-8601
 * strings, map keys sorted (so every node writes the same bytes), plain decimals, unknown fields ignored (so nodes
 * of two versions can run side by side during a rolling upgrade), and {@code < > & '} plus U+2028/U+2029 written
 * as {@code \}{@code uXXXX} escapes so the text stays inert even if a page ever inlines it in HTML or a script.
 */
public final class PopJson {

    private static final ObjectMapper MAPPER = newMapper();

    private PopJson() {
    }

    /** A new, independently configurable copy of the mapper (copies, so nobody can reconfigure the shared one). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Writes any payload (a pop, a list of pops, an agent state) as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value: " + value.getClass().getName() + " (expected: JSON-mappable)", e);
        }
    }

    /** Reads a pop written by {@link #write(Object)}. */
    public static ScreenPop readPop(String json) {
        return read(json, ScreenPop.class);
    }

    /** Reads JSON text written by {@link #write(Object)} as the given type. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json: not a " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static ObjectMapper newMapper() {
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new HtmlSafeEscapes())
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** Escapes the characters that matter when JSON meets HTML or a script; everything else stays raw UTF-8. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/U+2029 end a line inside a JavaScript string literal before ES2019
            if (ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
