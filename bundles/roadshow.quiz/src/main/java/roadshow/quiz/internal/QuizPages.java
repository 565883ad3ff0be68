package roadshow.quiz.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.content.api.Quiz;
import roadshow.identity.api.Csrf;
import roadshow.identity.api.Subject;
import roadshow.quiz.api.AttemptDetail;
import roadshow.quiz.api.AttemptException;
import roadshow.quiz.api.AttemptException.Reason;
import roadshow.quiz.api.AttemptResult;
import roadshow.quiz.api.AttemptSummary;
import roadshow.quiz.api.AttemptSummary.State;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;
import roadshow.quiz.api.QuestionTypes;
import roadshow.quiz.api.QuizAttempts;
import roadshow.web.api.Pages;
import roadshow.web.api.RequestPath;

/**
 * The learner's quiz pages. {@code /quizzes/{vendor}/{quiz}}: what the quiz asks, the
 * attempts made and left, and where to start or resume one. {@code /attempts/{attempt}}:
 * an open attempt to answer (its answers saved one by one as the learner goes, by
 * {@code POST /attempts/{attempt}/answers/{question}} from the page's script, and all
 * together when the form is sent), or a submitted one's result. Everything works without
 * script; the script adds saving as you go and the countdown.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/quizzes/*", "/attempts/*"})
public class QuizPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final transient QuizAttempts attempts;
    private final transient QuizSource quizzes;
    private final transient QuestionTypes types;
    private final transient Pages pages;
    private final transient Clock clock;

    @Activate
    public QuizPages(@Reference QuizAttempts attempts, @Reference QuizSource quizzes, @Reference QuestionTypes types,
            @Reference Pages pages) {
        this(attempts, quizzes, types, pages, Clock.systemUTC());
    }

    QuizPages(QuizAttempts attempts, QuizSource quizzes, QuestionTypes types, Pages pages, Clock clock) {
        this.attempts = attempts;
        this.quizzes = quizzes;
        this.types = types;
        this.pages = pages;
        this.clock = clock;
    }

    /** What a path names: a quiz, an attempt, or an answer of an attempt. */
    private record Target(String quiz, String attempt, String question) {

        static Optional<Target> of(HttpServletRequest request) {
            String path = RequestPath.of(request);
            String[] parts = path.split("/", -1);
            if (path.startsWith("/quizzes/") && parts.length == 4 && !parts[2].isEmpty() && !parts[3].isEmpty()) {
                return Optional.of(new Target(parts[2] + "/" + parts[3], null, null));
            }
            if (path.startsWith("/attempts/") && parts.length == 3 && !parts[2].isEmpty()) {
                return Optional.of(new Target(null, parts[2], null));
            }
            if (path.startsWith("/attempts/") && parts.length == 5 && parts[3].equals("answers") && !parts[2].isEmpty()
                    && !parts[4].isEmpty()) {
                return Optional.of(new Target(null, parts[2], parts[4]));
            }
            return Optional.empty();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = Target.of(request).filter(t -> t.question() == null);
        if (target.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<Subject> learner = Subject.signedIn(request, response);
        if (learner.isEmpty()) {
            return;
        }
        String person = learner.get().personId();
        try {
            if (target.get().quiz() != null) {
                quizPage(request, response, person, target.get().quiz(), null, 200);
            } else {
                attemptPage(request, response, person, target.get().attempt());
            }
        } catch (AttemptException e) {
            refuse(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = Target.of(request);
        if (target.isEmpty()) {
            response.sendError(404);
            return;
        }
        Optional<Subject> learner = Subject.signedIn(request, response);
        if (learner.isEmpty()) {
            return;
        }
        String person = learner.get().personId();
        try {
            if (target.get().quiz() != null) {
                start(request, response, person, target.get().quiz());
            } else if (target.get().question() != null) {
                saveOne(request, response, person, target.get().attempt(), target.get().question());
            } else {
                saveAll(request, response, person, target.get().attempt());
            }
        } catch (AttemptException e) {
            refuse(request, response, e);
        }
    }

    private void quizPage(HttpServletRequest request, HttpServletResponse response, String person, String quizId, String problem,
            int status) throws IOException {
        QuizSource.Served served = quizzes.quiz(quizId)
                .orElseThrow(() -> new AttemptException(Reason.NOT_FOUND, "There is no quiz " + quizId + "."));
        Quiz quiz = served.quiz();
        List<AttemptSummary> made = attempts.attempts(person, quizId);
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quizModel(served));
        int left = quiz.maxAttempts() == 0 ? Integer.MAX_VALUE : Math.max(0, quiz.maxAttempts() - made.size());
        Optional<AttemptSummary> unfinished = made.stream().filter(a -> a.state() != State.SUBMITTED).reduce((a, b) -> b);
        model.put("attemptsLeft", left == Integer.MAX_VALUE ? -1 : left);
        model.put("unfinished", unfinished.map(a -> Map.of("href", "/attempts/" + a.attempt(), "timeUp", a.state() == State.TIME_UP))
                .orElse(Map.of()));
        model.put("passed", made.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed())));
        model.put("attempts", made.stream().map(a -> {
            Map<String, Object> row = new HashMap<>();
            row.put("number", a.number());
            row.put("href", "/attempts/" + a.attempt());
            row.put("started", WHEN.format(a.startedAt()));
            row.put("state", a.state().name().toLowerCase());
            row.put("percent", a.score() == null || a.maxScore() == 0 ? "" : percent(a.score() / a.maxScore()));
            row.put("passed", Boolean.TRUE.equals(a.passed()));
            return row;
        }).toList());
        model.put("problem", problem == null ? "" : problem);
        render(request, response, status, "quiz.ftlh", model);
    }

    private static Map<String, Object> quizModel(QuizSource.Served served) {
        Quiz quiz = served.quiz();
        Map<String, Object> model = new HashMap<>();
        model.put("id", quiz.vendor() + "/" + quiz.id());
        model.put("title", quiz.title());
        model.put("vendor", quiz.vendor());
        model.put("href", "/quizzes/" + quiz.vendor() + "/" + quiz.id());
        model.put("questions", quiz.draw() > 0 ? Math.min(quiz.draw(), quiz.questions().size()) : quiz.questions().size());
        model.put("passPercent", percent(quiz.passScore()));
        model.put("timeLimit", quiz.timeLimit() == null ? "" : minutes(quiz.timeLimit()));
        model.put("maxAttempts", quiz.maxAttempts());
        model.put("courses", served.courses().stream().map(course -> Map.of("title", course.title(),
                "href", "/learning/courses/" + course.vendor() + "/" + course.id())).toList());
        return model;
    }

    private void start(HttpServletRequest request, HttpServletResponse response, String person, String quizId) throws IOException {
        // a second click, or a second tab, goes back to the attempt already open rather than using up another
        Optional<AttemptSummary> open = attempts.attempts(person, quizId).stream().filter(a -> a.state() == State.OPEN).findFirst();
        try {
            String attempt = open.isPresent() ? open.get().attempt() : attempts.start(person, quizId).attempt();
            seeOther(response, "/attempts/" + attempt);
        } catch (AttemptException e) {
            if (e.reason() != Reason.NO_ATTEMPTS_LEFT) {
                throw e;
            }
            quizPage(request, response, person, quizId, e.getMessage(), 409);
        }
    }

    private void attemptPage(HttpServletRequest request, HttpServletResponse response, String person, String attemptId)
            throws IOException {
        AttemptDetail detail = attempts.attempt(person, attemptId);
        if (detail.summary().state() == State.TIME_UP) {
            // the time is up: what was saved by then is what is graded, so grade it now
            attempts.submit(person, attemptId);
            detail = attempts.attempt(person, attemptId);
        }
        if (detail.summary().state() == State.SUBMITTED) {
            resultPage(request, response, detail);
        } else {
            String notice = request.getParameter("saved") != null ? "Your answers are saved. Come back to this page to go on." : "";
            answerPage(request, response, detail, Map.of(), notice, 200);
        }
    }

    private void answerPage(HttpServletRequest request, HttpServletResponse response, AttemptDetail detail, Map<String, String> problems,
            String notice, int status) throws IOException {
        QuizSource.Served served = served(detail.summary().quiz());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Presented question : detail.questions()) {
            questions.add(QuestionView.of(questions.size() + 1, question, detail.answers().get(question.id()),
                    types.type(question.type()).orElse(null), problems.get(question.id())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quizModel(served));
        model.put("attempt", attemptModel(detail.summary()));
        model.put("questions", questions);
        model.put("answered", detail.answers().size());
        model.put("problems", problems.size());
        model.put("notice", notice);
        render(request, response, status, "attempt.ftlh", model);
    }

    private Map<String, Object> attemptModel(AttemptSummary attempt) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", attempt.attempt());
        model.put("number", attempt.number());
        model.put("action", "/attempts/" + attempt.attempt());
        model.put("deadline", attempt.deadline() == null ? "" : attempt.deadline().toString());
        model.put("deadlineText", attempt.deadline() == null ? "" : TIME.format(attempt.deadline()));
        model.put("now", clock.instant().toString());
        model.put("secondsLeft", attempt.deadline() == null ? -1
                : Math.max(0, Duration.between(clock.instant(), attempt.deadline()).toSeconds()));
        return model;
    }

    private void resultPage(HttpServletRequest request, HttpServletResponse response, AttemptDetail detail) throws IOException {
        AttemptResult result = detail.result();
        Optional<QuizSource.Served> served = quizzes.quiz(detail.summary().quiz());
        Map<String, AttemptResult.QuestionResult> graded = new HashMap<>();
        result.questions().forEach(q -> graded.put(q.id(), q));
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Presented question : detail.questions()) {
            questions.add(QuestionView.graded(questions.size() + 1, question, detail.answers().get(question.id()),
                    types.type(question.type()).orElse(null), graded.get(question.id())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", served.map(QuizPages::quizModel).orElse(Map.of("title", detail.summary().quiz(), "href", "",
                "courses", List.of(), "passPercent", "")));
        model.put("attempt", attemptModel(detail.summary()));
        model.put("score", result.score());
        model.put("maxScore", result.maxScore());
        model.put("percent", result.maxScore() == 0 ? "" : percent(result.score() / result.maxScore()));
        model.put("passed", result.passed());
        model.put("right", result.questions().stream().filter(AttemptResult.QuestionResult::correct).count());
        model.put("questions", questions);
        model.put("submitted", WHEN.format(detail.summary().submittedAt()));
        model.put("late", detail.summary().deadline() != null && detail.summary().submittedAt().isAfter(detail.summary().deadline()));
        render(request, response, 200, "attempt-result.ftlh", model);
    }

    /** The page's script saving one answer as the learner goes: 204, or a problem as JSON. */
    private void saveOne(HttpServletRequest request, HttpServletResponse response, String person, String attemptId, String questionId)
            throws IOException {
        AttemptDetail detail = attempts.attempt(person, attemptId);
        Presented question = detail.questions().stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new AttemptException(Reason.NOT_FOUND, "This attempt has no question " + questionId + "."));
        JsonNode answer = type(question).readForm(question, AnswerForm.of(request.getParameterMap()).fields(questionId));
        if (answer != null) {
            attempts.saveAnswer(person, attemptId, questionId, answer);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The whole form: every answer in it saved, then the attempt submitted when that was asked. */
    private void saveAll(HttpServletRequest request, HttpServletResponse response, String person, String attemptId) throws IOException {
        AttemptDetail detail = attempts.attempt(person, attemptId);
        boolean submit = "submit".equals(request.getParameter("action"));
        if (detail.summary().state() == State.OPEN) {
            AnswerForm form = AnswerForm.of(request.getParameterMap());
            Map<String, String> problems = new HashMap<>();
            for (Presented question : detail.questions()) {
                if (!form.has(question.id())) {
                    continue;
                }
                JsonNode answer = type(question).readForm(question, form.fields(question.id()));
                if (answer == null) {
                    continue;
                }
                try {
                    attempts.saveAnswer(person, attemptId, question.id(), answer);
                } catch (AttemptException e) {
                    if (e.reason() == Reason.CLOSED) {
                        // the deadline passed while the form was on its way: what was saved by then is graded
                        break;
                    }
                    if (e.reason() != Reason.INVALID_ANSWER) {
                        throw e;
                    }
                    problems.put(question.id(), e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                String what = problems.size() == 1 ? "One answer was" : problems.size() + " answers were";
                answerPage(request, response, attempts.attempt(person, attemptId), problems,
                        what + " not saved; the others are. Correct " + (problems.size() == 1 ? "it" : "them")
                                + (submit ? ", then submit again." : "."), 400);
                return;
            }
        }
        if (submit || detail.summary().state() != State.OPEN) {
            attempts.submit(person, attemptId);
            seeOther(response, "/attempts/" + attemptId);
        } else {
            seeOther(response, "/attempts/" + attemptId + "?saved");
        }
    }

    private QuestionType type(Presented question) {
        return types.type(question.type()).orElseThrow(() -> new AttemptException(Reason.UNAVAILABLE,
                "Questions of type " + question.type() + " cannot be answered now; try again later."));
    }

    private QuizSource.Served served(String quizId) {
        return quizzes.quiz(quizId).orElseThrow(() -> new AttemptException(Reason.UNAVAILABLE,
                "The quiz " + quizId + " is not served now; your answers are kept. Try again later."));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AttemptException e) throws IOException {
        boolean script = RequestPath.segments(request).contains("answers");
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case NO_ATTEMPTS_LEFT, CLOSED -> 409;
            case INVALID_ANSWER -> 400;
            case UNAVAILABLE -> 503;
        };
        if (script) {
            AttemptRefusals.refuse(response, e);
        } else if (status == 503) {
            response.setHeader("Retry-After", "60");
            response.sendError(status, e.getMessage());
        } else {
            response.sendError(status, e.getMessage());
        }
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        model.put("csrfToken", Csrf.token(request));
        response.setHeader("Cache-Control", "private, no-store");
        pages.render(request, response, status, template, model);
    }

    static String percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0 % 1 == 0 ? Long.toString(Math.round(fraction * 100))
                : Double.toString(Math.round(fraction * 1000) / 10.0);
    }

    static String minutes(Duration limit) {
        long minutes = limit.toMinutes();
        long seconds = limit.toSecondsPart();
        if (minutes == 0) {
            return seconds + " seconds";
        }
        return minutes + (minutes == 1 ? " minute" : " minutes") + (seconds == 0 ? "" : " " + seconds + " seconds");
    }
}
