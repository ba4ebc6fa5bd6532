package org.hotline.sms.web.internal;

import java.security.Principal;
import org.hotline.sms.web.ApiClients;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create API clients (the key is in the answer, once) and disable them. */
@RestController
@RequestMapping("/api/admin/sms/api-clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientController {

    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    /** A client to create. */
    record NewClientRequest(String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiClients.NewApiClient create(@RequestBody NewClientRequest request, Principal user) {
        return clients.create(request.name(), user.getName());
    }

    @PostMapping("/{id}/disable")
    void disable(@PathVariable long id) {
        if (!clients.disable(id)) {
            throw new java.util.NoSuchElementException("no API client " + id);
        }
    }
}
