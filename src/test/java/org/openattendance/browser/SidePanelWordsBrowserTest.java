package org.openattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.support.Fixtures;
import org.openattendance.support.ReadableFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No word broken mid-way in the pupil's side panel (the task page's third of the page) or in the pupil page's "At a
 * glance" and contacts, at a desktop's, a small laptop's and a tablet's width: every word's letters stay on one line
 * and nothing runs out of the panel. A hyphenated name may wrap after a hyphen; only an e-mail address or a link may
 * wrap inside itself (it has no spaces).
 */
@IntegrationTest
class SidePanelWordsBrowserTest extends BrowserTest {

    /**
     * The words of the element's visible text that the browser laid out over more than one line, and the text of
     * each element that sticks out of it, in the page's own layout.
     */
    static final String BROKEN_WORDS = """
            root => {
              const found = [];
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('.govuk-visually-hidden') || parent.getClientRects().length === 0) continue;
                const tokens = /\\S+/g;
                let token;
                while ((token = tokens.exec(node.textContent)) !== null) {
                  // An e-mail address or a link has no spaces: it may wrap anywhere.
                  if (/[@\\/]/.test(token[0])) continue;
                  // A hyphenated name may wrap after its hyphen, as in print: each part is a word.
                  const parts = /[^\\-\\u2010]+/g;
                  let part;
                  while ((part = parts.exec(token[0])) !== null) {
                    const range = document.createRange();
                    range.setStart(node, token.index + part.index);
                    range.setEnd(node, token.index + part.index + part[0].length);
                    const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0)
                        .map(r => Math.round(r.top)));
                    if (lines.size > 1) found.push('broken: ' + part[0]);
                  }
                }
              }
              const edge = root.getBoundingClientRect().right;
              for (const element of root.querySelectorAll('dt, dd, li, p, a, strong, span, h2, h3')) {
                if (element.getClientRects().length > 0 && element.getBoundingClientRect().right > edge + 1) {
                  found.push('sticks out: ' + element.textContent.trim().substring(0, 40));
                }
              }
              return found;
            }""";

    static final List<Integer> WIDTHS = List.of(1280, 1024, 800);

    @Autowired
    Fixtures fixtures;
    @Autowired
    Casework casework;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    ReadableFixtures readable;

    String officer;
    String upn;
    String taskId;

    /** A pupil with every cohort flag (the longest labels) and parents with long names, with a first-day contact task. */
    @BeforeEach
    void aPupilWithLongLabels() {
        var school = readable.school();
        officer = readable.officer(school);
        upn = fixtures.newUpn();
        PupilData p = fixtures.pupilData(upn, null, EnumSet.allOf(Cohort.class));
        schools.savePupils(school.urn(), List.of(new PupilData(upn, "Maximilian-Alexander", "Featherstonehaugh-Worthington",
                p.dateOfBirth(), p.yearGroup(), p.admissionDate(), EnumSet.allOf(Cohort.class), null, List.of(
                new ParentData("Bartholomew Featherstonehaugh-Worthington", "Stepfather", true, true,
                        "bartholomew.featherstonehaugh-worthington@example.org", "07700 900123",
                        "Flat 12, Wellingborough Court, Northamptonshire Road, Kettering"),
                new ParentData("Antoinette Featherstonehaugh", "Mother", true, false, null, "01632 960456", null)),
                null, null)));
        taskId = casework.unexplainedAbsence(officer, school.urn(), upn);
    }

    @Test
    void noWordInTheTaskPagesPupilPanelIsBrokenMidWay() {
        signIn(officer);
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            page.navigate("/tasks/" + taskId);
            var panel = page.locator(".app-side-panel");
            assertThat(panel.locator("#pupil").count()).as("the pupil's summary is in the panel").isEqualTo(1);
            assertThat(brokenWords(panel)).as("the side panel at %d px wide", width).isEmpty();
        }
        // The check sees a stylesheet that breaks words: with word-break: break-all the panel's long words split.
        var panel = page.locator(".app-side-panel");
        panel.evaluate("root => root.querySelectorAll('dt, dd').forEach(e => e.style.wordBreak = 'break-all')");
        assertThat(brokenWords(panel)).isNotEmpty();
    }

    @Test
    void noWordOnThePupilPagesAtAGlanceOrContactsIsBrokenMidWay() {
        signIn(officer);
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            page.navigate("/pupils/" + upn);
            assertThat(brokenWords(page.locator("#at-a-glance"))).as("at a glance at %d px wide", width).isEmpty();
            assertThat(brokenWords(page.locator("#at-a-glance + section"))).as("contacts at %d px wide", width).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> brokenWords(com.microsoft.playwright.Locator root) {
        return (List<String>) root.evaluate(BROKEN_WORDS);
    }
}
