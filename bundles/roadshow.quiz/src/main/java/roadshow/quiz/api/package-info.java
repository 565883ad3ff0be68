/**
 * Quiz questions: the {@link roadshow.quiz.api.QuestionType} each kind of question is
 * (single choice, matching, ... or one a vendor's code bundle adds), how a question is
 * shown to a learner for an attempt without giving its answer away, and how an answer
 * is checked and graded; and learners' {@link roadshow.quiz.api.QuizAttempts attempts}.
 */
@Export
@Version("1.0.0")
package roadshow.quiz.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
