package org.openattendance.school;

import java.time.LocalDate;
import java.util.List;

/**
 * A check a ground of deletion needs beyond the school's own records (the 20-day ground needs the register and the
 * recorded enquiries): modules above {@code school} implement it, so every deletion path asks them without
 * {@code school} depending on them.
 */
public interface DeletionGroundCheck {

    /** What stops the deletion, in plain words; empty when the ground is met. */
    List<String> problemsWith(Pupil pupil, DeletionGround ground, LocalDate deletionDate);
}
