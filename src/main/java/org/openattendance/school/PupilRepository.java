package org.openattendance.school;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PupilRepository extends JpaRepository<Pupil, Long> {
    Optional<Pupil> findByUpn(String upn);

    List<Pupil> findByUpnIn(Collection<String> upns);

    List<Pupil> findBySchoolUrnAndDateOfBirth(String schoolUrn, java.time.LocalDate dateOfBirth);
}
