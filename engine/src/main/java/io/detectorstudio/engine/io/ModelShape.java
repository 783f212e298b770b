package io.detectorstudio.engine.io;

/** The shapes a model file can have (shared/contracts/cli.md, "Model inputs accepted everywhere"). */
public enum ModelShape {
    /** CreateDetectorModel / UpdateDetectorModel request, or a bare StartDetectorModelAnalysis request. */
    REQUEST,
    /** DescribeDetectorModel response, which is also what the console exports. */
    DESCRIBE_RESPONSE,
    /** CloudFormation or SAM template (JSON or YAML). */
    CLOUDFORMATION
}
