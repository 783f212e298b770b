package io.detectorstudio.editor.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.model.FieldKind;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    @Test
    void requiredLengthsAndPatternsComeFromTheServiceModel() {
        FieldRules.Check variable = FieldRules.member("SetVariableAction", "variableName");
        assertThat(variable.problem("")).isEqualTo("variableName is required");
        assertThat(variable.problem("9lives")).contains("must match ^[a-zA-Z][a-zA-Z0-9_]*$");
        assertThat(variable.problem("lives9")).isNull();
        assertThat(FieldRules.member("CreateDetectorModelRequest", "detectorModelDescription").problem("x".repeat(1025)))
                .contains("at most 1024");
        assertThat(FieldRules.member("Payload", "type").problem("XML")).contains("one of STRING, JSON");
    }

    @Test
    void arnsAndUrlsFollowTheDocumentedFormats() {
        assertThat(FieldRules.Format.SNS_TOPIC_ARN.check().problem("arn:aws:sns:us-east-1:123456789012:alarms")).isNull();
        assertThat(FieldRules.Format.SNS_TOPIC_ARN.check().problem("arn:aws:sns:us-east-1:1234:alarms")).isNotNull();
        assertThat(FieldRules.Format.LAMBDA_FUNCTION_ARN.check()
                .problem("arn:aws:lambda:eu-west-1:123456789012:function:notify:$LATEST")).isNull();
        assertThat(FieldRules.Format.LAMBDA_FUNCTION_ARN.check()
                .problem("arn:aws:sns:eu-west-1:123456789012:notify")).isNotNull();
        assertThat(FieldRules.Format.SQS_QUEUE_URL.check()
                .problem("https://sqs.us-east-1.amazonaws.com/123456789012/queue.fifo")).isNull();
        assertThat(FieldRules.Format.IAM_ROLE_ARN.check().problem("arn:aws:iam::123456789012:role/service-role/x")).isNull();
        // unresolved substitutions (CloudFormation) are not judged
        assertThat(FieldRules.Format.SNS_TOPIC_ARN.check().problem("${TopicArn}")).isNull();
    }

    @Test
    void expressionsAndTemplatesAreParsed() {
        assertThat(FieldRules.syntax(FieldKind.EXPRESSION).problem("$variable.x >")).isNotNull();
        assertThat(FieldRules.syntax(FieldKind.EXPRESSION).problem("$variable.x > 1")).isNull();
        assertThat(FieldRules.syntax(FieldKind.TEMPLATE).problem("alarms/${$input.In.id}")).isNull();
        assertThat(FieldRules.syntax(FieldKind.TEMPLATE).problem("alarms/${$input.In.}")).isNotNull();
    }
}
