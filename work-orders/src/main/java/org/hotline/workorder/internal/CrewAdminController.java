package org.hotline.workorder.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.hotline.workorder.CrewAccountAssigned;
import org.hotline.workorder.CrewApp;
import org.hotline.workorder.CrewReport;
import org.hotline.workorder.CrewToken;
import org.hotline.workorder.CrewTokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's side of the crew app: administrators issue and revoke crew tokens and bind crew members' accounts to
 * crews; dispatchers and supervisors assign a crew to an order, see orders whose crew could not go and read what crews
 * reported (with their positions).
 */
@RestController
@RequestMapping("/api/work-orders")
@PreAuthorize(WorkOrderAccess.USERS)
@Tag(name = "crews", description = "Crew tokens (administrators), crew assignment and crew reports (dispatchers)")
class CrewAdminController {

    private static final String ROUTERS = WorkOrderAccess.ROUTERS;

    private final CrewTokens tokens;
    private final CrewApp crew;
    private final ApplicationEventPublisher events;

    CrewAdminController(CrewTokens tokens, CrewApp crew, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.crew = crew;
        this.events = events;
    }

    /** A token to issue: the crew unit's code and the member. */
    record IssueRequest(String crew, String memberName, String memberPhone) {
    }

    /** A revocation's reason (optional). */
    record RevokeRequest(String reason) {
    }

    /** The crew to assign. */
    record AssignRequest(String crew) {
    }

    @GetMapping("/crew-tokens")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every crew token, newest first (never the secrets)")
    List<CrewToken> tokens() {
        return tokens.list();
    }

    @PostMapping("/crew-tokens")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Issue a token for a crew member; the answer's secret is shown this once")
    ResponseEntity<CrewToken> issue(@RequestBody IssueRequest r, Principal who) {
        if (r == null) {
            throw new IllegalArgumentException("body: empty (expected: crew, memberName, memberPhone)");
        }
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(tokens.issue(r.crew(), r.memberName(), r.memberPhone(), who.getName()));
    }

    @PostMapping("/crew-tokens/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revoke a token: its next request is a 401 with the reason")
    CrewToken revoke(@PathVariable long id, @RequestBody(required = false) RevokeRequest r, Principal who) {
        return tokens.revoke(id, r == null ? null : r.reason(), who.getName());
    }

    @GetMapping("/crew-accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The crew each crew member's account (role CREW) works for: user name to crew code")
    Map<String, String> accounts() {
        return tokens.accounts();
    }

    @PutMapping("/crew-accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Bind a crew member's account to a crew; a sign-in token of another crew ends")
    Map<String, String> assignAccount(@PathVariable String username, @RequestBody(required = false) AssignRequest r,
                                      Principal who) {
        if (r == null || r.crew() == null || r.crew().isBlank()) {
            throw new IllegalArgumentException("crew: empty (expected: the code of a unit of kind crew)");
        }
        tokens.assignAccount(username, r.crew(), who.getName());
        events.publishEvent(new CrewAccountAssigned(username, r.crew().strip(), who.getName()));
        return Map.of("username", username, "crew", r.crew().strip());
    }

    @PostMapping("/{id}/crew")
    @PreAuthorize(ROUTERS)
    @Operation(summary = "Assign a crew (a unit of kind crew under the order's team) to the order")
    List<CrewReport> assign(@PathVariable long id, @RequestBody AssignRequest r, Principal who) {
        if (r == null || r.crew() == null || r.crew().isBlank()) {
            throw new IllegalArgumentException("crew: empty (expected: the code of a crew of the order's team)");
        }
        return crew.assign(id, r.crew(), who.getName());
    }

    @GetMapping("/{id}/crew")
    @PreAuthorize(ROUTERS)
    @Operation(summary = "What crews reported on the order (positions too), and whom the dispatcher assigned, "
            + "oldest first")
    List<CrewReport> reports(@PathVariable long id) {
        return crew.reports(id);
    }

    @GetMapping("/crew-waiting")
    @PreAuthorize(ROUTERS)
    @Operation(summary = "Open orders whose crew could not go, with the reason: assign another crew")
    List<CrewReport> waiting() {
        return crew.waitingForCrew();
    }

    @GetMapping("/{id}/photos/{photoId}")
    @PreAuthorize(ROUTERS)
    @Operation(summary = "A photo a crew sent with done")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        CrewApp.Photo p = crew.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").cacheControl(CacheControl.noCache()).body(p.data());
    }
}
