package org.hotline.desktop.customerimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customerimport.BadRow;
import org.hotline.cti.customerimport.CustomerImport;
import org.hotline.cti.customerimport.ImportFileException;
import org.hotline.cti.customerimport.ImportJob;
import org.hotline.cti.customerimport.ImportJobs;
import org.hotline.cti.customerimport.ImportLock;
import org.hotline.cti.customerimport.ImportOptions;
import org.hotline.cti.customerimport.ImportProgress;
import org.hotline.cti.customerimport.ImportResult;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * One customer import as both doors run it, the administrator's upload and the billing system's API: one import at a
 * time (dry runs aside), the job recorded after each batch, resumable after the last committed line, audited.
 */
@Component
class ImportRunner {

    private final CustomerImport importer;
    private final ImportJobs jobs;
    private final AuditLog audit;

    ImportRunner(CustomerImport importer, ImportJobs jobs, AuditLog audit) {
        this.importer = importer;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Imports (or checks, {@code dryRun}) the CSV in {@code in} of {@code length} bytes (-1: unknown) for {@code actor}. */
    ResponseEntity<Map<String, Object>> run(InputStream in, long length, String actor, boolean dryRun, Long resume,
                                            String fileName) throws IOException {
        long resumeAfter = 0;
        if (resume != null) {
            ImportJob previous = jobs.find(resume).orElse(null);
            if (previous == null || previous.dryRun()) {
                return error(HttpStatus.BAD_REQUEST, "resume：没有可续传的导入 " + resume, null);
            }
            resumeAfter = previous.progress().lastCommittedLine();
        }
        if (fileName != null && fileName.length() > 200) {
            return error(HttpStatus.BAD_REQUEST, "fileName：超过 200 个字符", null);
        }
        // two imports at once would interleave their upserts of the same customers: a dry run writes nothing
        ImportLock lock = null;
        if (!dryRun) {
            lock = jobs.lockImports().orElse(null);
            if (lock == null) {
                ImportJob other = jobs.running().stream().findFirst().orElse(null);
                return error(HttpStatus.CONFLICT, "另一个导入正在进行" + (other == null ? "" : "（" + other.id() + " 号，"
                        + other.startedBy() + " 开始于 " + other.startedAt() + "）") + "，请等它结束后再导入", null);
            }
        }
        try (ImportLock held = lock) {
            return locked(in, length, actor, dryRun, resume, resumeAfter, fileName);
        }
    }

    private ResponseEntity<Map<String, Object>> locked(InputStream in, long length, String actor, boolean dryRun,
                                                       Long resume, long resumeAfter, String fileName) {
        long id = jobs.start(dryRun, fileName, actor, length >= 0 ? length : null, resume);
        ImportProgress[] last = {new ImportProgress(0, 0, 0, 0, resumeAfter)};
        try (InputStream body = in) {
            ImportResult result = importer.run(body, new ImportOptions(dryRun, resumeAfter), p -> {
                last[0] = p;
                jobs.progress(id, p);
            });
            jobs.finish(id, result.progress(), null);
            if (!dryRun) {
                audit.record(actor, "customer-import", "import:" + id, Map.of(
                        "rowsRead", result.progress().rowsRead(), "rowsImported", result.progress().rowsImported(),
                        "rowsFailed", result.progress().rowsFailed(), "fileName", fileName == null ? "" : fileName));
            }
            Map<String, Object> answer = job(jobs.find(id).orElseThrow());
            answer.put("badRows", badRows(result.badRows()));
            return ResponseEntity.ok(answer);
        } catch (ImportFileException e) {
            jobs.finish(id, last[0], e.getMessage());
            return error(HttpStatus.BAD_REQUEST, e.getMessage(), id);
        } catch (IOException e) {
            // the upload broke off or passed hotline.import.max-size: what was committed stays, resume continues
            jobs.finish(id, last[0], "上传中断：" + e.getMessage());
            return error(HttpStatus.BAD_REQUEST, "上传中断（" + e.getMessage() + "）；用 ?resume=" + id
                    + " 续传", id);
        } catch (RuntimeException e) {
            jobs.finish(id, last[0], "导入失败：" + e.getMessage());
            throw e;
        }
    }

    /** The job with this id as the APIs answer it, or 404. */
    ResponseEntity<Map<String, Object>> job(long id) {
        return jobs.find(id).map(j -> ResponseEntity.ok(job(j)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "没有导入 " + id, null));
    }

    /** The latest jobs, newest first. */
    List<Map<String, Object>> latest() {
        return jobs.latest(20).stream().map(ImportRunner::job).toList();
    }

    private static Map<String, Object> job(ImportJob j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", j.id());
        out.put("dryRun", j.dryRun());
        out.put("status", j.status());
        out.put("fileName", j.fileName());
        out.put("startedBy", j.startedBy());
        out.put("bytesTotal", j.bytesTotal());
        out.put("bytesRead", j.progress().bytesRead());
        out.put("rowsRead", j.progress().rowsRead());
        out.put("rowsImported", j.progress().rowsImported());
        out.put("rowsFailed", j.progress().rowsFailed());
        out.put("lastCommittedLine", j.progress().lastCommittedLine());
        out.put("resumedFrom", j.resumedFrom());
        out.put("error", j.error());
        out.put("startedAt", j.startedAt());
        out.put("updatedAt", j.updatedAt());
        out.put("finishedAt", j.finishedAt());
        return out;
    }

    private static List<Map<String, Object>> badRows(List<BadRow> rows) {
        return rows.stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", b.line());
            m.put("column", b.column());
            m.put("reason", b.reason());
            return m;
        }).toList();
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, Long id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (id != null) {
            body.put("id", id);
        }
        return ResponseEntity.status(status).body(body);
    }
}
