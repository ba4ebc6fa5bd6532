package org.hotline.sms.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The SMS sent in a range (issue #15): per campaign (null: messages of no campaign, by kind) the messages and their
 * outcome (delivered, failed, no receipt, still waiting, held for a person, cancelled), the parts sent and their cost;
 * the failures by the SMSC's error code; the opt-outs received per kind.
 */
public record SmsReport(List<Row> rows, Map<String, Long> failedByReason, Map<String, Long> optOutsByKind,
                        BigDecimal pricePerPart) {

    /** One campaign's (or one kind's, outside campaigns) messages. */
    public record Row(Long campaignId, String campaign, String kind, long messages, long sent, long delivered,
                      long failed, long unknown, long waiting, long held, long cancelled, long parts,
                      BigDecimal cost) {
    }
}
