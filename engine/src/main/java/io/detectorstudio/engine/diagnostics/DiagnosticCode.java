package io.detectorstudio.engine.diagnostics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every stable diagnostic code, with its analysis category and what it means (the text of docs/diagnostics.md, which
 * a test keeps equal). Code that reports a finding names its constant, never the code's text; the message of each
 * finding says the specifics (which state, which value, what would be valid).
 */
public enum DiagnosticCode {
    READ("DS-READ", Category.FILE,
            "the file cannot be read as a model: not UTF-8, not JSON/YAML, truncated, nested more than 200 levels, larger than 64 MB, an array or an object of no known shape"),
    CFN_UNRESOLVED("DS-CFN-UNRESOLVED", Category.FILE,
            "a CloudFormation intrinsic (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, …) whose value is only known at deploy time; kept as `${…}`"),
    CFN_SUBSTITUTED("DS-CFN-SUBSTITUTED", Category.FILE,
            "a reference to a resource the template does not define; replaced by the logical id or a plausible ARN, as the AWS examples do"),
    CFN_PARAMETER_DEFAULT("DS-CFN-PARAMETER-DEFAULT", Category.FILE,
            "a template parameter that was not given (`--parameter NAME=VALUE`) takes its default"),
    SHAPE_REQUIRED("DS-SHAPE-REQUIRED", Category.STRUCTURE,
            "a required member is missing"),
    SHAPE_TYPE("DS-SHAPE-TYPE", Category.STRUCTURE,
            "a value has the wrong JSON type"),
    SHAPE_LENGTH("DS-SHAPE-LENGTH", Category.STRUCTURE,
            "a string is shorter or longer than the shape allows"),
    SHAPE_PATTERN("DS-SHAPE-PATTERN", Category.STRUCTURE,
            "a string does not match the shape's pattern"),
    SHAPE_ENUM("DS-SHAPE-ENUM", Category.STRUCTURE,
            "a string is not one of the allowed values"),
    SHAPE_RANGE("DS-SHAPE-RANGE", Category.STRUCTURE,
            "a number is outside the allowed range"),
    SHAPE_LIST_SIZE("DS-SHAPE-LIST-SIZE", Category.STRUCTURE,
            "a list has too few or too many entries"),
    SHAPE_UNKNOWN_FIELD("DS-SHAPE-UNKNOWN-FIELD", Category.STRUCTURE,
            "a field the service does not know (kept on export), with \"did you mean\""),
    ROLE_MISSING("DS-ROLE-MISSING", Category.STRUCTURE,
            "no `roleArn`: fine for analysis/simulation, needed to deploy"),
    STATE_DUPLICATE("DS-STATE-DUPLICATE", Category.STRUCTURE,
            "two states share a name"),
    STATE_INITIAL_UNKNOWN("DS-STATE-INITIAL-UNKNOWN", Category.STRUCTURE,
            "`initialStateName` names no state"),
    STATE_NEXT_UNKNOWN("DS-STATE-NEXT-UNKNOWN", Category.STRUCTURE,
            "a transition's `nextState` names no state"),
    ACTION_TYPES("DS-ACTION-TYPES", Category.STRUCTURE,
            "an action object holds more than one action type"),
    ACTION_UNKNOWN("DS-ACTION-UNKNOWN", Category.STRUCTURE,
            "an action key that is no action type (`snss`, `teleport`), with \"did you mean\"; the engine never performs it"),
    ACTION_ENUM("DS-ACTION-ENUM", Category.STRUCTURE,
            "a quoted literal outside its set: DynamoDB `hashKeyType`/`rangeKeyType` (`STRING`, `NUMBER`), `operation` (`INSERT`, `UPDATE`, `DELETE`), SiteWise `quality` (`GOOD`, `BAD`, `UNCERTAIN`)"),
    ACTION_PAYLOAD_TYPE("DS-ACTION-PAYLOAD-TYPE", Category.STRUCTURE,
            "a `dynamoDBv2` payload of type STRING (it must be JSON)"),
    ACTION_TARGET("DS-ACTION-TARGET", Category.STRUCTURE,
            "an SNS `targetArn` or Lambda `functionArn` that is not an ARN of that service, an SQS `queueUrl` that is not a queue URL (`${…}` placeholders are not judged)"),
    SITEWISE_TARGET("DS-SITEWISE-TARGET", Category.STRUCTURE,
            "`iotSiteWise` with neither `propertyAlias` nor `assetId` + `propertyId`"),
    SITEWISE_VALUE("DS-SITEWISE-VALUE", Category.STRUCTURE,
            "`propertyValue.value` with other than exactly one of `stringValue`, `integerValue`, `doubleValue`, `booleanValue`"),
    TIMER_BOTH("DS-TIMER-BOTH", Category.STRUCTURE,
            "`setTimer` has both `seconds` and `durationExpression`"),
    TIMER_SHORT("DS-TIMER-SHORT", Category.SERVICE_LIMITS,
            "a timer shorter than 60 s"),
    MODEL_NO_INPUT("DS-MODEL-NO-INPUT", Category.STRUCTURE,
            "no condition references an input (a warning when inputs are read only in actions)"),
    QUOTA_STATES("DS-QUOTA-STATES", Category.SERVICE_LIMITS,
            "service quotas: 20 states, 20 events per list, 10 actions per event, 1024-byte content expressions"),
    QUOTA_EVENTS("DS-QUOTA-EVENTS", Category.SERVICE_LIMITS,
            "service quotas: 20 states, 20 events per list, 10 actions per event, 1024-byte content expressions"),
    QUOTA_ACTIONS("DS-QUOTA-ACTIONS", Category.SERVICE_LIMITS,
            "service quotas: 20 states, 20 events per list, 10 actions per event, 1024-byte content expressions"),
    QUOTA_PAYLOAD("DS-QUOTA-PAYLOAD", Category.SERVICE_LIMITS,
            "service quotas: 20 states, 20 events per list, 10 actions per event, 1024-byte content expressions"),
    ROLE_ARN("DS-ROLE-ARN", Category.STRUCTURE,
            "`roleArn` is not an IAM role ARN (`arn:aws:iam::<12 digits>:role/<name>`)"),
    EXPR_HTML_ENTITY("DS-EXPR-HTML-ENTITY", Category.EXPRESSION_SYNTAX,
            "an expression contains `&gt;`, `&lt;`, `&amp;`…: HTML-escaped text copied from a web page"),
    INTERNAL("DS-INTERNAL", Category.STRUCTURE,
            "a check failed on this model; please report it"),
    EXPR_EMPTY("DS-EXPR-EMPTY", Category.EXPRESSION_SYNTAX,
            "the expression is empty"),
    EXPR_EXPECTED("DS-EXPR-EXPECTED", Category.EXPRESSION_SYNTAX,
            "a value, name, `)` or `]` was expected here (the message says which)"),
    EXPR_UNEXPECTED("DS-EXPR-UNEXPECTED", Category.EXPRESSION_SYNTAX,
            "text after a complete expression"),
    EXPR_CHARACTER("DS-EXPR-CHARACTER", Category.EXPRESSION_SYNTAX,
            "a character the language does not use (`=`, `%`, `;`, …)"),
    EXPR_UNTERMINATED("DS-EXPR-UNTERMINATED", Category.EXPRESSION_SYNTAX,
            "a string or `` `quoted name` `` is not closed"),
    EXPR_UNKNOWN_ROOT("DS-EXPR-UNKNOWN-ROOT", Category.EXPRESSION_SYNTAX,
            "a `$name` other than `$input` / `$variable`"),
    EXPR_UNKNOWN_FUNCTION("DS-EXPR-UNKNOWN-FUNCTION", Category.EXPRESSION_SYNTAX,
            "not one of the 13 documented functions"),
    EXPR_ARITY("DS-EXPR-ARITY", Category.EXPRESSION_SYNTAX,
            "a function called with the wrong number of arguments"),
    EXPR_INTEGER_RANGE("DS-EXPR-INTEGER-RANGE", Category.EXPRESSION_SYNTAX,
            "an integer literal outside 64 bits"),
    EXPR_TEMPLATE("DS-EXPR-TEMPLATE", Category.EXPRESSION_SYNTAX,
            "a `${` without its `}`"),
    EXPR_WORD("DS-EXPR-WORD", Category.EXPRESSION_SYNTAX,
            "a bare word where a value belongs (a DynamoDB `tableName` of `T` instead of `'T'`); only `convert`'s type is a word"),
    REF_INPUT_UNKNOWN("DS-REF-INPUT-UNKNOWN", Category.REFERENCED_RESOURCE,
            "`$input.X` / `currentInput(\"X\")` names an input that is not among the definitions given (checked only when input definitions are known: `--inputs`, or inputs in the same template/export)"),
    REF_ATTRIBUTE_UNKNOWN("DS-REF-ATTRIBUTE-UNKNOWN", Category.REFERENCED_DATA,
            "the input has no attribute with that JSON path; the value will be undefined"),
    REF_VARIABLE_NEVER_SET("DS-REF-VARIABLE-NEVER-SET", Category.REFERENCED_DATA,
            "\"Detected broken Variable\": no setVariable action sets it"),
    REF_TIMER_NEVER_SET("DS-REF-TIMER-NEVER-SET", Category.REFERENCED_DATA,
            "\"Detected broken Timer\": `timeout(\"t\")` tests a timer no setTimer action sets"),
    TYPE_CONDITION("DS-TYPE-CONDITION", Category.DATA_TYPE,
            "a condition whose type is known and not Boolean"),
    TYPE_DURATION("DS-TYPE-DURATION", Category.DATA_TYPE,
            "a `durationExpression` that is not a number"),
    TYPE_PAYLOAD("DS-TYPE-PAYLOAD", Category.DATA_TYPE,
            "a `contentExpression` that is not a String"),
    TYPE_OPERATOR("DS-TYPE-OPERATOR", Category.DATA_TYPE,
            "operands an operator cannot combine (`\"a\" * 2`, `$variable.text + 1`)"),
    TYPE_COMPARISON("DS-TYPE-COMPARISON", Category.DATA_TYPE,
            "a comparison of types that never compare (Integer with String)"),
    TYPE_ARGUMENT("DS-TYPE-ARGUMENT", Category.DATA_TYPE,
            "a function argument of the wrong type"),
    TYPE_CONVERT("DS-TYPE-CONVERT", Category.DATA_TYPE,
            "`convert`'s first argument is not `String`, `Boolean` or `Decimal`"),
    TYPE_TRIGGER("DS-TYPE-TRIGGER", Category.DATA_TYPE,
            "`triggerType` of something other than \"Message\"/\"Timer\""),
    TYPE_INFERRED("DS-TYPE-INFERRED", Category.DATA_TYPE,
            "\"Inferred data types [T] for $variable.x\", as the service reports it (text output shows it with `--info`)"),
    STATE_UNREACHABLE("DS-STATE-UNREACHABLE", Category.STRUCTURE,
            "no chain of transitions leads from the initial state to this state"),
    STATE_DEAD_END("DS-STATE-DEAD-END", Category.STRUCTURE,
            "a state with no way out and no events: a detector that enters it does nothing more"),
    VARIABLE_BEFORE_SET("DS-VARIABLE-BEFORE-SET", Category.REFERENCED_DATA,
            "a variable read in a state that no path from the initial state could have set it in");

    private static final Map<String, DiagnosticCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DiagnosticCode::code, Function.identity()));

    private final String code;
    private final Category category;
    private final String meaning;

    DiagnosticCode(String code, Category category, String meaning) {
        this.code = code;
        this.category = category;
        this.meaning = meaning;
    }

    /** The stable identifier ({@code DS-SHAPE-LENGTH}) that diagnostics, tests and users rely on. */
    public String code() {
        return code;
    }

    /** The service's analysis result type this code is reported as. */
    public Category category() {
        return category;
    }

    /** What the code means, as docs/diagnostics.md states it (Markdown). */
    public String meaning() {
        return meaning;
    }

    public static Optional<DiagnosticCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
