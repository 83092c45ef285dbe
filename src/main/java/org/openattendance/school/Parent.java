package org.openattendance.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A parent or carer of a pupil. */
@Entity
@Table(name = "parent")
public class Parent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String relationship;
    @Column(name = "parental_responsibility")
    private boolean parentalResponsibility;
    @Column(name = "lives_with_pupil")
    private boolean livesWithPupil;
    private String email;
    private String phone;
    private String address;

    protected Parent() {
    }

    Parent(String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil,
           String email, String phone, String address) {
        this.name = name;
        this.relationship = relationship;
        this.parentalResponsibility = parentalResponsibility;
        this.livesWithPupil = livesWithPupil;
        this.email = email;
        this.phone = phone;
        this.address = address;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getRelationship() { return relationship; }
    public boolean hasParentalResponsibility() { return parentalResponsibility; }
    public boolean livesWithPupil() { return livesWithPupil; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getAddress() { return address; }
}
