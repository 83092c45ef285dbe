package org.openattendance.school;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolRepository extends JpaRepository<School, String> {
    List<School> findAllByOrderByName();
}
