package org.hotline.desktop.outage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.network.LineTree;
import org.hotline.cti.network.Lookup;
import org.hotline.cti.network.LookupResult;
import org.hotline.cti.network.Network;
import org.hotline.cti.network.NetworkRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent's lookup box and line tree (any signed-in role; paths guarded in SecurityConfiguration). */
@RestController
class LookupController {

    private final Lookup lookup;
    private final Network network;

    LookupController(Lookup lookup, Network network) {
        this.lookup = lookup;
        this.network = network;
    }

    @GetMapping("/api/lookup")
    List<Map<String, Object>> lookup(@RequestParam(defaultValue = "") String q,
                                     @RequestParam(defaultValue = "20") int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LookupResult r : lookup.search(q, limit)) {
            Map<String, Object> m = new LinkedHashMap<>(); // LinkedHashMap: null values stay in the JSON
            m.put("type", r.type());
            m.put("code", r.code());
            m.put("name", r.name());
            m.put("initials", r.initials());
            m.put("lineCode", r.lineCode());
            m.put("lineName", r.lineName());
            m.put("areaCode", r.areaCode());
            m.put("areaName", r.areaName());
            m.put("customerNo", r.customerNo());
            m.put("repairCentre", r.repairCentre());
            m.put("responsiblePerson", r.responsiblePerson());
            m.put("responsiblePhone", r.responsiblePhone());
            m.put("outages", OutageJson.of(r.outages()));
            out.add(m);
        }
        return out;
    }

    // the line list of /lines.html without a code: a way in instead of a dead end (issue #16)
    @GetMapping("/api/lines")
    List<Network.LineSummary> lines() {
        return network.lines();
    }

    @GetMapping("/api/lines/{code}/tree")
    Map<String, Object> tree(@PathVariable String code) {
        LineTree t = network.lineTree(code).orElseThrow(() -> NetworkRejectedException.notFound("no feeder line " + code));
        List<Map<String, Object>> areas = new ArrayList<>(t.areas().size());
        for (LineTree.AreaNode a : t.areas()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.name());
            m.put("responsiblePerson", a.responsiblePerson());
            m.put("responsiblePhone", a.responsiblePhone());
            m.put("repairCentre", a.repairCentre());
            m.put("outages", OutageJson.of(a.outages()));
            m.put("customerCount", a.customerCount());
            m.put("flagged", a.flagged());
            areas.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", t.code());
        m.put("name", t.name());
        m.put("substation", t.substation());
        m.put("repairCentre", t.repairCentre());
        m.put("outages", OutageJson.of(t.outages()));
        m.put("areas", areas);
        return m;
    }
}
