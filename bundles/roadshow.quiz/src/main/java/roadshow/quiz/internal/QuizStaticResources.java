package roadshow.quiz.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The quiz pages' script and style, served from this bundle's {@code static/quiz/}. */
@Component(service = QuizStaticResources.class)
@HttpWhiteboardResource(pattern = "/static/quiz/*", prefix = "/static/quiz")
public class QuizStaticResources {
}
