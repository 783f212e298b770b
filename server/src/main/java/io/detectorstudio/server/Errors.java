package io.detectorstudio.server;

import io.detectorstudio.engine.data.ServiceException;

/**
 * The service's error responses (semantics §D): the exception name goes out as {@code x-amzn-ErrorType} with the
 * status below, the text as the body's {@code message}.
 */
public final class Errors {

    private Errors() {
    }

    public static ServiceException invalidRequest(String message) {
        return new ServiceException("InvalidRequestException", 400, message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException("ResourceNotFoundException", 404, message);
    }

    public static ServiceException alreadyExists(String message) {
        return new ServiceException("ResourceAlreadyExistsException", 409, message);
    }

    public static ServiceException inUse(String message) {
        return new ServiceException("ResourceInUseException", 409, message);
    }

    public static ServiceException limitExceeded(String message) {
        return new ServiceException("LimitExceededException", 410, message);
    }

    public static ServiceException unsupported(String message) {
        return new ServiceException("UnsupportedOperationException", 501, message);
    }

    public static ServiceException unknownOperation(String message) {
        return new ServiceException("UnknownOperationException", 404, message);
    }

    public static ServiceException methodNotAllowed(String message) {
        return new ServiceException("MethodNotAllowedException", 405, message);
    }

    public static ServiceException tooLarge(String message) {
        return new ServiceException("InvalidRequestException", 413, message);
    }

    public static ServiceException unrecognizedClient(String message) {
        return new ServiceException("UnrecognizedClientException", 403, message);
    }

    public static ServiceException internal(String message) {
        return new ServiceException("InternalFailureException", 500, message);
    }

    public static ServiceException unavailable(String message) {
        return new ServiceException("ServiceUnavailableException", 503, message);
    }
}
