package org.hotline.workorder;

/**
 * An administrator bound a crew member's account (role CREW) to a crew; the server writes it to the audit log.
 *
 * @param username the account
 * @param crew     the crew unit's code
 * @param by       the administrator
 */
public record CrewAccountAssigned(String username, String crew, String by) {
}
