package org.hotline.cti.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agent sees of one customer in a screen-pop: identity, flags, accounts with arrears, open work orders,
 * the last contacts and the outages cutting the supply of any of the customer's premises now. Every text field is
 * data to be shown as text, never markup.
 */
public record CustomerCard(long id, String customerNo, String name, Kind kind, boolean keyAccount, boolean highRisk,
                           String address, BigDecimal arrears, List<Account> accounts,
                           List<WorkOrderSummary> openWorkOrders, List<ContactSummary> recentContacts,
                           List<OutageSummary> outages) {

    /** Residential (民用) or commercial/industrial (工商). */
    public enum Kind { RESIDENTIAL, COMMERCIAL }

    /** Copies the lists; a card without outages (written by an older node) has none. */
    public CustomerCard {
        accounts = List.copyOf(accounts);
        openWorkOrders = List.copyOf(openWorkOrders);
        recentContacts = List.copyOf(recentContacts);
        outages = outages == null ? List.of() : List.copyOf(outages);
    }

    /** A card without outages (the card before issue #4). */
    public CustomerCard(long id, String customerNo, String name, Kind kind, boolean keyAccount, boolean highRisk,
                        String address, BigDecimal arrears, List<Account> accounts,
                        List<WorkOrderSummary> openWorkOrders, List<ContactSummary> recentContacts) {
        this(id, customerNo, name, kind, keyAccount, highRisk, address, arrears, accounts, openWorkOrders,
                recentContacts, List.of());
    }

    /** One account (户号) with its premises, meter and balance. */
    public record Account(String accountNo, String premisesAddress, String meterNo, boolean prepaidMeter,
                          BigDecimal arrears, Integer daysOverdue, String transformerArea, String feederLine) {
    }

    /**
     * An open work order, newest first, with where its clock stands (the clock fields are null for an order from
     * before the clock, or one whose clock has stopped).
     *
     * @param typeLabel the type's label as the order started ("报修 fault repair"), or null
     * @param awaiting  the time point the clock waits for (B …), or null
     * @param stageName what that point is, from the order's limits ("热线派单 hotline dispatches"), or null
     * @param deadline  when the current stage runs out, or null
     */
    public record WorkOrderSummary(long id, String orderNo, String type, String status, java.time.Instant createdAt,
                                   String typeLabel, String awaiting, String stageName, java.time.Instant deadline) {

        /** An order without its clock (the card before issue #12). */
        public WorkOrderSummary(long id, String orderNo, String type, String status, java.time.Instant createdAt) {
            this(id, orderNo, type, status, createdAt, null, null, null, null);
        }
    }

    /**
     * One past contact (interaction), newest first; {@code satisfaction} is the score 1–5 the caller gave in the
     * survey after the call the contact was recorded on, null when none.
     */
    public record ContactSummary(java.time.Instant at, String channel, String category, String summary,
                                 String agent, Integer satisfaction) {

        /** A contact without a survey score. */
        public ContactSummary(java.time.Instant at, String channel, String category, String summary, String agent) {
            this(at, channel, category, summary, agent, null);
        }
    }

    /**
     * An active outage covering one of the customer's premises ({@code kind} is {@code planned} or {@code unplanned};
     * area fields null for a line-wide outage).
     */
    public record OutageSummary(String outageNo, String kind, String lineCode, String lineName, String areaCode,
                                String areaName, String reason, java.time.Instant startsAt,
                                java.time.Instant expectedEndAt) {
    }
}
