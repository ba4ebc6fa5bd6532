package org.hotline.desktop.outage.internal;

import java.time.Duration;
import java.util.Map;
import org.hotline.cti.outage.OutageStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public outage feed for the company website: no login, no personal data, cacheable for a minute. */
@RestController
class PublicOutageController {

    private final OutageStatus status;

    PublicOutageController(OutageStatus status) {
        this.status = status;
    }

    /** Longest address text the search takes (a full address with building and room fits). */
    static final int MAX_ADDRESS = 60;

    // ?address=: only the outages that reach that address (its area, its line or a premises beneath them)
    @GetMapping("/public/outages.json")
    ResponseEntity<Map<String, Object>> feed(@RequestParam(required = false) String address) {
        if (address != null && address.strip().length() > MAX_ADDRESS) {
            return ResponseEntity.badRequest().body(Map.of("error", "address_too_long",
                    "message", "address: at most " + MAX_ADDRESS + " characters"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(Map.of("generatedAt", status.now(), "outages", status.publicFeed(address)));
    }
}
