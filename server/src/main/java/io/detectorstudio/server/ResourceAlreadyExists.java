package io.detectorstudio.server;

import io.detectorstudio.engine.data.ServiceException;

/** {@code ResourceAlreadyExistsException} (409) with the {@code resourceId} and {@code resourceArn} its shape adds. */
final class ResourceAlreadyExists extends ServiceException {

    private final String resourceId;
    private final String resourceArn;

    ResourceAlreadyExists(String message, String resourceId, String resourceArn) {
        super("ResourceAlreadyExistsException", 409, message);
        this.resourceId = resourceId;
        this.resourceArn = resourceArn;
    }

    String resourceId() {
        return resourceId;
    }

    String resourceArn() {
        return resourceArn;
    }
}
