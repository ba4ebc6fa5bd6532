package org.hotline.desktop.customer.internal;

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

    CustomerController(CustomerDirectory customers, DeskProperties properties) {
        this.customers = customers;
        this.properties = properties;
    }

    @GetMapping("/api/customers/search")
    ResponseEntity<String> search(@RequestParam("q") String q, @RequestParam(name = "limit", required = false)
            Integer limit) {
        int n = limit == null ? properties.searchLimit() : Math.min(limit, CustomerDirectory.MAX_LIMIT);
        return json(customers.search(q, Math.max(1, n)));
    }

    @GetMapping("/api/customers/{customerNo}")
    ResponseEntity<String> card(@PathVariable("customerNo") String customerNo) {
        return json(find(customerNo));
    }

    @GetMapping("/api/customers/{customerNo}/contacts")
    ResponseEntity<String> contacts(@PathVariable("customerNo") String customerNo,
                                    @RequestParam(name = "before", required = false) Instant before,
                                    @RequestParam(name = "limit", required = false) Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > MAX_HISTORY_PAGE) {
            throw new IllegalArgumentException("limit: " + n + " (expected: 1.." + MAX_HISTORY_PAGE + ")");
        }
        CustomerCard card = find(customerNo);
        List<CustomerCard.ContactSummary> page = customers.contactHistory(card.id(),
                before == null ? Instant.now().plusSeconds(1) : before, n);
        return json(page);
    }

    private CustomerCard find(String customerNo) {
        return customers.findByCustomerNo(customerNo)
                .orElseThrow(() -> new NoSuchElementException("customer '" + customerNo + "' not found"));
    }

    private static ResponseEntity<String> json(Object value) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PopJson.write(value));
    }
}
