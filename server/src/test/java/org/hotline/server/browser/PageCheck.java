package org.hotline.server.browser;

import java.util.List;
import java.util.Map;

/**
 * What a page looks like to its user, measured in the browser (issue #16): a screen size to emulate, sideways
 * scrolling, visible labels not in the page's language, overlapping boxes and whether Chinese glyphs have a font.
 * Each check returns the offenders (empty: fine), so a failure names them.
 */
final class PageCheck {

    /** Counts the page's fetches in flight, so a check can wait until the page has drawn what it loaded. */
    static final String TRACK_FETCHES = """
            (() => {
              let pending = 0;
              const native = window.fetch;
              window.fetch = function (...args) {
                pending++;
                return native.apply(this, args).finally(() => { pending--; });
              };
              Object.defineProperty(window, '__hotlinePendingFetches', {get: () => pending});
            })();""";

    /** Elements whose text is data (customers, callers, agents' and queues' names, addresses), not labels. */
    static final String DATA = ".customer, .caller-number, .caller-name, td.name, td.caller, td.queues, "
            + ".queue-tile h3, #me, .result .name, .details, .outage-where, .outage-reason, .wo-what, "
            + "#wo-risk-list, .call-info, #call-info, #contact-customer, #contact-call, #search-results, "
            + "#callback-list, .pick-note, select, option, code, pre, input, textarea, [data-data], "
            // work orders and campaigns: order numbers, teams, campaign names, template texts, the SMS signature
            + ".wo-group th, td.team, td.order-no, #campaigns tbody td:first-child, #detail-name, #templates td.name, "
            + "#templates td.body, #sig-current, .cmp-template-text, #summary dd, #messages tbody, "
            // admin pages: team and crew names, search texts, file names, the queue shown
            + "#team-list, td.crew, td.query, td.file, td.by, #m-queue, #e-username, td.code, "
            // outages: line and area names and the reasons given
            + "td.where, td.reason, .outage-where, .outage-reason";

    private static final String VISIBLE_TEXT = """
            const data = arguments[0];
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const pageLang = document.documentElement.lang;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent.trim();
              const e = n.parentElement;
              if (!text || !e || e.closest('script, style, noscript')) continue;
              if (e.closest(data)) continue;
              // a word marked as another language on purpose (the switch names the other language in it)
              const marked = e.closest('[lang]');
              if (marked && marked !== document.documentElement && marked.lang !== pageLang) continue;
              if (!e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              out.push(text);
            }
            // placeholders and titles are read too
            document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(i => {
              const m = i.closest('[lang]');
              if (m && m !== document.documentElement && m.lang !== pageLang) return;
              if (i.checkVisibility() && !i.closest('[data-data]')) out.push(i.placeholder);
            });
            return out;""";

    private PageCheck() {
    }

    /** Emulates a screen of that size (CSS pixels), as a desktop or as a phone. */
    static void screen(Browser browser, int width, int height, boolean phone) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                height, "deviceScaleFactor", 1, "mobile", phone));
    }

    /** Back to the browser's own window size. */
    static void ownScreen(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** True once the page loaded, its fonts are ready and no fetch is in flight. */
    static boolean settled(Browser browser) {
        Object r = browser.script("return document.readyState === 'complete' && document.fonts.status === 'loaded'"
                + " && (window.__hotlinePendingFetches || 0) === 0");
        return Boolean.TRUE.equals(r);
    }

    /** The elements that stick out to the right of the viewport (the page then scrolls sideways); empty: it fits. */
    @SuppressWarnings("unchecked")
    static List<String> sticksOutSideways(Browser browser) {
        return (List<String>) browser.script("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  // the outermost one only: its children follow it out
                  if (r.right > width + 1 && r.width > 0 && !(e.parentElement
                      && e.parentElement.getBoundingClientRect().right > width + 1)) {
                    const cls = typeof e.className === 'string' && e.className.trim()
                      ? '.' + e.className.trim().replace(/\\s+/g, '.') : '';
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + ' ends at ' + Math.round(r.right));
                  }
                }
                return out.length ? out : ['the page is ' + document.documentElement.scrollWidth + ' px wide'];""");
    }

    /** Visible label text (not data) of the page now. */
    @SuppressWarnings("unchecked")
    static List<String> visibleLabels(Browser browser) {
        return (List<String>) browser.script(VISIBLE_TEXT, DATA);
    }

    /**
     * Words of Latin letters in Chinese labels: every run of two letters or more outside the allowed words (product
     * name, units, key names, ids given by the test); digits make a run an id or a number, and dots, slashes or @ a
     * setting's name, path or address, which are allowed.
     */
    static List<String> latinIn(List<String> labels, List<String> allowed) {
        return labels.stream().flatMap(text -> java.util.Arrays.stream(text.split("[^A-Za-z0-9._@/-]+"))
                        .filter(w -> w.matches(".*[A-Za-z]{2,}.*") && !w.matches(".*[\\d./@].*"))
                        .filter(w -> !allowed.contains(w))
                        .map(w -> w + " in \"" + text + "\""))
                .distinct().toList();
    }

    /** Labels with Chinese (CJK) characters, for a page in English. */
    static List<String> cjkIn(List<String> labels) {
        return labels.stream().filter(t -> t.codePoints().anyMatch(PageCheck::cjk)).distinct().toList();
    }

    private static boolean cjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
    }

    /** Pairs of the given boxes that overlap on screen (by more than a pixel each way). */
    @SuppressWarnings("unchecked")
    static List<String> overlaps(Browser browser, String selector) {
        return (List<String>) browser.script("""
                const boxes = Array.from(document.querySelectorAll(arguments[0])).filter(e => e.checkVisibility());
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.dataset.queue ? '[' + e.dataset.queue + ']' : '');
                const out = [];
                for (let i = 0; i < boxes.length; i++) {
                  for (let j = i + 1; j < boxes.length; j++) {
                    if (boxes[i].contains(boxes[j]) || boxes[j].contains(boxes[i])) continue;
                    const a = boxes[i].getBoundingClientRect(), b = boxes[j].getBoundingClientRect();
                    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (w > 1 && h > 1) out.push(name(boxes[i]) + ' overlaps ' + name(boxes[j]));
                  }
                }
                return out;""", selector);
    }

    /**
     * True when Chinese text is drawn with real glyphs in the page's own font: a CJK character drawn on a canvas
     * differs from an unassigned code point, which every font draws as its "missing glyph" box (tofu).
     */
    static boolean cjkGlyphsRender(Browser browser) {
        return Boolean.TRUE.equals(browser.script("""
                const font = '32px ' + getComputedStyle(document.body).fontFamily;
                const draw = text => {
                  const c = document.createElement('canvas');
                  c.width = 64; c.height = 48;
                  const g = c.getContext('2d');
                  g.font = font;
                  g.fillStyle = '#000';
                  g.fillText(text, 4, 36);
                  return g.getImageData(0, 0, 64, 48).data.join(',');
                };
                const tofu = draw('\\u0378');
                return ['中', '电', '坐'].every(ch => draw(ch) !== tofu);"""));
    }
}
