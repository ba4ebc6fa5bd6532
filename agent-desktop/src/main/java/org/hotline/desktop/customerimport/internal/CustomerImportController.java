package org.hotline.desktop.customerimport.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.hotline.cti.apikey.ApiKeys;
import org.hotline.cti.customerimport.CustomerImportFormat;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators import customers: POST the CSV as the raw body ({@code text/csv}, streamed, up to
 * {@code hotline.import.max-size}), {@code ?dryRun=true} to check only, {@code ?resume=<job id>} to continue an
 * interrupted import of the same file; the answer has the counts and the bad rows. Progress is in
 * {@code GET /api/admin/imports/{id}}; the template is a download. They also issue and disable the API keys a billing
 * system's nightly job imports with ({@code /api/import/v1}, {@link ImportApiController}).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class CustomerImportController {

    /** The media type of an XLSX workbook, imported like the CSV (its first sheet). */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportRunner runner;
    private final ApiKeys keys;
    private final AuditLog audit;

    CustomerImportController(ImportRunner runner, ImportApiKeys keys, AuditLog audit) {
        this.runner = runner;
        this.keys = keys.keys();
        this.audit = audit;
    }

    /** A key to issue: who will use it. */
    record NewKey(String name) {
    }

    @GetMapping("/api/admin/imports/customers/template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("customers-template.csv").build().toString())
                .body(CustomerImportFormat.template().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(path = "/api/admin/imports/customers", consumes = {"text/csv", "text/plain", "application/octet-stream",
        XLSX})
    ResponseEntity<Map<String, Object>> importCustomers(HttpServletRequest request, Principal principal,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) Long resume,
            @RequestParam(required = false) String fileName) throws IOException {
        return runner.run(request.getInputStream(), request.getContentLengthLong(), principal.getName(), dryRun,
                resume, fileName);
    }

    @GetMapping("/api/admin/imports/{id}")
    ResponseEntity<Map<String, Object>> job(@PathVariable long id) {
        return runner.job(id);
    }

    @GetMapping("/api/admin/imports")
    List<Map<String, Object>> latest() {
        return runner.latest();
    }

    @GetMapping("/api/admin/imports/api-keys")
    List<ApiKeys.Listed> apiKeys() {
        return keys.list();
    }

    @PostMapping("/api/admin/imports/api-keys")
    ResponseEntity<?> issue(@RequestBody(required = false) NewKey key, Principal who) {
        ApiKeys.Created created;
        try {
            created = keys.create(key == null ? null : key.name(), who.getName());
        } catch (IllegalArgumentException e) {
            return ImportRunner.error(HttpStatus.BAD_REQUEST, "name：1 到 100 个字符（如 计费系统夜间导入）", null);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return ImportRunner.error(HttpStatus.CONFLICT, "name：已有同名密钥 " + key.name(), null);
        }
        audit.record(who.getName(), "import-api-key-issued", "import-key:" + created.id(),
                Map.of("name", created.name()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created);
    }

    @PostMapping("/api/admin/imports/api-keys/{id}/disable")
    ResponseEntity<Map<String, Object>> disable(@PathVariable long id, Principal who) {
        if (!keys.disable(id)) {
            return ImportRunner.error(HttpStatus.NOT_FOUND, "没有密钥 " + id, null);
        }
        audit.record(who.getName(), "import-api-key-disabled", "import-key:" + id, Map.of());
        return ResponseEntity.ok(Map.of("id", id, "enabled", false));
    }
}
