-- A learner's progress, keyed by the course's global id (vendor/course) and lesson ids:
-- never by bundle or content row, so that a new version of a course keeps it.

create table learning_enrollment (
    person varchar(36) not null,
    course varchar(130) not null,
    enrolled_at timestamp with time zone not null,
    primary key (person, course)
);
create index learning_enrollment_course on learning_enrollment (course);

create table learning_lesson_done (
    person varchar(36) not null,
    course varchar(130) not null,
    lesson varchar(64) not null,
    done_at timestamp with time zone not null,
    primary key (person, course, lesson)
);

-- the version of the course (its bundle's) the completion was earned on
create table learning_completion (
    person varchar(36) not null,
    course varchar(130) not null,
    course_version varchar(64) not null,
    completed_at timestamp with time zone not null,
    primary key (person, course)
);
