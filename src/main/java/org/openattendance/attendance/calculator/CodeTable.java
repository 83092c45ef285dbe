package org.openattendance.attendance.calculator;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The attendance code table, immutable. Codes are matched exactly (case-sensitive).
 * Internally each code has a small integer id so the hot loops work on arrays.
 */
public final class CodeTable {

    static final int MAX_CODES = 1 << 16;

    private final CodeClassification[] byId;
    private final Map<String, Integer> idByCode;
    private final boolean[] possible;
    private final boolean[] attended;

    private CodeTable(CodeClassification[] rows) {
        this.byId = rows;
        this.idByCode = new HashMap<>(rows.length * 2);
        this.possible = new boolean[rows.length];
        this.attended = new boolean[rows.length];
        for (int id = 0; id < rows.length; id++) {
            CodeClassification row = rows[id];
            if (idByCode.putIfAbsent(row.code(), id) != null) {
                throw new IllegalArgumentException("Attendance code listed twice: " + row.code());
            }
            possible[id] = row.countsAsPossible();
            attended[id] = row.countsAsAttended();
        }
    }

    public static CodeTable of(Collection<CodeClassification> rows) {
        if (rows.isEmpty() || rows.size() >= MAX_CODES) {
            throw new IllegalArgumentException("A code table needs 1 to " + (MAX_CODES - 1) + " codes, got " + rows.size());
        }
        return new CodeTable(rows.toArray(CodeClassification[]::new));
    }

    /** @throws IllegalArgumentException for a code that is not in the table */
    public CodeClassification classify(String code) {
        return byId[idOf(code)];
    }

    public boolean contains(String code) {
        return idByCode.containsKey(code);
    }

    /** All codes, in table order. */
    public Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        for (CodeClassification row : byId) {
            codes.add(row.code());
        }
        return Collections.unmodifiableSet(codes);
    }

    /** The codes the data marks as counting toward the penalty threshold (for cross-checking the policy). */
    public Set<String> penaltyQualifyingCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (CodeClassification row : byId) {
            if (row.countsTowardPenaltyThreshold()) {
                codes.add(row.code());
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    public int size() {
        return byId.length;
    }

    int idOf(String code) {
        Integer id = idByCode.get(code);
        if (id == null) {
            throw new IllegalArgumentException("Unknown attendance code: '" + code + "'");
        }
        return id;
    }

    boolean countsAsPossible(int id) {
        return possible[id];
    }

    boolean countsAsAttended(int id) {
        return attended[id];
    }

    CodeCategory category(int id) {
        return byId[id].category();
    }

    /** A lookup array by code id; every code in the set must be in the table. */
    boolean[] mask(Set<String> codes, String purpose) {
        boolean[] mask = new boolean[byId.length];
        for (String code : codes) {
            Integer id = idByCode.get(code);
            if (id == null) {
                throw new IllegalArgumentException(purpose + " code '" + code + "' is not in the code table");
            }
            mask[id] = true;
        }
        return mask;
    }
}
