package org.hotline.cti.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account (户号) as the IVR needs it, read in one query: its customer and premises, and what it owes.
 *
 * @param owed        the sum of its arrears (zero when nothing is owed)
 * @param dueDate     the earliest due date of what it owes, or null when nothing is owed
 * @param daysOverdue the most days any of it is overdue (0 when nothing is)
 * @param closed      whether the account is closed (a final bill may still be owed)
 */
public record AccountStanding(String accountNo, long customerId, long premisesId, BigDecimal owed, LocalDate dueDate,
                              int daysOverdue, boolean closed) {
}
