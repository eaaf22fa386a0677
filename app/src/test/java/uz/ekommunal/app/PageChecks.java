package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uz.ekommunal.api.appeals.Category;
import uz.ekommunal.api.http.ApiError;

/**
 * What every page must pass, at a phone's 360 px and a desk's 1366 px: nothing wider than the
 * screen, no console error, no English word of the server's messages on an Uzbek or Russian page,
 * and no serious or critical accessibility violation found by axe-core; a screenshot of each.
 */
final class PageChecks {

    static final int PHONE = 360;
    static final int DESK = 1366;
    /** Names and words that Uzbek writes the same way as English: not a sign of an untranslated text. */
    private static final Set<String> NAMES = Set.of("suvsoz", "hududgaztaminot", "issiqlik", "manbai", "maxsustrans",
            "kommunal", "ekommunal", "administrator", "operator",
            "jpeg", "webp"); // image formats the photo hints name

    private final HeadlessChromium browser;
    private final Set<String> englishWords = new LinkedHashSet<>();
    private final String axe;

    /** @param serverTexts further English texts the server sends (e.g. its organisation names) */
    PageChecks(HeadlessChromium browser, Collection<String> serverTexts) throws IOException {
        this.browser = browser;
        List<String> texts = new ArrayList<>(serverTexts);
        for (ApiError e : ApiError.values()) {
            texts.add(e.title());
        }
        for (Category c : Category.values()) {
            texts.add(c.title());
            texts.add(c.description());
        }
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() >= 4 && !NAMES.contains(word)) {
                    englishWords.add(word);
                }
            }
        }
        try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe-core's axe.min.js on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** All the checks at both widths, with screenshots {@code name-360} and {@code name-1366}; back at the phone after. */
    void check(String name) throws IOException {
        for (int width : new int[] {DESK, PHONE}) {
            browser.resize(width, width == PHONE ? 740 : 900);
            long[] w = browser.widths();
            assertThat(w[0]).as(name + ": content width at " + width + " px (no sideways scrolling)").isLessThanOrEqualTo(w[1]);
            browser.screenshot(name + "-" + width);
        }
        assertThat(browser.consoleErrors()).as(name + ": console errors").isEmpty();
        String lang = (String) browser.script("return document.documentElement.lang");
        if (!"en".equals(lang)) {
            assertThat(englishIn(text())).as(name + ": English server words on the " + lang + " page").isEmpty();
        }
        assertThat(accessibilityViolations()).as(name + ": serious or critical axe-core violations").isEmpty();
    }

    /** The page's visible text, less what it marks translate="no" (codes and registered names, e.g. DEMO-WATER). */
    String text() {
        return (String) browser.script("""
                var text = document.body.innerText;
                document.querySelectorAll('[translate=no]').forEach(function (n) {
                  text = text.split(n.textContent).join(' ');
                });
                return text;""");
    }

    List<String> englishIn(String text) {
        List<String> found = new ArrayList<>();
        for (String word : englishWords) {
            if (Pattern.compile("(?<!\\p{L})" + word + "(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text).find()) {
                found.add(word);
            }
        }
        return found;
    }

    /**
     * Words of labels, headings and buttons that the layout breaks in the middle ("Счётчи / к" on a
     * phone): each word's characters are measured as a range, and one spread over two lines is named.
     */
    @SuppressWarnings("unchecked")
    List<String> wordsBrokenMidWord() {
        return (List<String>) browser.script("""
                var out = [];
                document.querySelectorAll('.field .label, dt, th, label, legend, h1, h2, h3, button, summary')
                  .forEach(function (el) {
                    if (!el.offsetParent) return;
                    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                      var re = /[^\\s]{2,}/g, m;
                      while ((m = re.exec(node.data)) !== null) {
                        var range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        var tops = {};
                        Array.prototype.forEach.call(range.getClientRects(), function (r) {
                          if (r.width > 0) tops[Math.round(r.top)] = true;
                        });
                        if (Object.keys(tops).length > 1) out.push(el.tagName.toLowerCase() + ': ' + m[0]);
                      }
                    }
                  });
                return out;""");
    }

    /** axe-core run on the page as it is now: its serious and critical violations, with where they are. */
    List<String> accessibilityViolations() {
        browser.script("if (typeof window.axe === 'undefined') { " + axe + "\n}");
        String json = (String) browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(JSON.stringify(r.violations.filter(function (v) {
                    return v.impact === 'serious' || v.impact === 'critical';
                  }).map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                  })));
                }, function (e) { done(JSON.stringify(['axe failed: ' + e])); });""");
        List<String> out = new ArrayList<>();
        new JsonArray(json).forEach(v -> out.add((String) v));
        return out;
    }
}
