package org.hotline.desktop.outage.internal;

import java.time.Duration;
import java.util.Map;
import org.hotline.cti.outage.OutageStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public outage feed for the company website: no login, no personal data, cacheable for a minute. */
@RestController
class PublicOutageController {

    private final OutageStatus status;

    PublicOutageController(OutageStatus status) {
        this.status = status;
    }

    @GetMapping("/public/outages.json")
    ResponseEntity<Map<String, Object>> feed() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(Map.of("generatedAt", status.now(), "outages", status.publicFeed()));
    }
}
