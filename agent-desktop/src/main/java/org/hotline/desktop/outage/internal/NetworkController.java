package org.hotline.desktop.outage.internal;

import java.util.Map;
import org.hotline.cti.network.AreaEdit;
import org.hotline.cti.network.ImportResult;
import org.hotline.cti.network.LineEdit;
import org.hotline.cti.network.Network;
import org.hotline.cti.network.NetworkImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' network endpoints: CSV imports (body text/csv, UTF-8) and edits of one area or line. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class NetworkController {

    private final NetworkImport imports;
    private final Network network;

    NetworkController(NetworkImport imports, Network network) {
        this.imports = imports;
        this.network = network;
    }

    @PostMapping(path = "/api/network/import", consumes = {"text/csv", "text/plain"})
    Map<String, Object> importNetwork(@RequestBody byte[] csv) {
        return imported(imports.importNetwork(utf8(csv)));
    }

    @PostMapping(path = "/api/network/areas/import", consumes = {"text/csv", "text/plain"})
    Map<String, Object> importAreas(@RequestBody byte[] csv) {
        return imported(imports.importAreas(utf8(csv)));
    }

    @PutMapping("/api/network/areas/{code}")
    Map<String, Object> editArea(@PathVariable String code, @RequestBody AreaEdit edit) {
        network.editArea(code, edit);
        return Map.of("code", code);
    }

    @PutMapping("/api/network/lines/{code}")
    Map<String, Object> editLine(@PathVariable String code, @RequestBody LineEdit edit) {
        network.editLine(code, edit);
        return Map.of("code", code);
    }

    private static Map<String, Object> imported(ImportResult r) {
        return Map.of("imported", Map.of("substations", r.substations(), "lines", r.lines(), "areas", r.areas()));
    }

    private static String utf8(byte[] body) {
        try {
            // strict decoding: a GBK file saved by Excel must be refused, not imported as mojibake
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 (save it as CSV UTF-8)");
        }
    }
}
