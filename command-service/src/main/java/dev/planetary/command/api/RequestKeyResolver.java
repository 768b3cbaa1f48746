package dev.planetary.command.api;

import dev.planetary.kernel.request.RequestKey;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Gives an endpoint the {@link RequestKey} of the request it serves: the one the web layer made
 * from the {@code Idempotency-Key} header and the signed-in person (after checking both), or
 * {@code null} when the request has none. Sent on with the commands, it keeps a retried request
 * from taking effect twice.
 */
@Configuration
public class RequestKeyResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestKey.class;
    }

    @Override
    public RequestKey resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
        return (RequestKey) request.getAttribute(RequestKey.class.getName(), RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
