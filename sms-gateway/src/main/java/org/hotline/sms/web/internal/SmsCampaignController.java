package org.hotline.sms.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.hotline.sms.arrears.BillingImport;
import org.hotline.sms.arrears.ImportResult;
import org.hotline.sms.arrears.ReminderRule;
import org.hotline.sms.campaign.CampaignMessage;
import org.hotline.sms.campaign.CampaignPreview;
import org.hotline.sms.campaign.CampaignSummary;
import org.hotline.sms.campaign.SmsCampaigns;
import org.hotline.sms.outbox.SourceExtensions;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.template.SmsPreview;
import org.hotline.sms.template.SmsTemplate;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TemplateException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The campaign page's endpoints (session login, supervisors and admins): templates, imports, campaigns. */
@RestController
@RequestMapping("/api/sms")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SmsCampaignController {

    private final SmsCampaigns campaigns;
    private final SourceExtensions extensions;
    private final SmsTemplates templates;
    private final BillingImport billing;

    SmsCampaignController(SmsCampaigns campaigns, SmsTemplates templates, BillingImport billing,
                          SourceExtensions extensions) {
        this.campaigns = campaigns;
        this.extensions = extensions;
        this.templates = templates;
        this.billing = billing;
    }

    /** A campaign to create or preview; {@code sourceExtension} its own 106 extension (optional, ADR 0035). */
    record CampaignRequest(String name, String template, ReminderRule rule, String sourceExtension) {
    }

    /** A template to save. */
    record TemplateRequest(String kind, String body) {
    }

    /** A template body to try with sample fields. */
    record TemplatePreviewRequest(String kind, String body, Map<String, String> fields) {
    }

    @GetMapping("/campaigns")
    List<CampaignSummary> list(@RequestParam(defaultValue = "50") int limit) {
        return campaigns.list(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/campaigns/{id}")
    CampaignSummary campaign(@PathVariable long id) {
        return campaigns.find(id).orElseThrow(() -> new java.util.NoSuchElementException("no campaign " + id));
    }

    @PostMapping("/campaigns/preview")
    CampaignPreview preview(@RequestBody CampaignRequest request) {
        return campaigns.preview(rule(request), request.template());
    }

    @PostMapping("/campaigns")
    CampaignSummary create(@RequestBody CampaignRequest request, Principal user) {
        String ext = request.sourceExtension() == null || request.sourceExtension().isBlank() ? null
                : request.sourceExtension().strip();
        if (ext != null && (!ext.matches("[0-9]{1,6}") || extensions.kindOf(ext).isPresent())) {
            throw new IllegalArgumentException("sourceExtension: '" + ext + "' (expected: 1 to 6 digits, not a "
                    + "kind's extension such as " + extensions.arrears() + " or " + extensions.outage() + ")");
        }
        return campaigns.createReminders(request.name(), rule(request), request.template(), user.getName(), ext);
    }

    @PostMapping("/campaigns/{id}/pause")
    CampaignSummary pause(@PathVariable long id) {
        return campaigns.pause(id);
    }

    @PostMapping("/campaigns/{id}/resume")
    CampaignSummary resume(@PathVariable long id) {
        return campaigns.resume(id);
    }

    @PostMapping("/campaigns/{id}/cancel")
    CampaignSummary cancel(@PathVariable long id) {
        return campaigns.cancel(id);
    }

    @GetMapping("/campaigns/{id}/messages")
    List<CampaignMessage> messages(@PathVariable long id, @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") int offset,
                                   @RequestParam(defaultValue = "50") int limit) {
        return campaigns.messages(id, status == null || status.isBlank() ? null : status, Math.max(0, offset),
                Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/campaigns/{id}/messages.csv")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id) {
        campaign(id);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            campaigns.exportCsv(id, writer);
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + "-messages.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/templates")
    List<SmsTemplate> templates() {
        return templates.list();
    }

    @PutMapping("/templates/{name}")
    SmsTemplate saveTemplate(@PathVariable String name, @RequestBody TemplateRequest request, Principal user) {
        return templates.save(name, kind(request.kind()), request.body(), user.getName());
    }

    @PostMapping("/templates/preview")
    SmsPreview previewTemplate(@RequestBody TemplatePreviewRequest request) {
        SmsTemplates.check("preview", request.body());
        SmsTemplate t = new SmsTemplate(null, "preview", kind(request.kind()), request.body(), "", null);
        return templates.preview(templates.render(t, request.fields() == null ? Map.of() : request.fields()));
    }

    @PostMapping(path = "/imports/arrears", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportResult importArrears(HttpServletRequest request) throws IOException {
        return billing.importArrears(request.getInputStream());
    }

    @PostMapping(path = "/imports/ic-card", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportResult importIcCard(HttpServletRequest request) throws IOException {
        return billing.importIcCardBalances(request.getInputStream());
    }

    private static ReminderRule rule(CampaignRequest request) {
        if (request == null || request.rule() == null) {
            throw new IllegalArgumentException("rule missing, e.g. {\"type\":\"ARREARS\",\"minAmount\":50,"
                    + "\"steps\":[15,30,60]}");
        }
        return request.rule();
    }

    private static SmsKind kind(String kind) {
        try {
            return SmsKind.valueOf((kind == null ? "general" : kind).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TemplateException("kind '" + kind + "' (expected arrears, outage, work_order, escalation, "
                    + "general)");
        }
    }
}
