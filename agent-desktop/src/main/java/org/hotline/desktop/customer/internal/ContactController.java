package org.hotline.desktop.customer.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.NewContact;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushUnavailableException;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.desktop.customer.AgentCalls;
import org.hotline.desktop.customer.DeskProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact logging (联系记录) from the desk: the categories with their sub-categories, and saving a contact bound to
 * a call the agent was on (checked against the calls that rang the agent's phone, or the agent's current pops).
 */
@RestController
class ContactController {

    /** What the page posts; customerNo or accountNo name the customer, callId and callerNumber the call. */
    record ContactForm(String customerNo, String accountNo, String callId, String callerNumber, String category,
                       String subCategory, String notes) {
    }

    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final AgentCalls calls;
    private final PopStore pops;
    private final DeskProperties properties;

    ContactController(CustomerDirectory customers, AgentDirectory agents, AgentCalls calls, PopStore pops,
                      DeskProperties properties) {
        this.customers = customers;
        this.agents = agents;
        this.calls = calls;
        this.pops = pops;
        this.properties = properties;
    }

    @GetMapping("/api/desk/categories")
    List<Map<String, Object>> categories() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NewContact.Category c : NewContact.Category.values()) {
            out.add(Map.of("code", c.code(), "label", c.label(), "subCategories",
                    properties.subCategories().get(c.code())));
        }
        return out;
    }

    @PostMapping("/api/desk/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(@RequestBody ContactForm form, Principal principal) {
        NewContact.Category category = category(form.category());
        String sub = blankToNull(form.subCategory());
        List<String> allowed = properties.subCategories().get(category.code());
        if (sub != null && !allowed.contains(sub)) {
            throw new IllegalArgumentException("subCategory: '" + sub + "' (expected for " + category.code()
                    + ": one of " + allowed + ")");
        }
        Long customerId = null;
        if (blankToNull(form.customerNo()) != null) {
            customerId = customers.findByCustomerNo(form.customerNo())
                    .orElseThrow(() -> new NoSuchElementException("customer '" + form.customerNo() + "' not found"))
                    .id();
        }
        String callId = blankToNull(form.callId());
        String phone = blankToNull(form.callerNumber());
        if (callId != null) {
            phone = callerOfOwnCall(principal.getName(), callId);
        }
        long id = customers.recordContact(new NewContact(customerId, blankToNull(form.accountNo()), callId, phone,
                NewContact.Channel.PHONE, category, sub,
                blankToNull(form.notes()), principal.getName(), null));
        return Map.of("id", id);
    }

    // the caller number the PBX reported for the call, which must have reached this agent's phone
    private String callerOfOwnCall(String username, String callId) {
        AgentAccount me = agents.findByUsername(username)
                .orElseThrow(() -> new NotYourCallException("user " + username + " has no phone"));
        var recent = calls.find(me.interfaces(), callId);
        if (recent.isPresent()) {
            return blankToNull(recent.get().callerNumber());
        }
        try {
            // another node may track the calls: the shared pop store still holds the agent's current pops
            for (ScreenPop p : pops.current(username)) {
                if (p.callId().equals(callId)) {
                    return blankToNull(p.callerNumber());
                }
            }
        } catch (PushUnavailableException e) {
            // fall through: without the store the call cannot be confirmed
        }
        throw new NotYourCallException("callId: '" + callId + "' (expected: a call that reached " + username
                + "'s phone in the last " + AgentCalls.KEPT.toHours() + " hours)");
    }

    private static NewContact.Category category(String code) {
        if (code != null) {
            for (NewContact.Category c : NewContact.Category.values()) {
                if (c.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("category: '" + code + "' (expected: one of "
                + Arrays.stream(NewContact.Category.values()).map(NewContact.Category::code).toList() + ")");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
