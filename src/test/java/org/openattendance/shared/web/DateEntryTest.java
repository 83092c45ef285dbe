package org.openattendance.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A date typed into the three boxes of a GOV.UK date input, and what a page says when it is wrong. */
class DateEntryTest {

    @Test
    void aWholeRealDateIsRead() {
        var entry = DateEntry.of(" 7", "1 ", "2027");
        assertThat(entry.isValid()).isTrue();
        assertThat(entry.date()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(entry.problem("Last day on roll", "Enter the last day on roll")).isNull();
    }

    @Test
    void missingBoxesAreNamedAndMarked() {
        var noMonth = DateEntry.of("7", "", "2027");
        assertThat(noMonth.problem("Last day on roll", "Enter the last day on roll")).isEqualTo("Last day on roll must include a month");
        assertThat(noMonth.errorParts()).containsExactly("month");
        var onlyYear = DateEntry.of("", null, "2027");
        assertThat(onlyYear.message("Date from")).isEqualTo("Date from must include a day and month");
        assertThat(onlyYear.errorParts()).containsExactlyInAnyOrder("day", "month");
    }

    @Test
    void aDateThatDoesNotExistOrAShortYearIsSaidToBeWrong() {
        assertThat(DateEntry.of("31", "2", "2027").problem("Last day on roll", null)).isEqualTo("Last day on roll must be a real date");
        assertThat(DateEntry.of("x", "2", "2027").message("Date from")).isEqualTo("Date from must be a real date");
        var shortYear = DateEntry.of("1", "2", "27");
        assertThat(shortYear.message("Date from")).isEqualTo("Year must include 4 numbers");
        assertThat(shortYear.errorParts()).containsExactly("year");
        assertThat(shortYear.year()).isEqualTo("27");
    }

    @Test
    void anEmptyDateIsAProblemOnlyWhenThePageNeedsIt() {
        var empty = DateEntry.of(" ", null, "");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.problem("Date of the notice", null)).isNull();
        assertThat(empty.problem("Last day on roll", "Enter the last day on roll")).isEqualTo("Enter the last day on roll");
    }

    @Test
    void theBoxesOfAFormAreReadByTheFieldName() {
        var request = new MockHttpServletRequest();
        request.addParameter("joined-day", "8");
        request.addParameter("joined-month", "9");
        request.addParameter("joined-year", "2026");
        request.addParameter("day", "1");
        assertThat(DateEntry.read(request, "joined").date()).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(DateEntry.read(request, "left").isEmpty()).isTrue();
    }
}
