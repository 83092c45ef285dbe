package org.openattendance.school;

import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "school")
public class School {

    @Id
    private String urn;
    private String name;
    @Column(name = "la_code")
    private String laCode;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    @Column(name = "register_closes_at")
    private LocalTime registerClosesAt;
    @Column(name = "youngest_year_group")
    private Integer youngestYearGroup;
    @Column(name = "final_year_group")
    private Integer finalYearGroup;

    protected School() {
    }

    public School(String urn, String name, String laCode, Phase phase, LocalTime registerClosesAt) {
        this.urn = urn;
        update(name, laCode, phase, registerClosesAt);
    }

    void update(String name, String laCode, Phase phase, LocalTime registerClosesAt) {
        this.name = name;
        this.laCode = laCode;
        this.phase = phase;
        this.registerClosesAt = registerClosesAt;
    }

    void yearGroups(Integer youngest, Integer last) {
        this.youngestYearGroup = youngest != null ? youngest : phase.youngestYearGroup();
        this.finalYearGroup = last != null ? last : phase.finalYearGroup();
    }

    public String getUrn() { return urn; }
    public String getName() { return name; }
    public String getLaCode() { return laCode; }
    public Phase getPhase() { return phase; }
    public LocalTime getRegisterClosesAt() { return registerClosesAt; }
    /** The youngest year group (e.g. 0 for reception): admitted on the first day of the year, no new-pupil return. */
    public Integer getYoungestYearGroup() { return youngestYearGroup; }
    /** The most senior year group: leaving it at the end of the year is the standard transition, with no return. */
    public Integer getFinalYearGroup() { return finalYearGroup; }
}
