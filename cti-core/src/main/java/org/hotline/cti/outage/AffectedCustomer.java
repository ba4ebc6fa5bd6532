package org.hotline.cti.outage;

/** A customer beneath an outage and the mobile number to notify ({@code mobile} null when none allows SMS). */
public record AffectedCustomer(long customerId, String customerNo, String name, String mobile, boolean keyAccount,
                               boolean highRisk) {
}
