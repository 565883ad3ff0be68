-- Learners' quiz attempts. Tables are prefixed quiz_ because every bundle's tables share
-- one database. Quizzes are keyed by global id (vendor/quiz), questions by their ids:
-- never by bundle or content row, so that a new version of a quiz keeps the attempts.

-- id: 128 random bits, base64url; unguessable, as the REST API puts it in URLs.
-- number: the learner's 1st, 2nd, ... attempt at the quiz; unique, so that two starts at
-- the same moment cannot both take the last attempt allowed.
-- deadline: null when the quiz has no time limit. score, max_score and passed are set on submission.
create table quiz_attempt (
    id varchar(32) not null primary key,
    person varchar(36) not null,
    quiz varchar(130) not null,
    quiz_version varchar(64) not null,
    number integer not null,
    started_at timestamp with time zone not null,
    deadline timestamp with time zone,
    submitted_at timestamp with time zone,
    score double precision,
    max_score double precision,
    passed boolean,
    constraint quiz_attempt_number unique (person, quiz, number)
);

-- The questions drawn for an attempt, in the order shown, each as the learner saw it
-- (presented: JSON, with its choices in their shown order and never an answer), so that
-- the attempt looks the same whenever the learner comes back.
-- points, correct and feedback (a JSON list of strings) are its grade, set on submission.
create table quiz_attempt_question (
    attempt varchar(32) not null references quiz_attempt (id) on delete cascade,
    position integer not null,
    question varchar(64) not null,
    presented varchar(65536) not null,
    points double precision,
    correct boolean,
    feedback varchar(65536),
    primary key (attempt, position),
    constraint quiz_attempt_question_id unique (attempt, question)
);

-- The learner's latest answer to each question, as JSON.
create table quiz_attempt_answer (
    attempt varchar(32) not null references quiz_attempt (id) on delete cascade,
    question varchar(64) not null,
    answer varchar(65536) not null,
    saved_at timestamp with time zone not null,
    primary key (attempt, question)
);
