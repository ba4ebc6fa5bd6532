package org.hotline.workorder;

import java.time.Instant;

/**
 * A crew token as administrators list it: never the secret, only its first characters.
 *
 * @param id           the token's id
 * @param hint         the secret's first characters
 * @param memberName   the crew member
 * @param memberPhone  the member's phone, or null
 * @param crew         the crew unit's code
 * @param crewName     the crew unit's name
 * @param issuedAt     when issued
 * @param issuedBy     the administrator who issued it
 * @param revokedAt    when revoked, or null
 * @param revokedBy    who revoked it, or null
 * @param revokeReason why, or null
 * @param lastUsedAt   the last request with it (to the minute), or null
 * @param signedInUser the CREW user whose sign-in issued it, or null for an administrator's token
 * @param expiresAt    when a sign-in token stops working, or null (an administrator's token does not expire)
 * @param secret       the secret, only in the answer that issues it (shown once), else null
 */
public record CrewToken(long id, String hint, String memberName, String memberPhone, String crew, String crewName,
                        Instant issuedAt, String issuedBy, Instant revokedAt, String revokedBy, String revokeReason,
                        Instant lastUsedAt, String signedInUser, Instant expiresAt, String secret) {

    /** The same token with its secret, for the one answer that shows it. */
    public CrewToken withSecret(String value) {
        return new CrewToken(id, hint, memberName, memberPhone, crew, crewName, issuedAt, issuedBy, revokedAt,
                revokedBy, revokeReason, lastUsedAt, signedInUser, expiresAt, value);
    }
}
