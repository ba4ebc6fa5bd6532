package org.hotline.server.ready;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.demo.DemoProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;

class ReadyBannerTests {

    @Test
    void withTheDemoOffTheBannerGivesTheAddressAndNoPassword() {
        String message = new ReadyBanner(new DemoProperties(false, 0, 1), new ServerProperties()).message(8080);

        assertThat(message).startsWith("Hotline is ready: http://localhost:8080/")
                .doesNotContain("demo", DemoUsers.ADMIN_PASSWORD, DemoUsers.AGENT_PASSWORD);
    }

    @Test
    void withTheDemoOnTheBannerListsTheDemoLogins() {
        String message = new ReadyBanner(new DemoProperties(true, 0, 1), new ServerProperties()).message(8080);

        assertThat(message).contains("admin / " + DemoUsers.ADMIN_PASSWORD,
                "supervisor / " + DemoUsers.SUPERVISOR_PASSWORD, "agent1001 … agent1004");
    }

    @Test
    void aBoundAddressAndAContextPathAreWhereTheServerAnswers() throws Exception {
        ServerProperties server = new ServerProperties();
        server.setAddress(InetAddress.getByName("127.0.0.1"));
        server.getServlet().setContextPath("/hotline");

        String message = new ReadyBanner(new DemoProperties(false, 0, 1), server).message(9090);

        assertThat(message).isEqualTo("Hotline is ready: http://127.0.0.1:9090/hotline/");
    }
}
