package org.hotline.desktop.outage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageView;

/** The JSON of one outage as every endpoint writes it (the REST contract of issue #4). */
record OutageJson(long id, String outageNo, String kind, String lineCode, String lineName, String areaCode,
                  String areaName, String reason, Instant startsAt, Instant expectedEndAt, Instant restoredAt,
                  String restoredBy, String restoreKind, boolean active, long customersAffected) {

    static OutageJson of(OutageView v) {
        Outage o = v.outage();
        return new OutageJson(o.id(), o.outageNo(), o.kind().name().toLowerCase(Locale.ROOT), o.lineCode(),
                o.lineName(), o.areaCode(), o.areaName(), o.reason(), o.startsAt(), o.expectedEndAt(), o.restoredAt(),
                o.restoredBy(), v.restoreKind(), v.active(), v.customersAffected());
    }

    static List<OutageJson> of(List<OutageView> views) {
        return views.stream().map(OutageJson::of).toList();
    }
}
