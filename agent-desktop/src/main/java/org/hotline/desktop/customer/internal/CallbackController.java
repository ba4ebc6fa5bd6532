package org.hotline.desktop.customer.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.hotline.cti.callback.Callback;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.callback.NewCallback;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Callbacks (回拨) from the side panel: the agent's list, scheduling one, and taking (atomic: the second agent gets
 * 409 with who has it), finishing or cancelling one.
 */
@RestController
class CallbackController {

    /** What the page posts to schedule; number as typed, dueAt ISO-8601, assignee a username or empty. */
    record ScheduleForm(String number, String customerNo, Instant dueAt, String note, String assignee) {
    }

    /** An optional note when finishing. */
    record NoteForm(String note) {
    }

    private final Callbacks callbacks;
    private final PhoneNumbers phoneNumbers;
    private final CustomerDirectory customers;

    CallbackController(Callbacks callbacks, PhoneNumbers phoneNumbers, CustomerDirectory customers) {
        this.callbacks = callbacks;
        this.phoneNumbers = phoneNumbers;
        this.customers = customers;
    }

    @GetMapping("/api/callbacks")
    List<Callback> list(@RequestParam(name = "limit", required = false) Integer limit, Principal principal) {
        return callbacks.openFor(principal.getName(), Instant.now(), limit == null ? 100 : limit);
    }

    @PostMapping("/api/callbacks")
    @ResponseStatus(HttpStatus.CREATED)
    Callback schedule(@RequestBody ScheduleForm form, Principal principal) {
        PhoneNumber number = phoneNumbers.normalize(form.number() == null ? "" : form.number());
        if (!number.lookupable() || number.normalized().isEmpty()) {
            throw new IllegalArgumentException("number: '" + form.number() + "' (expected: a phone number to call)");
        }
        if (form.dueAt() == null) {
            throw new IllegalArgumentException("dueAt: null (expected: when to call back, ISO-8601)");
        }
        Long customerId = form.customerNo() == null || form.customerNo().isBlank() ? null
                : customers.findByCustomerNo(form.customerNo()).orElseThrow(() -> new NoSuchElementException(
                        "customer '" + form.customerNo() + "' not found")).id();
        return callbacks.schedule(new NewCallback(number.normalized(), customerId, form.dueAt(), form.note(),
                form.assignee(), principal.getName()));
    }

    @PostMapping("/api/callbacks/{id}/take")
    Callback take(@PathVariable("id") long id, Principal principal) {
        return callbacks.take(id, principal.getName());
    }

    @PostMapping("/api/callbacks/{id}/done")
    Callback done(@PathVariable("id") long id, @RequestBody(required = false) NoteForm form, Principal principal) {
        return callbacks.finish(id, principal.getName(), Callback.Status.DONE, form == null ? null : form.note());
    }

    @PostMapping("/api/callbacks/{id}/cancel")
    Callback cancel(@PathVariable("id") long id, @RequestBody(required = false) NoteForm form, Principal principal) {
        return callbacks.finish(id, principal.getName(), Callback.Status.CANCELLED, form == null ? null : form.note());
    }
}
