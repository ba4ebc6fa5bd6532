package org.hotline.workorder;

/**
 * One of a customer's premises, as the agent picks the one with the fault when creating an order.
 *
 * @param premisesId the premises
 * @param accountNo  the account (户号) on it (the first, when several)
 * @param address    the supply address
 * @param area       the transformer area's name, or null
 * @param line       the feeder line's name, or null
 */
public record CustomerPremises(long premisesId, String accountNo, String address, String area, String line) {
}
