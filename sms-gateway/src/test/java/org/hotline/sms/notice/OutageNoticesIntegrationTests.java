package org.hotline.sms.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.outage.Outages;
import org.hotline.sms.testing.SmsTestDatabase;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageNoticesIntegrationTests {

    private static final Instant NOW = SmsTestDatabase.NOW; // 10:00 Shanghai
    private static final Instant EVENING = Instant.parse("2026-11-23T14:00:00Z"); // 22:00 Shanghai
    private static SmsTestDatabase db;
    private static Outages outages;
    private static final TestClock clock = new TestClock(NOW);
    private static OutageNotices notices;
    private static long area;

    @BeforeAll
    static void start() {
        db = new SmsTestDatabase(300);
        outages = new Outages(db.pool);
        notices = newNotices();
        // the area with the most customers, so the counts below mean something
        area = db.jdbc.queryForObject("""
                select p.transformer_area_id from premises p join accounts a on a.premises_id = p.id
                 group by 1 order by count(distinct a.customer_id) desc, 1 limit 1""", Long.class);
    }

    private static OutageNotices newNotices() {
        return new OutageNotices(db.jdbc, outages, db.outbox, db.templates, SmsTestDatabase.QUIET,
                Duration.ofHours(24), Duration.ofHours(24), clock);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.jdbc.update("delete from sms_messages");
        db.jdbc.update("delete from outage_changes");
        db.jdbc.update("delete from outages");
        clock.set(NOW);
    }

    private static long outage(String kind, Instant start, Instant end) {
        return db.jdbc.queryForObject("""
                insert into outages (outage_no, kind, transformer_area_id, reason, starts_at, expected_end_at,
                                     created_by)
                values ('T' || nextval(pg_get_serial_sequence('outages', 'id')), ?, ?, '线路检修', ?, ?, 'test')
                returning id""", Long.class, kind, area, Timestamp.from(start), Timestamp.from(end));
    }

    private static int withMobile(long outage) {
        AtomicInteger n = new AtomicInteger();
        outages.forEachAffectedCustomer(outage, c -> {
            if (c.mobile() != null) {
                n.incrementAndGet();
            }
        });
        return n.get();
    }

    private static int messages(long outage, String phase) {
        return db.jdbc.queryForObject("select count(*) from sms_messages where dedupe_key like ?", Integer.class,
                "outage:" + outage + ":" + phase + ":%");
    }

    private static List<Instant> notBefore(long outage, String phase) {
        return db.jdbc.queryForList("select distinct not_before from sms_messages where dedupe_key like ?",
                Timestamp.class, "outage:" + outage + ":" + phase + ":%").stream().map(Timestamp::toInstant).toList();
    }

    @Test
    void aPlannedOutageIsAnnouncedAtTheLeadTimeAndNotBefore() {
        long id = outage("planned", NOW.plus(Duration.ofHours(48)), NOW.plus(Duration.ofHours(52)));

        List<NoticeRun> early = notices.runOnce();
        clock.advance(Duration.ofHours(25));
        List<NoticeRun> due = notices.runOnce();

        assertThat(early).isEmpty();
        assertThat(withMobile(id)).isGreaterThan(1);
        assertThat(due).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("start");
            assertThat(r.queued()).isEqualTo(withMobile(id));
        });
        assertThat(messages(id, "start")).isEqualTo(withMobile(id));
        assertThat(notBefore(id, "start")).containsExactly(clock.instant());
        assertThat(db.jdbc.queryForObject("select body from sms_messages where dedupe_key like ? limit 1",
                String.class, "outage:" + id + ":start:%")).startsWith("【测试供电】尊敬的客户：因线路检修").contains("11月25日10:00");
    }

    @Test
    void aPlannedNoticeDueInQuietHoursWaitsForTheMorningUnlessTheOutageStartsFirst() {
        long morning = outage("planned", Instant.parse("2026-11-24T02:00:00Z"), Instant.parse("2026-11-24T06:00:00Z"));
        long dawn = outage("planned", Instant.parse("2026-11-23T22:00:00Z"), Instant.parse("2026-11-24T01:00:00Z"));
        clock.set(EVENING);

        notices.runOnce();

        assertThat(notBefore(morning, "start")).containsExactly(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(notBefore(dawn, "start")).containsExactly(EVENING);
    }

    @Test
    void anUnplannedOutageIsAnnouncedAtOnceEvenInQuietHours() {
        clock.set(EVENING);
        long id = outage("unplanned", EVENING.minusSeconds(600), EVENING.plus(Duration.ofHours(3)));

        notices.runOnce();

        assertThat(messages(id, "start")).isEqualTo(withMobile(id));
        assertThat(notBefore(id, "start")).containsExactly(EVENING);
    }

    @Test
    void rerunsRestartsAndAnUnfinishedPhaseQueueNothingTwice() {
        long id = outage("unplanned", NOW.minusSeconds(600), NOW.plus(Duration.ofHours(3)));
        notices.runOnce();

        List<NoticeRun> rerun = notices.runOnce();
        List<NoticeRun> afterRestart = newNotices().runOnce();
        // a node that died half-way: the phase is not marked done, so it runs again
        db.jdbc.update("update sms_outage_notices set done_at = null where outage_id = ?", id);
        List<NoticeRun> resumed = newNotices().runOnce();

        assertThat(rerun).isEmpty();
        assertThat(afterRestart).isEmpty();
        assertThat(resumed).singleElement().satisfies(r -> {
            assertThat(r.queued()).isZero();
            assertThat(r.duplicates()).isEqualTo(withMobile(id));
        });
        assertThat(messages(id, "start")).isEqualTo(withMobile(id));
    }

    @Test
    void eachMoveOfTheExpectedEndGetsOneExtensionNoticeAndRestorationGetsOne() {
        long id = outage("unplanned", NOW.minusSeconds(600), NOW.plus(Duration.ofHours(3)));
        notices.runOnce();

        db.jdbc.update("update outages set expected_end_at = expected_end_at + interval '2 hours' where id = ?", id);
        notices.runOnce();
        notices.runOnce();
        db.jdbc.update("update outages set expected_end_at = expected_end_at + interval '1 hour' where id = ?", id);
        notices.runOnce();
        clock.set(EVENING);
        db.jdbc.update("update outages set restored_at = ?, restored_by = 'test', restore_kind = 'manual' "
                + "where id = ?", Timestamp.from(EVENING.minusSeconds(60)), id);
        notices.runOnce();
        notices.runOnce();

        int customers = withMobile(id);
        assertThat(messages(id, "extended-1")).isEqualTo(customers);
        assertThat(messages(id, "extended-2")).isEqualTo(customers);
        assertThat(messages(id, "extended-3")).isZero();
        assertThat(messages(id, "restored")).isEqualTo(customers);
        assertThat(notBefore(id, "restored")).containsExactly(EVENING);
    }

    @Test
    void anOutageRestoredBeforeItsNoticeGetsNoRestorationNotice() {
        long id = outage("planned", NOW.plus(Duration.ofHours(48)), NOW.plus(Duration.ofHours(52)));
        db.jdbc.update("update outages set restored_at = now(), restored_by = 'test', restore_kind = 'manual' "
                + "where id = ?", id);

        notices.runOnce();

        assertThat(db.jdbc.queryForObject("select count(*) from sms_messages", Integer.class)).isZero();
    }
}
