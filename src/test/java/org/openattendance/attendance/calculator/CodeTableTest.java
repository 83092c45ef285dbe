package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    private final CodeTable table = TestCodes.STANDARD;

    @Test
    void loadsEveryCodeOfTheCsv() {
        assertThat(table.size()).isEqualTo(34);
        assertThat(table.codes()).startsWith("/", "\\", "L").endsWith("Z", "#");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "/,  PRESENT,                       true,  true,  false",
            "L,  PRESENT,                       true,  true,  false",
            "K,  APPROVED_EDUCATIONAL_ACTIVITY, true,  true,  false",
            "C1, AUTHORISED,                    true,  false, false",
            "I,  AUTHORISED,                    true,  false, false",
            "G,  UNAUTHORISED,                  true,  false, true",
            "N,  UNAUTHORISED,                  true,  false, true",
            "Y4, NOT_COUNTED,                   false, false, false",
            "'#', NOT_COUNTED,                  false, false, false",
    })
    void classifiesFromTheData(String code, CodeCategory category, boolean possible, boolean attended, boolean penalty) {
        assertThat(table.classify(code))
                .isEqualTo(new CodeClassification(code, category, possible, attended, penalty));
    }

    @Test
    void penaltyColumnOfTheDataIsGNOU() {
        assertThat(table.penaltyQualifyingCodes()).containsExactly("G", "N", "O", "U");
    }

    @ParameterizedTest(name = "unknown code {0}")
    @CsvSource({"Q9", "n", "''", "Y8"})
    void unknownCodeIsRejectedClearly(String code) {
        assertThatThrownBy(() -> table.classify(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown attendance code: '" + code + "'");
        assertThat(table.contains(code)).isFalse();
    }

    @ParameterizedTest(name = "{1} possible={2} attended={3} rejected")
    @CsvSource({
            "I, AUTHORISED,   true,  true",
            "N, UNAUTHORISED, false, false",
            "/, PRESENT,      true,  false",
            "D, NOT_COUNTED,  true,  false",
    })
    void rowWhoseFlagsContradictItsCategoryIsRejected(String code, CodeCategory category, boolean possible, boolean attended) {
        assertThatThrownBy(() -> new CodeClassification(code, category, possible, attended, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Code " + code + ": category " + category);
    }

    @Test
    void duplicateCodeIsRejected() {
        CodeClassification g = new CodeClassification("G", CodeCategory.UNAUTHORISED, true, false, true);
        assertThatThrownBy(() -> CodeTable.of(List.of(g, g)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Attendance code listed twice: G");
    }

    @Test
    void blankCodeIsRejected() {
        assertThatThrownBy(() -> new CodeClassification(" ", CodeCategory.PRESENT, true, true, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
