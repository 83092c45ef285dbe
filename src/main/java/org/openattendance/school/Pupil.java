package org.openattendance.school;

import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "pupil")
public class Pupil {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String upn;
    @Column(name = "school_urn")
    private String schoolUrn;
    private String forename;
    private String surname;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;
    @Column(name = "year_group")
    private int yearGroup;
    @Column(name = "admission_date")
    private LocalDate admissionDate;
    @Column(name = "deletion_date")
    private LocalDate deletionDate;
    @Column(name = "deletion_ground")
    private String deletionGround;
    @Column(name = "social_worker")
    private String socialWorker;
    /** Set when an administrator allocated the social worker (or took the pupil off a caseload): uploads keep it. */
    @Column(name = "social_worker_allocated_at")
    private Instant socialWorkerAllocatedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pupil_cohort", joinColumns = @JoinColumn(name = "pupil_id"))
    @Column(name = "cohort")
    @Enumerated(EnumType.STRING)
    private Set<Cohort> cohorts = EnumSet.noneOf(Cohort.class);

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "pupil_id", nullable = false)
    @OrderBy("id")
    private List<Parent> parents = new ArrayList<>();

    protected Pupil() {
    }

    Pupil(String upn, String schoolUrn) {
        this.upn = upn;
        this.schoolUrn = schoolUrn;
    }

    void update(String forename, String surname, LocalDate dateOfBirth, int yearGroup, LocalDate admissionDate,
                Set<Cohort> cohorts, String socialWorker, List<Parent> parents) {
        this.forename = forename;
        this.surname = surname;
        this.dateOfBirth = dateOfBirth;
        this.yearGroup = yearGroup;
        this.admissionDate = admissionDate;
        this.cohorts.clear();
        this.cohorts.addAll(cohorts);
        this.socialWorker = socialWorker;
        this.parents.clear();
        this.parents.addAll(parents);
        this.updatedAt = Instant.now();
    }

    void deleteFromRoll(LocalDate date, String ground) {
        this.deletionDate = date;
        this.deletionGround = ground;
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getUpn() { return upn; }
    public String getSchoolUrn() { return schoolUrn; }
    public String getForename() { return forename; }
    public String getSurname() { return surname; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public int getYearGroup() { return yearGroup; }
    public LocalDate getAdmissionDate() { return admissionDate; }
    public LocalDate getDeletionDate() { return deletionDate; }
    public String getDeletionGround() { return deletionGround; }
    public String getSocialWorker() { return socialWorker; }
    public Instant getSocialWorkerAllocatedAt() { return socialWorkerAllocatedAt; }
    public Set<Cohort> getCohorts() { return Set.copyOf(cohorts); }
    public List<Parent> getParents() { return List.copyOf(parents); }
}
