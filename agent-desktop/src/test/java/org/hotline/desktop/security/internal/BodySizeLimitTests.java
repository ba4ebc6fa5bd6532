package org.hotline.desktop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitTests {

    private static final long MB = 1024 * 1024;
    private final BodySizeLimit filter = new BodySizeLimit(32 * MB, 2048 * MB);

    // a request declaring a length without carrying the bytes: the filter decides on the declaration
    private static MockHttpServletRequest declaring(String path, long length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        request.setContentType("text/csv");
        return request;
    }

    private boolean passes(MockHttpServletRequest request, MockHttpServletResponse response)
            throws ServletException, IOException {
        AtomicBoolean reached = new AtomicBoolean();
        filter.doFilter(request, response, (req, res) -> reached.set(true));
        return reached.get();
    }

    @Test
    void theCustomerImportTakesBodiesOverTheGeneralLimitUpToItsOwn() throws Exception {
        assertThat(passes(declaring("/api/admin/imports/customers", 500 * MB), new MockHttpServletResponse()))
                .isTrue();
        MockHttpServletResponse tooBig = new MockHttpServletResponse();
        assertThat(passes(declaring("/api/admin/imports/customers", 3000 * MB), tooBig)).isFalse();
        assertThat(tooBig.getStatus()).isEqualTo(413);
        assertThat(tooBig.getContentAsString()).contains("hotline.import.max-size");
    }

    @Test
    void everyOtherPathKeepsTheGeneralLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(passes(declaring("/api/network/import", 33 * MB), response)).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("hotline.desktop.max-body-size");
        assertThat(passes(declaring("/api/admin/imports/customers/../x", 33 * MB), new MockHttpServletResponse()))
                .isFalse();
    }
}
