package io.detectorstudio.engine.data;

/**
 * An error response of the iotevents-data API: the exception name the service returns (its {@code x-amzn-ErrorType})
 * and its HTTP status (semantics §D: 400 InvalidRequest, 404 ResourceNotFound, 429 Throttling, 500 InternalFailure).
 */
public class ServiceException extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;

    public ServiceException(String errorCode, int httpStatus, String message) {
        super(message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    static ServiceException invalidRequest(String message) {
        return new ServiceException("InvalidRequestException", 400, message);
    }

    static ServiceException notFound(String message) {
        return new ServiceException("ResourceNotFoundException", 404, message);
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
