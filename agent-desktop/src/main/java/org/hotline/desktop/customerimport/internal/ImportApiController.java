package org.hotline.desktop.customerimport.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.hotline.cti.apikey.ApiKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing system's nightly import with an API key ({@code Authorization: Bearer hik_…}): the same import as the
 * administrator's upload (dry run, resume, one at a time, audited as {@code api:<key name>}) and its progress.
 */
@RestController
class ImportApiController {

    private static final String XLSX = CustomerImportController.XLSX;

    private final ImportRunner runner;

    ImportApiController(ImportRunner runner) {
        this.runner = runner;
    }

    @PostMapping(path = "/api/import/v1/customers", consumes = {"text/csv", "text/plain", "application/octet-stream",
        XLSX})
    ResponseEntity<Map<String, Object>> importCustomers(@AuthenticationPrincipal ApiKeys.Holder key,
            HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) Long resume, @RequestParam(required = false) String fileName)
            throws IOException {
        return runner.run(request.getInputStream(), request.getContentLengthLong(), actor(key), dryRun, resume,
                fileName);
    }

    @GetMapping("/api/import/v1/jobs/{id}")
    ResponseEntity<Map<String, Object>> job(@PathVariable long id) {
        return runner.job(id);
    }

    static String actor(ApiKeys.Holder key) {
        return "api:" + key.name();
    }
}
