package org.hotline.desktop.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies other than multipart uploads (which Spring's multipart limits bound) are refused with 413 when they
 * declare more than the limit, and cut off when a chunked one reads past it: a 100 MB CSV cannot fill the heap. The
 * customer import, which streams its body, has its own larger limit.
 */
final class BodySizeLimit extends OncePerRequestFilter {

    /** The streamed customer import, the administrator's and the billing system's: bounded by hotline.import.max-size. */
    static final java.util.Set<String> IMPORT_PATHS = java.util.Set.of("/api/admin/imports/customers",
            "/api/import/v1/customers");

    private final long defaultLimit;
    private final long importLimit;

    BodySizeLimit(long limit, long importLimit) {
        this.defaultLimit = limit;
        this.importLimit = importLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean importing = IMPORT_PATHS.contains(path);
        long limit = importing ? importLimit : defaultLimit;
        String setting = importing ? "hotline.import.max-size" : "hotline.desktop.max-body-size";
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"message\":\"body: " + declared + " bytes (expected: <= " + limit
                    + "; " + setting + ")\"}");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, limit, setting), response);
    }

    // a body without a declared length (chunked): reading past the limit fails like a broken upload
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final String setting;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit, String setting) {
            super(request);
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("body: more than " + limit + " bytes (" + setting + ")");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
