package org.hotline.desktop.customer.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.push.PopJson;
import org.hotline.desktop.customer.DeskProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's customer look-ups: the search box, one card, and older contact history. Cards are written exactly
 * as in a screen-pop (PopJson: HTML-safe escapes), so the page renders both with the same code.
 */
@RestController
class CustomerController {

    private static final int MAX_HISTORY_PAGE = 50;

    private final CustomerDirectory customers;
    private final DeskProperties properties;
    private final CardReads reads;

    CustomerController(CustomerDirectory customers, DeskProperties properties, CardReads reads) {
        this.customers = customers;
        this.properties = properties;
        this.reads = reads;
    }

    // every card sent is audited (who, which, how, from which call or search) and counted against the user's limit
    @GetMapping("/api/customers/search")
    ResponseEntity<String> search(@RequestParam("q") String q, @RequestParam(name = "limit", required = false)
            Integer limit, @RequestParam(name = "callId", required = false) String callId, Principal who) {
        int n = limit == null ? properties.searchLimit() : Math.min(limit, CustomerDirectory.MAX_LIMIT);
        List<CustomerCard> found = customers.search(q, Math.max(1, n));
        reads.read(who.getName(), found, "search", callId(callId), q.strip());
        return json(found);
    }

    @GetMapping("/api/customers/{customerNo}")
    ResponseEntity<String> card(@PathVariable("customerNo") String customerNo,
                                @RequestParam(name = "callId", required = false) String callId, Principal who) {
        CustomerCard card = find(customerNo);
        reads.read(who.getName(), List.of(card), "card", callId(callId), null);
        return json(card);
    }

    @GetMapping("/api/customers/{customerNo}/contacts")
    ResponseEntity<String> contacts(@PathVariable("customerNo") String customerNo,
                                    @RequestParam(name = "before", required = false) Instant before,
                                    @RequestParam(name = "limit", required = false) Integer limit,
                                    @RequestParam(name = "callId", required = false) String callId, Principal who) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > MAX_HISTORY_PAGE) {
            throw new IllegalArgumentException("limit: " + n + " (expected: 1.." + MAX_HISTORY_PAGE + ")");
        }
        CustomerCard card = find(customerNo);
        reads.read(who.getName(), List.of(card), "contacts", callId(callId), null);
        List<CustomerCard.ContactSummary> page = customers.contactHistory(card.id(),
                before == null ? Instant.now().plusSeconds(1) : before, n);
        return json(page);
    }

    private static String callId(String callId) {
        if (callId == null || callId.isBlank()) {
            return null;
        }
        if (!callId.strip().matches("^[0-9A-Za-z._-]{1,64}$")) {
            throw new IllegalArgumentException("callId: '" + callId + "' (expected: a call id such as 1700000000.12)");
        }
        return callId.strip();
    }

    private CustomerCard find(String customerNo) {
        return customers.findByCustomerNo(customerNo)
                .orElseThrow(() -> new NoSuchElementException("customer '" + customerNo + "' not found"));
    }

    private static ResponseEntity<String> json(Object value) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PopJson.write(value));
    }
}
