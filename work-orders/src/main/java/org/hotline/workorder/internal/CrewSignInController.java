package org.hotline.workorder.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.hotline.workorder.CrewAppProperties;
import org.hotline.workorder.CrewToken;
import org.hotline.workorder.CrewTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A crew member signed in with a password (role CREW): the crew page trades the session for a crew token of the
 * account's crew, which expires after a shift; the crew API itself stays token-only (docs/adr/0024).
 */
@RestController
@Tag(name = "crews")
class CrewSignInController {

    private final CrewTokens tokens;
    private final CrewAppProperties settings;

    CrewSignInController(CrewTokens tokens, CrewAppProperties settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @PostMapping("/api/me/crew-token")
    @PreAuthorize("hasRole('CREW')")
    @Operation(summary = "A crew token for the signed-in crew member's crew; earlier sign-in tokens are revoked")
    ResponseEntity<CrewToken> token(Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(tokens.issueForSignIn(who.getName(), settings.signInTokenLifetime()));
    }
}
