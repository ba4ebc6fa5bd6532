package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkOrderPropertiesTests {

    private static WorkOrderProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("hotline.work-orders", WorkOrderProperties.class);
    }

    @Test
    void theDefaultRepairTypeIsTheBriefsClockWithTheFortyFiveMinutePromise() {
        OrderType repair = WorkOrderProperties.defaults().orderTypes().get("repair");
        assertThat(repair.stages()).extracting(s -> s.limit().toString())
                .containsExactly("2m", "4m", "2m", "2m", "2m", "3m", "28m");
        assertThat(repair.stages().get(3).limitElsewhere()).isEqualTo(Limit.minutes(4));
        assertThat(repair.stages()).extracting(Stage::party).containsExactly(Party.HOTLINE, Party.NETWORK,
                Party.REPAIR_CENTRE, Party.NETWORK, Party.TEAM, Party.CREW, Party.CREW);
        assertThat(repair.promise()).isEqualTo(Limit.minutes(45));
        assertThat(repair.lastPoint()).isEqualTo(Point.H);
        assertThat(repair.acceptFrom()).isEqualTo(Point.D);
        assertThat(repair.acceptPoint()).isEqualTo(Point.F);
    }

    @Test
    void everyTypeOfTheIssueIsBuiltIn() {
        assertThat(WorkOrderProperties.defaults().orderTypes()).containsKeys("repair", "connection",
                "ownership_transfer", "equipment", "suspend_resume", "meter_card", "safety_inspection", "complaint",
                "enquiry_followup");
        assertThat(WorkOrderProperties.defaults().orderTypes().get("connection").stages()).hasSize(7);
    }

    @Test
    void aConfiguredTypeReplacesItsDefaultAndTheOthersStay() {
        WorkOrderProperties p = bind(Map.of(
                "hotline.work-orders.types.repair.label", "报修",
                "hotline.work-orders.types.repair.stages[0].name", "派单",
                "hotline.work-orders.types.repair.stages[0].party", "hotline",
                "hotline.work-orders.types.repair.stages[0].limit", "3m",
                "hotline.work-orders.types.gas_leak.stages[0].name", "到场",
                "hotline.work-orders.types.gas_leak.stages[0].party", "crew",
                "hotline.work-orders.types.gas_leak.stages[0].limit", "30m"));
        Map<String, OrderType> types = p.orderTypes();
        assertThat(types.get("repair").stages()).hasSize(1);
        assertThat(types.get("gas_leak").stages().get(0).limit()).isEqualTo(Limit.minutes(30));
        assertThat(types).containsKey("connection");
    }

    @Test
    void aZeroOrNegativeLimitRefusesTheStartNamingTheSetting() {
        WorkOrderProperties zero = bind(Map.of(
                "hotline.work-orders.types.repair.stages[0].name", "派单",
                "hotline.work-orders.types.repair.stages[0].party", "hotline",
                "hotline.work-orders.types.repair.stages[0].limit", "0m"));
        assertThatThrownBy(zero::orderTypes).hasMessageContaining("hotline.work-orders.types.repair.stages[0].limit")
                .hasMessageContaining("more than zero");
        WorkOrderProperties negative = bind(Map.of(
                "hotline.work-orders.types.repair.stages[0].name", "派单",
                "hotline.work-orders.types.repair.stages[0].party", "hotline",
                "hotline.work-orders.types.repair.stages[0].limit", "-2m"));
        assertThatThrownBy(negative::orderTypes).hasMessageContaining("stages[0].limit");
    }

    @Test
    void anUnknownUnitRefusesTheStartNamingTheSetting() {
        WorkOrderProperties p = bind(Map.of(
                "hotline.work-orders.types.complaint.stages[0].name", "派发",
                "hotline.work-orders.types.complaint.stages[0].party", "hotline",
                "hotline.work-orders.types.complaint.stages[0].limit", "2fortnights"));
        assertThatThrownBy(p::orderTypes).hasMessageContaining("hotline.work-orders.types.complaint.stages[0].limit")
                .hasMessageContaining("unknown unit");
    }

    @Test
    void badCalendarAndTimerSettingsNameTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.calendar.zone", "Mars/Olympus")).businessCalendar())
                .hasMessageContaining("hotline.work-orders.calendar.zone");
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.calendar.holidays", "2026-13-01"))
                .businessCalendar()).hasMessageContaining("hotline.work-orders.calendar.holidays");
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.timers.poll-interval", "2s")))
                .hasRootCauseMessage("hotline.work-orders.timers.poll-interval: PT2S (expected: at most 250ms, so "
                        + "alarms reach the desktop within 1 s of their deadline)");
    }

    @Test
    void revisitsDefaultToRepairAndComplaintWithThreeAttemptsAndBindFromSettings() {
        assertThat(WorkOrderProperties.defaults().revisitTypes()).containsExactlyInAnyOrder("repair", "complaint");
        assertThat(WorkOrderProperties.defaults().revisits().maxAttempts()).isEqualTo(3);
        WorkOrderProperties p = bind(Map.of("hotline.work-orders.revisits.types[0]", "meter_card",
                "hotline.work-orders.revisits.max-attempts", "5"));
        assertThat(p.revisitTypes()).containsExactly("meter_card");
        assertThat(p.revisits().maxAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.revisits.types[0]", "teleport")).revisitTypes())
                .hasMessageContaining("hotline.work-orders.revisits.types: 'teleport'");
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.revisits.max-attempts", "0")))
                .hasStackTraceContaining("hotline.work-orders.revisits.max-attempts: 0");
        assertThat(WorkOrderProperties.defaults().revisits().sweepEvery()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(bind(Map.of("hotline.work-orders.revisits.sweep-every", "30s")).revisits().sweepEvery())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> bind(Map.of("hotline.work-orders.revisits.sweep-every", "0s")))
                .hasStackTraceContaining("hotline.work-orders.revisits.sweep-every: PT0S");
    }

    @Test
    void stageSmsKindsAreChosenPerTypeAndAnUnknownKindRefusesTheStart() {
        assertThat(WorkOrderProperties.defaults().smsKinds()).isEmpty();
        WorkOrderProperties p = bind(Map.of(
                "hotline.work-orders.types.water.stages[0].name", "到场",
                "hotline.work-orders.types.water.stages[0].party", "crew",
                "hotline.work-orders.types.water.stages[0].limit", "30m",
                "hotline.work-orders.types.water.sms-kinds[0]", "warning",
                "hotline.work-orders.types.water.sms-kinds[1]", "alarm"));
        assertThat(p.smsKinds()).isEqualTo(Map.of("water", java.util.Set.of("warning", "alarm")));
        assertThatThrownBy(() -> bind(Map.of(
                "hotline.work-orders.types.water.stages[0].name", "到场",
                "hotline.work-orders.types.water.stages[0].party", "crew",
                "hotline.work-orders.types.water.stages[0].limit", "30m",
                "hotline.work-orders.types.water.sms-kinds[0]", "escalation")).smsKinds())
                .hasMessageContaining("hotline.work-orders.types.water.sms-kinds: 'escalation'");
    }
}
