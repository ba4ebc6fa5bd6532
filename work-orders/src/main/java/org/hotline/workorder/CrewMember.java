package org.hotline.workorder;

/**
 * The crew member a valid token names: who records points from the crew app, and for which crew unit.
 *
 * @param tokenId   the token's id
 * @param name      the member's name, recorded with every point (张师傅)
 * @param phone     the member's phone, or null
 * @param crewId    the crew unit's id
 * @param crew      the crew unit's code
 * @param crewName  the crew unit's name
 */
public record CrewMember(long tokenId, String name, String phone, long crewId, String crew, String crewName) {
}
