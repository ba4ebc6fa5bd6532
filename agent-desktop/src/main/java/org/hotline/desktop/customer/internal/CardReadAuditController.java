package org.hotline.desktop.customer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read the card-read audit: who opened which customer's card, and who opened unusually many. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class CardReadAuditController {

    private static final int MAX_ROWS = 500;

    private final CardReads reads;

    CardReadAuditController(CardReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/admin/card-reads")
    List<CardReads.CardRead> list(@RequestParam(required = false) String user,
                                  @RequestParam(required = false) String customerNo,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 200 : limit;
        if (n < 1 || n > MAX_ROWS) {
            throw new IllegalArgumentException("limit: " + n + " (expected: 1.." + MAX_ROWS + ")");
        }
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: " + start + " (expected: before to, " + end + ")");
        }
        return reads.list(blankToNull(user), blankToNull(customerNo), start, end, n);
    }

    @GetMapping("/api/admin/card-reads/totals")
    List<CardReads.UserTotal> totals(@RequestParam(required = false) Instant since) {
        return reads.totals(since == null ? Instant.now().minus(Duration.ofDays(1)) : since);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
