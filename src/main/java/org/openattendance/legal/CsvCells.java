package org.openattendance.legal;

/**
 * Makes a value safe for a CSV file that someone will open in a spreadsheet: a cell starting with =, +, -, @, a tab
 * or a carriage return would be read as a formula, so it gets a leading apostrophe (OWASP's advice on CSV injection).
 */
final class CsvCells {

    private CsvCells() {
    }

    static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
