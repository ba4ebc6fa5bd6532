package org.hotline.sms.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.smpp.SmscProperties;

/** The sending process of {@link KillNineIntegrationTests}: {@code jdbcUrl smscPort}; runs until killed. */
public final class KillNineSenderMain {

    private KillNineSenderMain() {
    }

    /** Sends the outbox to the simulator at 300 submits/s until the process is killed. */
    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        HikariDataSource db = new HikariDataSource(config);
        SmscProperties.Smsc smsc = SmscProperties.Smsc.of("sim", "127.0.0.1", Integer.parseInt(args[1]), "hotline",
                "secret").withThroughput(300, 8).withIdFormats(MessageIdFormat.HEX, MessageIdFormat.HEX);
        SmsSender sender = new SmsSender(db, OutboxFixture.CODEC, new SmscProperties(List.of(smsc)),
                SenderSettings.defaults().withInDoubt(Duration.ofSeconds(10), Duration.ofMillis(200)));
        sender.start();
        new CountDownLatch(1).await();
    }
}
