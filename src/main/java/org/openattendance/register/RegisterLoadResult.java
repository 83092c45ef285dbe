package org.openattendance.register;

import java.util.List;

/** What happened to each row of a register upload. */
public record RegisterLoadResult(int accepted, int amended, int unchanged, List<Rejection> rejected) {

    public record Rejection(int line, String upn, String reason) {
    }

    public int rows() {
        return accepted + amended + unchanged + rejected.size();
    }
}
