package roadshow.certification.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The certification pages' style sheet, served from this bundle's {@code static/certification/}. */
@Component(service = CertificationStaticResources.class)
@HttpWhiteboardResource(pattern = "/static/certification/*", prefix = "/static/certification")
public class CertificationStaticResources {
}
