package io.detectorstudio.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 7: what certainly fails at run time is an error at validate time, with its position. */
class ActionCheckTest {

    private static List<Diagnostic> validate(Path file) throws Exception {
        ModelFile read = new ModelLoader().load(file);
        return new Validator().validate(read, read.model(null), read.inputs(), false);
    }

    private static Diagnostic find(List<Diagnostic> found, String code, String pathEnd) {
        return found.stream().filter(d -> d.code().equals(code) && d.path().endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " at …" + pathEnd + " not in " + found));
    }

    @Test
    void item7EveryCertainRunTimeFailureIsAnErrorAtItsLineAndColumn() throws Exception {
        List<Diagnostic> found = validate(Path.of(getClass().getResource("/validation/run-time-failures.json").toURI()));
        Diagnostic snss = find(found, "DS-ACTION-UNKNOWN", "actions[0].snss");
        assertThat(snss.isError()).isTrue();
        assertThat(snss.message()).contains("did you mean 'sns'?");
        assertThat(snss.line()).isEqualTo(15);
        assertThat(find(found, "DS-ACTION-UNKNOWN", "actions[1].teleport").message()).doesNotContain("did you mean")
                .contains("Action types: clearTimer");
        Diagnostic word = find(found, "DS-EXPR-WORD", "dynamoDB.tableName");
        assertThat(word.isError()).isTrue();
        assertThat(word.line()).isEqualTo(17);
        assertThat(find(found, "DS-ACTION-ENUM", "dynamoDB.hashKeyType").message()).contains("did you mean 'STRING'?");
        assertThat(find(found, "DS-ACTION-ENUM", "dynamoDB.operation").message()).contains("DELETE, INSERT, UPDATE");
        assertThat(find(found, "DS-ACTION-PAYLOAD-TYPE", "dynamoDBv2.payload.type").isError()).isTrue();
        assertThat(find(found, "DS-SITEWISE-TARGET", "actions[4].iotSiteWise").isError()).isTrue();
        assertThat(find(found, "DS-ACTION-ENUM", "propertyValue.quality").message()).contains("BAD, GOOD, UNCERTAIN");
        assertThat(find(found, "DS-ACTION-TARGET", "sns.targetArn").message()).contains("SNS topic ARN");
        assertThat(find(found, "DS-ACTION-TARGET", "sqs.queueUrl").message()).contains("SQS queue URL");
        assertThat(find(found, "DS-ACTION-TARGET", "lambda.functionArn").message()).contains("Lambda function ARN");
        assertThat(found).noneMatch(d -> d.code().equals("DS-SHAPE-UNKNOWN-FIELD") && d.path().endsWith("snss"));
        assertThat(found).allSatisfy(d -> assertThat(d.line()).isPositive());
    }

    @Test
    void item7WhatTheServiceAcceptsStaysAccepted() throws Exception {
        // every corpus model that deploys keeps its verdict: none of the new codes on models without the faults
        for (Path model : SharedCorpus.files("corpus/models", ".json")) {
            List<Diagnostic> found = validate(model);
            assertThat(found).as(model.toString()).noneMatch(d -> d.code().equals("DS-ACTION-UNKNOWN")
                    || d.code().equals("DS-ACTION-ENUM") || d.code().equals("DS-SITEWISE-TARGET")
                    || d.code().equals("DS-ACTION-PAYLOAD-TYPE"));
        }
    }

    @Test
    void item7ComputedValuesAndTemplatesAreNotJudged() throws Exception {
        String model = "{\"detectorModelName\":\"m\",\"detectorModelDefinition\":{\"initialStateName\":\"S\",\"states\":["
                + "{\"stateName\":\"S\",\"onInput\":{\"events\":[{\"eventName\":\"e\",\"condition\":\"$input.I.t > 0\","
                + "\"actions\":[{\"dynamoDB\":{\"tableName\":\"$input.I.table\",\"hashKeyField\":\"'id'\","
                + "\"hashKeyValue\":\"'k'\",\"hashKeyType\":\"$input.I.kind\",\"operation\":\"'UPDATE'\"}},"
                + "{\"sns\":{\"targetArn\":\"${TopicArn}\"}}]}]}}]}}";
        ModelFile read = new ModelLoader().load(Path.of("m.json"), model.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Diagnostic> found = new Validator().validate(read, read.model(null), read.inputs(), false);
        assertThat(found).noneMatch(d -> d.code().startsWith("DS-ACTION") || d.code().equals("DS-EXPR-WORD"));
    }
}
