package org.hotline.desktop.security.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters (NUL and the other C0 codes but tab, line feed and carriage return) are refused at the edge
 * with 400: in a query parameter by {@link #filter()}, in a JSON string by {@link #jsonModule()}. PostgreSQL cannot
 * store NUL in text, so one used to end as a 500 deep inside a search or a save (#13's security review).
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first refused character, or -1. */
    static int firstRefused(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    static String describe(String field, String value, int at) {
        return field + ": control character U+" + String.format("%04X", (int) value.charAt(at)) + " at position "
                + at + " (expected: text without control characters)";
    }

    /** Refuses requests whose query or form parameters carry a control character. */
    static OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                // multipart bodies are the importers' to check: reading parts here would buffer the upload
                String type = request.getContentType();
                if (type == null || !type.startsWith("multipart/")) {
                    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                        for (String v : p.getValue()) {
                            int at = firstRefused(v);
                            if (at >= 0) {
                                refuse(response, describe(p.getKey(), v, at));
                                return;
                            }
                        }
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** Makes every JSON string with a control character a 400 (an unreadable body) naming the field. */
    static SimpleModule jsonModule() {
        SimpleModule module = new SimpleModule("hotline-control-characters");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String s = super.deserialize(p, ctxt);
                int at = s == null ? -1 : firstRefused(s);
                if (at >= 0) {
                    String field = p.currentName() == null ? "value" : p.currentName();
                    return (String) ctxt.handleWeirdStringValue(String.class, s, describe(field, s, at));
                }
                return s;
            }
        });
        return module;
    }
}
