package org.openattendance.demo;

import static org.openattendance.school.Cohort.CHILD_IN_NEED;
import static org.openattendance.school.Cohort.CHILD_PROTECTION;
import static org.openattendance.school.Cohort.EHCP;
import static org.openattendance.school.Cohort.FSM;
import static org.openattendance.school.Cohort.LOOKED_AFTER;
import static org.openattendance.school.Cohort.MEDICAL;
import static org.openattendance.school.Cohort.PREVIOUSLY_LOOKED_AFTER;
import static org.openattendance.school.Cohort.SEN_SUPPORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Upn;

/**
 * The pupils of one demo school and their families: names, dates of birth that match their year groups, UPNs,
 * admission dates, cohort flags at about national rates, and one or two parents or carers each.
 */
final class DemoPupils {

    private static final List<String> GIRLS = List.of("Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily",
            "Florence", "Mia", "Willow", "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie",
            "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte", "Harper", "Millie", "Matilda", "Maya",
            "Sophie", "Alice", "Ruby", "Luna", "Maisie", "Aria", "Mila", "Bonnie", "Eva", "Eliza", "Ada", "Violet",
            "Esme", "Imogen", "Jessica", "Amara", "Aisha", "Maryam", "Zara", "Hannah", "Fatima", "Chloe", "Leah",
            "Niamh", "Zofia", "Layla", "Scarlett");
    private static final List<String> BOYS = List.of("Noah", "Muhammad", "George", "Oliver", "Leo", "Arthur", "Oscar",
            "Theodore", "Theo", "Freddie", "Henry", "Archie", "Jack", "Alfie", "Charlie", "Finley", "Jacob", "Lucas",
            "Thomas", "Isaac", "Tommy", "Harry", "Ethan", "Edward", "Joshua", "William", "James", "Reggie", "Max",
            "Albie", "Hugo", "Teddy", "Jude", "Rory", "Elijah", "Louie", "Harrison", "Mason", "Logan", "Dylan", "Riley",
            "Samuel", "Daniel", "Adam", "Ibrahim", "Yusuf", "Ayaan", "Kai", "Jayden", "Filip", "Kacper", "Tyler",
            "Callum", "Lewis", "Zain", "Ollie");
    private static final List<String> SURNAMES = List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies",
            "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
            "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
            "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
            "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
            "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
            "Cox", "Richards", "Khan", "Marshall", "Ali", "Hussain", "Ahmed", "Kaur", "Singh", "Nowak", "Kowalski",
            "Okafor", "Mensah", "Adeyemi", "Campbell", "O'Brien", "Kennedy", "Hassan", "Popescu", "Silva", "Yilmaz");
    private static final List<String> WOMEN = List.of("Sarah", "Emma", "Laura", "Claire", "Rebecca", "Gemma", "Kelly",
            "Hannah", "Amy", "Lisa", "Nicola", "Rachel", "Victoria", "Charlotte", "Jennifer", "Stacey", "Kirsty",
            "Leanne", "Natalie", "Jade", "Samantha", "Zoe", "Amanda", "Joanne", "Louise", "Nadia", "Priya", "Fatima",
            "Shabana", "Agnieszka", "Chloe", "Lauren", "Danielle", "Katie", "Helen", "Ngozi", "Ruth", "Sophie");
    private static final List<String> MEN = List.of("James", "David", "Daniel", "Matthew", "Mark", "Paul", "Andrew",
            "Christopher", "Michael", "Richard", "Stephen", "Thomas", "Lee", "Craig", "Darren", "Jamie", "Ryan", "Adam",
            "Simon", "Gareth", "Ben", "Luke", "Kevin", "Wayne", "Imran", "Mohammed", "Tariq", "Piotr", "Tomasz", "Chidi",
            "Kwame", "Sean", "Liam", "Neil");
    private static final List<String> GRANDMOTHERS = List.of("Susan", "Carol", "Linda", "Julie", "Karen", "Janet",
            "Margaret", "Patricia", "Christine", "Elaine");
    private static final List<String> STREETS = List.of("Church Lane", "Mill Road", "Station Road", "Victoria Street",
            "Park Avenue", "The Crescent", "Meadow Way", "Orchard Close", "Queens Road", "High Street", "Chapel Street",
            "Willow Drive", "Beech Grove", "Castle Hill Road", "Brook Lane", "Elm Close", "Kingsway", "Windsor Road",
            "Manor Farm Road", "Saxon Way");
    private static final List<String> TOWNS = List.of("Millbrook", "Northbury", "Ashby Vale", "Kingsmere",
            "Hollowfield", "Thornley Cross");
    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final double SIBLING_SHARE = 0.12;
    private static final double NO_EMAIL_SHARE = 0.08;

    /** A household: the surname its children take, its adults, and the year groups its children are in. */
    private record Family(String surname, List<ParentData> parents, Set<Integer> yearGroups) {
    }

    private final DemoSchool school;
    private final AcademicYear currentYear;
    private final List<LocalDate> schoolDaysBeforeToday;
    private final String socialWorker;
    private final Random random;
    private final List<Family> families = new ArrayList<>();
    private final Map<Integer, Integer> lastSerialByYear = new HashMap<>();

    /**
     * @param schoolDaysBeforeToday the school's open days in the previous and current academic years before today,
     *                              from which the admission dates of pupils who joined during the year are chosen
     */
    DemoPupils(DemoSchool school, AcademicYear currentYear, List<LocalDate> schoolDaysBeforeToday,
               String socialWorker, Random random) {
        this.school = school;
        this.currentYear = currentYear;
        this.schoolDaysBeforeToday = schoolDaysBeforeToday;
        this.socialWorker = socialWorker;
        this.random = random;
    }

    List<PupilData> create() {
        int count = school.pupils();
        List<Set<Cohort>> cohorts = cohorts(count);
        Set<Integer> joinedThisYear = new HashSet<>(shuffledIndexes(count).subList(0, Math.max(2, count / 50)));
        var pupils = new ArrayList<PupilData>(count);
        for (int i = 0; i < count; i++) {
            pupils.add(pupil(yearGroupOf(i, count), cohorts.get(i), joinedThisYear.contains(i)));
        }
        return pupils;
    }

    private PupilData pupil(int yearGroup, Set<Cohort> cohorts, boolean joinedThisYear) {
        String forename = pick(random.nextBoolean() ? GIRLS : BOYS);
        Family family = familyFor(yearGroup, cohorts);
        LocalDate admission = joinedThisYear ? midYearAdmission() : DemoCalendar.firstDay(entryYear(yearGroup));
        boolean hasSocialWorker = cohorts.contains(CHILD_IN_NEED) || cohorts.contains(CHILD_PROTECTION)
                || cohorts.contains(LOOKED_AFTER);
        return new PupilData(upn(admission.getYear()), forename, family.surname(), dateOfBirth(yearGroup), yearGroup,
                admission, cohorts, hasSocialWorker ? socialWorker : null, family.parents());
    }

    /** Spreads the pupils evenly over the school's year groups. */
    private int yearGroupOf(int index, int count) {
        int yearGroups = school.oldestYearGroup() - school.youngestYearGroup() + 1;
        return school.youngestYearGroup() + index * yearGroups / count;
    }

    /** The academic year in which a pupil now in this year group joined the school's entry year group. */
    private AcademicYear entryYear(int yearGroup) {
        return new AcademicYear(currentYear.startYear() - (yearGroup - school.entryYearGroup()));
    }

    /** In the academic year starting in September S, year group g was born from 1 September S-5-g to 31 August S-4-g. */
    private LocalDate dateOfBirth(int yearGroup) {
        return LocalDate.of(currentYear.startYear() - 5 - yearGroup, 9, 1).plusDays(random.nextInt(365));
    }

    /** A school day this year after the first week; early in September, a day after New Year last year. */
    private LocalDate midYearAdmission() {
        List<LocalDate> thisYear = schoolDaysBeforeToday.stream().filter(currentYear::contains).toList();
        List<LocalDate> candidates = thisYear.size() > 5 ? thisYear.subList(5, thisYear.size())
                : schoolDaysBeforeToday.stream().filter(d -> d.getMonthValue() < 8 && !currentYear.contains(d)).toList();
        return candidates.isEmpty() ? DemoCalendar.firstDay(currentYear) : pick(candidates);
    }

    /** LA number, establishment number, 2-digit year of allocation, 3-digit serial, led by the check letter. */
    private String upn(int yearOfAllocation) {
        int year = yearOfAllocation % 100;
        int serial = lastSerialByYear.merge(year, 1, Integer::sum);
        String twelve = DemoSchool.LA_CODE + school.establishmentNumber() + String.format("%02d%03d", year, serial);
        return Upn.checkLetterFor(twelve) + twelve;
    }

    // Cohorts

    /** Flags about national rates of pupils, at least one pupil each; EHCP excludes SEN support, and so on. */
    private List<Set<Cohort>> cohorts(int count) {
        List<Set<Cohort>> cohorts = IntStream.range(0, count).mapToObj(i -> (Set<Cohort>) EnumSet.noneOf(Cohort.class))
                .toList();
        flag(cohorts, EHCP, 0.03);
        flag(cohorts, SEN_SUPPORT, 0.13, EHCP);
        flag(cohorts, MEDICAL, 0.05);
        flag(cohorts, FSM, 0.24);
        flag(cohorts, LOOKED_AFTER, 0.01);
        flag(cohorts, CHILD_PROTECTION, 0.01, LOOKED_AFTER);
        flag(cohorts, CHILD_IN_NEED, 0.03, LOOKED_AFTER, CHILD_PROTECTION);
        flag(cohorts, PREVIOUSLY_LOOKED_AFTER, 0.01, LOOKED_AFTER, CHILD_PROTECTION, CHILD_IN_NEED);
        return cohorts;
    }

    private void flag(List<Set<Cohort>> cohorts, Cohort cohort, double rate, Cohort... exclusiveWith) {
        int wanted = Math.max(1, (int) Math.round(rate * cohorts.size()));
        for (int i : shuffledIndexes(cohorts.size())) {
            Set<Cohort> pupil = cohorts.get(i);
            if (wanted > 0 && Arrays.stream(exclusiveWith).noneMatch(pupil::contains)) {
                pupil.add(cohort);
                wanted--;
            }
        }
    }

    // Families

    private Family familyFor(int yearGroup, Set<Cohort> cohorts) {
        if (cohorts.contains(LOOKED_AFTER)) {
            return fosterFamily();
        }
        if (cohorts.contains(PREVIOUSLY_LOOKED_AFTER)) {
            return adoptiveFamily();
        }
        List<Family> withRoom = families.stream().filter(f -> !f.yearGroups().contains(yearGroup)).toList();
        Family family;
        if (random.nextDouble() < SIBLING_SHARE && !withRoom.isEmpty()) {
            family = pick(withRoom);
        } else {
            family = birthFamily();
            families.add(family);
        }
        family.yearGroups().add(yearGroup);
        return family;
    }

    /** Two parents at home, a parent living elsewhere who keeps parental responsibility, a step-parent, and so on. */
    private Family birthFamily() {
        String surname = pick(SURNAMES);
        String home = address();
        ParentData mother = parent(pick(WOMEN), surname, "Mother", true, true, home);
        double shape = random.nextDouble();
        if (shape < 0.55) {
            return family(surname, mother, parent(pick(MEN), surname, "Father", true, true, home));
        }
        if (shape < 0.60) {
            return family(surname, mother, parent(pick(MEN), surname, "Father", true, false, address()));
        }
        if (shape < 0.65) {
            return family(surname, mother, parent(pick(MEN), pick(SURNAMES), "Stepfather", false, true, home));
        }
        if (shape < 0.90) {
            return family(surname, mother);
        }
        if (shape < 0.96) {
            return family(surname, parent(pick(MEN), surname, "Father", true, true, home));
        }
        // A kinship carer under a special guardianship order, which gives parental responsibility.
        return family(surname, parent(pick(GRANDMOTHERS), surname, "Grandmother", true, true, home));
    }

    /** A looked-after child: the foster carer they live with, and their mother, who keeps parental responsibility. */
    private Family fosterFamily() {
        String surname = pick(SURNAMES);
        return family(surname, parent(pick(WOMEN), pick(SURNAMES), "Foster carer", false, true, address()),
                parent(pick(WOMEN), surname, "Mother", true, false, address()));
    }

    private Family adoptiveFamily() {
        String surname = pick(SURNAMES);
        String home = address();
        return family(surname, parent(pick(WOMEN), surname, "Adoptive mother", true, true, home),
                parent(pick(MEN), surname, "Adoptive father", true, true, home));
    }

    private static Family family(String surname, ParentData... parents) {
        return new Family(surname, List.of(parents), new HashSet<>());
    }

    private ParentData parent(String forename, String surname, String relationship, boolean parentalResponsibility,
                              boolean livesWithPupil, String address) {
        return new ParentData(forename + " " + surname, relationship, parentalResponsibility, livesWithPupil,
                email(forename, surname), phone(), address);
    }

    private String email(String forename, String surname) {
        if (random.nextDouble() < NO_EMAIL_SHARE) {
            return null;
        }
        String name = (forename + "." + surname).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        String number = random.nextInt(3) == 0 ? String.valueOf(10 + random.nextInt(90)) : "";
        return name + number + "@" + (random.nextBoolean() ? "example.org" : "example.com");
    }

    /** A mobile number from the range Ofcom keeps for drama, so it reaches nobody. */
    private String phone() {
        return String.format("07700 900%03d", random.nextInt(1000));
    }

    private String address() {
        return (1 + random.nextInt(120)) + " " + pick(STREETS) + ", " + pick(TOWNS) + ", NS" + (1 + random.nextInt(9))
                + " " + random.nextInt(10) + letter() + letter();
    }

    private char letter() {
        return POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length()));
    }

    private List<Integer> shuffledIndexes(int count) {
        var indexes = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        Collections.shuffle(indexes, random);
        return indexes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
