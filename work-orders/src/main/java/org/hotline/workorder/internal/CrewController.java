package org.hotline.workorder.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.workorder.CrewApp;
import org.hotline.workorder.CrewMember;
import org.hotline.workorder.CrewOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The crew app's API: a crew member, authenticated by a token ({@link CrewApiSecurity}), works the orders assigned
 * to the member's crew. Every answer is the order as the app shows it; refusals are a 4xx with {@code message}.
 */
@RestController
@RequestMapping("/api/crew")
@Tag(name = "crew app", description = "Orders of the caller's crew and the crew's time points (accept F, depart G, "
        + "arrive H, done), each recorded with the crew member's name from the crew app. A point out of order or "
        + "recorded already is a 409; another crew's order a 403; nothing is recorded on a refusal.")
@SecurityRequirement(name = CrewController.SCHEME)
@SecurityScheme(name = CrewController.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A crew member's token, issued by an administrator (POST /api/work-orders/crew-tokens); "
                + "unknown or revoked: 401 with the reason")
class CrewController {

    static final String SCHEME = "crewToken";

    private final CrewApp crew;
    private final ObjectProvider<CrewEvents> events;

    CrewController(CrewApp crew, ObjectProvider<CrewEvents> events) {
        this.crew = crew;
        this.events = events;
    }

    /** Why the crew cannot go. */
    record CannotGoRequest(String reason) {
    }

    /** The fault found on site. */
    record FaultRequest(String text) {
    }

    /** The materials used. */
    record MaterialsRequest(List<CrewApp.Material> materials) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token names: the crew member and the crew, with the photo limits")
    MeAnswer me(@AuthenticationPrincipal CrewMember member) {
        return new MeAnswer(member.name(), member.phone(), member.crew(), member.crewName(),
                crew.settings().photoMaxSize().toBytes(), crew.settings().photoMaxCount(), CrewApp.PHOTO_TYPES);
    }

    /** The token's member and the limits the page checks before sending photos. */
    record MeAnswer(String name, String phone, String crew, String crewName, long photoMaxBytes, int photoMaxCount,
                    List<String> photoTypes) {
    }

    @GetMapping("/orders")
    @Operation(summary = "My crew's open orders, the most urgent first",
            description = "Listing delivers: an order whose clock waits for E (the order reaches the team) gets E now.")
    List<CrewOrder> orders(@AuthenticationPrincipal CrewMember member) {
        return crew.myOrders(member);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: 'orders' when an order of my crew was assigned, taken away or changed",
            description = "The stream ends after ten minutes; open it again (with the token). A comment line comes "
                    + "every 20 s. On 'orders', fetch /api/crew/orders again.")
    SseEmitter events(@AuthenticationPrincipal CrewMember member) {
        CrewEvents live = events.getIfAvailable();
        if (live == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no live line on this server (no push bus): "
                    + "refresh the list by hand");
        }
        return live.open(member.crew());
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "One order of my crew")
    CrewOrder order(@AuthenticationPrincipal CrewMember member, @PathVariable long id) {
        return crew.order(member, id);
    }

    @PostMapping("/orders/{id}/accept")
    @Operation(summary = "Accept the order: records the acceptance point (F of a repair)")
    CrewOrder accept(@AuthenticationPrincipal CrewMember member, @PathVariable long id) {
        return crew.accept(member, id);
    }

    @PostMapping("/orders/{id}/cannot-go")
    @Operation(summary = "The crew cannot go: the order goes back to the dispatcher with the reason",
            description = "The clock is not re-routed (the centre routed rightly); the waiting stage keeps running.")
    CrewOrder cannotGo(@AuthenticationPrincipal CrewMember member, @PathVariable long id,
                       @RequestBody CannotGoRequest r) {
        return crew.cannotGo(member, id, r == null ? null : r.reason());
    }

    @PostMapping("/orders/{id}/depart")
    @Operation(summary = "The crew departs: records G of a repair")
    CrewOrder depart(@AuthenticationPrincipal CrewMember member, @PathVariable long id) {
        return crew.depart(member, id);
    }

    @PostMapping("/orders/{id}/arrive")
    @Operation(summary = "The crew is on site: records H of a repair with the phone's position",
            description = "latitude -90..90, longitude -180..180, accuracy 0..10000 m, all three or none (no fix or "
                    + "location denied); out of range: 400. A position outside China is recorded with a warning. "
                    + "A second arrival: 409.")
    CrewOrder arrive(@AuthenticationPrincipal CrewMember member, @PathVariable long id,
                     @RequestBody(required = false) CrewApp.Position position) {
        return crew.arrive(member, id, position);
    }

    @PostMapping("/orders/{id}/fault")
    @Operation(summary = "Report the fault found")
    CrewOrder fault(@AuthenticationPrincipal CrewMember member, @PathVariable long id, @RequestBody FaultRequest r) {
        return crew.fault(member, id, r == null ? null : r.text());
    }

    @PostMapping("/orders/{id}/materials")
    @Operation(summary = "Report materials used (name, quantity, unit)")
    CrewOrder materials(@AuthenticationPrincipal CrewMember member, @PathVariable long id,
                        @RequestBody MaterialsRequest r) {
        return crew.materials(member, id, r == null ? null : r.materials());
    }

    @PostMapping(value = "/orders/{id}/done", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
        MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @Operation(summary = "The work is done, with an optional note and photos (multipart: note, photos)",
            description = "Photos: JPEG, PNG, WebP or HEIC, each at most hotline.work-orders.crew.photo-max-size "
                    + "(5MB), at most photo-max-count (3); larger or more: 413 and nothing is recorded.")
    CrewOrder done(@AuthenticationPrincipal CrewMember member, @PathVariable long id,
                   @RequestParam(required = false) String note,
                   @RequestParam(required = false) List<MultipartFile> photos) {
        List<MultipartFile> files = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        // refused by what the upload declares, before a photo is read into memory
        crew.checkPhotoCount(files.size());
        for (MultipartFile f : files) {
            crew.checkPhoto(f.getOriginalFilename(), f.getContentType(), f.getSize());
        }
        List<CrewApp.Photo> sent = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                sent.add(new CrewApp.Photo(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("photo '" + f.getOriginalFilename() + "' could not be read", e);
            }
        }
        return crew.done(member, id, note, sent);
    }
}
