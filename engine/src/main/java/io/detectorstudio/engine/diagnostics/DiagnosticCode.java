package io.detectorstudio.engine.diagnostics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every stable diagnostic code, with its analysis category, what it means and the template of its message (all three
 * as docs/diagnostics.md states them, which a test keeps equal). Code that reports a finding names its constant,
 * never the code's text, and builds the message with {@link #message}: the template holds the fixed wording, the
 * arguments the specifics (which state, which value, what would be valid).
 */
public enum DiagnosticCode {
    READ("DS-READ", Category.FILE,
            "the file cannot be read as a model: not UTF-8, not JSON/YAML, truncated, nested more than 200 levels, larger than 64 MB, an array or an object of no known shape",
            "{0}"),
    CFN_UNRESOLVED("DS-CFN-UNRESOLVED", Category.FILE,
            "a CloudFormation intrinsic (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, …) whose value is only known at deploy time; kept as `${…}`",
            "{0}; the value is kept as a ${...} placeholder — give the parameter a Default or replace the intrinsic with a literal"),
    CFN_SUBSTITUTED("DS-CFN-SUBSTITUTED", Category.FILE,
            "a reference to a resource the template does not define; replaced by the logical id or a plausible ARN, as the AWS examples do",
            "{0}; using \"{1}\" in its place — check it before deploying"),
    CFN_PARAMETER_DEFAULT("DS-CFN-PARAMETER-DEFAULT", Category.FILE,
            "a template parameter that was not given (`--parameter NAME=VALUE`) takes its default",
            "{0} was not given (--parameter {0}=VALUE); using {1}: \"{2}\""),
    SHAPE_REQUIRED("DS-SHAPE-REQUIRED", Category.STRUCTURE,
            "a required member is missing",
            "{0} requires '{1}'{2}"),
    SHAPE_TYPE("DS-SHAPE-TYPE", Category.STRUCTURE,
            "a value has the wrong JSON type",
            "{0} must be {1} but is {2}"),
    SHAPE_LENGTH("DS-SHAPE-LENGTH", Category.STRUCTURE,
            "a string is shorter or longer than the shape allows",
            "{0} must be {1} long but {2}"),
    SHAPE_PATTERN("DS-SHAPE-PATTERN", Category.STRUCTURE,
            "a string does not match the shape's pattern",
            "'{0}' does not match the {1} pattern {2}"),
    SHAPE_ENUM("DS-SHAPE-ENUM", Category.STRUCTURE,
            "a string is not one of the allowed values",
            "'{0}' is not a valid {1}; valid: {2}"),
    SHAPE_RANGE("DS-SHAPE-RANGE", Category.STRUCTURE,
            "a number is outside the allowed range",
            "{0} must be between {1} and {2} but is {3}"),
    SHAPE_LIST_SIZE("DS-SHAPE-LIST-SIZE", Category.STRUCTURE,
            "a list has too few or too many entries",
            "{0} must have {1} but has {2}"),
    SHAPE_UNKNOWN_FIELD("DS-SHAPE-UNKNOWN-FIELD", Category.STRUCTURE,
            "a field the service does not know (kept on export), with \"did you mean\"",
            "'{0}' is not a member of {1}{2} Valid: {3}"),
    ROLE_MISSING("DS-ROLE-MISSING", Category.STRUCTURE,
            "no `roleArn`: fine for analysis/simulation, needed to deploy",
            "no 'roleArn': fine for analysis and simulation, but CreateDetectorModel needs the ARN of a role IoT Events can assume"),
    STATE_DUPLICATE("DS-STATE-DUPLICATE", Category.STRUCTURE,
            "two states share a name",
            "state name '{0}' is already used by states[{1}]; state names must be unique"),
    STATE_INITIAL_UNKNOWN("DS-STATE-INITIAL-UNKNOWN", Category.STRUCTURE,
            "`initialStateName` names no state",
            "initial state '{0}' is not one of the states: {1}"),
    STATE_NEXT_UNKNOWN("DS-STATE-NEXT-UNKNOWN", Category.STRUCTURE,
            "a transition's `nextState` names no state",
            "next state '{0}' does not exist; states: {1}"),
    ACTION_TYPES("DS-ACTION-TYPES", Category.STRUCTURE,
            "an action object holds more than one action type",
            "Actions may only have one type defined, but found an action with {0} types"),
    ACTION_UNKNOWN("DS-ACTION-UNKNOWN", Category.STRUCTURE,
            "an action key that is no action type (`snss`, `teleport`), with \"did you mean\"; the engine never performs it",
            "'{0}' is not an action type{1} Action types: {2}"),
    ACTION_ENUM("DS-ACTION-ENUM", Category.STRUCTURE,
            "a quoted literal outside its set: DynamoDB `hashKeyType`/`rangeKeyType` (`STRING`, `NUMBER`), `operation` (`INSERT`, `UPDATE`, `DELETE`), SiteWise `quality` (`GOOD`, `BAD`, `UNCERTAIN`)",
            "'{0}' is not one of {1}{2} Write it quoted, e.g. '{3}'."),
    ACTION_PAYLOAD_TYPE("DS-ACTION-PAYLOAD-TYPE", Category.STRUCTURE,
            "a `dynamoDBv2` payload of type STRING (it must be JSON)",
            "dynamoDBv2 writes each top-level attribute of a JSON payload as a column: the payload type must be JSON"),
    ACTION_TARGET("DS-ACTION-TARGET", Category.STRUCTURE,
            "an SNS `targetArn` or Lambda `functionArn` that is not an ARN of that service, an SQS `queueUrl` that is not a queue URL (`${…}` placeholders are not judged)",
            "'{0}' is not {1}"),
    SITEWISE_TARGET("DS-SITEWISE-TARGET", Category.STRUCTURE,
            "`iotSiteWise` with neither `propertyAlias` nor `assetId` + `propertyId`",
            "iotSiteWise needs either propertyAlias or both assetId and propertyId to identify the asset property"),
    SITEWISE_VALUE("DS-SITEWISE-VALUE", Category.STRUCTURE,
            "`propertyValue.value` with other than exactly one of `stringValue`, `integerValue`, `doubleValue`, `booleanValue`",
            "propertyValue.value needs exactly one of {0}; it has {1}"),
    TIMER_BOTH("DS-TIMER-BOTH", Category.STRUCTURE,
            "`setTimer` has both `seconds` and `durationExpression`",
            "setTimer takes either 'seconds' or 'durationExpression', not both"),
    TIMER_SHORT("DS-TIMER-SHORT", Category.SERVICE_LIMITS,
            "a timer shorter than 60 s",
            "timers shorter than {0} s are not accurate in the service; use {0} or more"),
    MODEL_NO_INPUT("DS-MODEL-NO-INPUT", Category.STRUCTURE,
            "no condition references an input (a warning when inputs are read only in actions)",
            "no condition references an input ($input.NAME... or currentInput(...)): \"Detector Model Definition must use at least one Input in a condition\"; {0}"),
    QUOTA_STATES("DS-QUOTA-STATES", Category.SERVICE_LIMITS,
            "service quota: at most 20 states",
            "a detector model has at most {0} states; this one has {1}"),
    QUOTA_EVENTS("DS-QUOTA-EVENTS", Category.SERVICE_LIMITS,
            "service quota: at most 20 events per list",
            "at most {0} events per list; this one has {1}"),
    QUOTA_ACTIONS("DS-QUOTA-ACTIONS", Category.SERVICE_LIMITS,
            "service quota: at most 10 actions per event",
            "an event has at most {0} actions; this one has {1}"),
    QUOTA_PAYLOAD("DS-QUOTA-PAYLOAD", Category.SERVICE_LIMITS,
            "service quota: a content expression of at most 1024 bytes",
            "a content expression is at most {0} bytes; this one has {1}"),
    ROLE_ARN("DS-ROLE-ARN", Category.STRUCTURE,
            "`roleArn` is not an IAM role ARN (`arn:aws:iam::<12 digits>:role/<name>`)",
            "'{0}' is not an IAM role ARN; expected arn:aws:iam::<12-digit account>:role/<name>"),
    EXPR_HTML_ENTITY("DS-EXPR-HTML-ENTITY", Category.EXPRESSION_SYNTAX,
            "an expression contains `&gt;`, `&lt;`, `&amp;`…: HTML-escaped text copied from a web page",
            "'{0}' is an HTML entity, not expression syntax; write '{1}'"),
    INTERNAL("DS-INTERNAL", Category.STRUCTURE,
            "a check failed on this model; please report it",
            "{0} failed on this model ({1}); please report it"),
    EXPR_EMPTY("DS-EXPR-EMPTY", Category.EXPRESSION_SYNTAX,
            "the expression is empty",
            "the expression is empty; write a value such as true, 0, 'text' or $input.Input.attribute"),
    EXPR_EXPECTED("DS-EXPR-EXPECTED", Category.EXPRESSION_SYNTAX,
            "a value, name, `)` or `]` was expected here (the message says which)",
            "expected {0} but {1}"),
    EXPR_UNEXPECTED("DS-EXPR-UNEXPECTED", Category.EXPRESSION_SYNTAX,
            "text after a complete expression",
            "unexpected '{0}' after a complete expression; expected an operator such as && or +"),
    EXPR_CHARACTER("DS-EXPR-CHARACTER", Category.EXPRESSION_SYNTAX,
            "a character the language does not use (`=`, `%`, `;`, …)",
            "unexpected character '{0}'{1}"),
    EXPR_UNTERMINATED("DS-EXPR-UNTERMINATED", Category.EXPRESSION_SYNTAX,
            "a string or `` `quoted name` `` is not closed",
            "this {0} has no closing {1}"),
    EXPR_UNKNOWN_ROOT("DS-EXPR-UNKNOWN-ROOT", Category.EXPRESSION_SYNTAX,
            "a `$name` other than `$input` / `$variable`",
            "'{0}' is not a reference; write $input.InputName.path or $variable.name"),
    EXPR_UNKNOWN_FUNCTION("DS-EXPR-UNKNOWN-FUNCTION", Category.EXPRESSION_SYNTAX,
            "not one of the 13 documented functions",
            "'{0}' is not an IoT Events function; available: {1}"),
    EXPR_ARITY("DS-EXPR-ARITY", Category.EXPRESSION_SYNTAX,
            "a function called with the wrong number of arguments",
            "{0} takes {1} but got {2}: {3}"),
    EXPR_INTEGER_RANGE("DS-EXPR-INTEGER-RANGE", Category.EXPRESSION_SYNTAX,
            "an integer literal outside 64 bits",
            "integer {0} is outside the 64-bit range; write it as a decimal ({0}.0)"),
    EXPR_TEMPLATE("DS-EXPR-TEMPLATE", Category.EXPRESSION_SYNTAX,
            "a `${` without its `}`",
            "'${' has no closing '}'"),
    EXPR_WORD("DS-EXPR-WORD", Category.EXPRESSION_SYNTAX,
            "a bare word where a value belongs (a DynamoDB `tableName` of `T` instead of `'T'`); only `convert`'s type is a word",
            "'{0}' is not a value: a literal needs quotes ('{0}'), a reference $input.… or $variable.…"),
    REF_INPUT_UNKNOWN("DS-REF-INPUT-UNKNOWN", Category.REFERENCED_RESOURCE,
            "`$input.X` / `currentInput(\"X\")` names an input that is not among the definitions given (checked only when input definitions are known: `--inputs`, or inputs in the same template/export)",
            "Detector Model Definition contains reference to Input '{0}' that does not exist.{1}"),
    REF_ATTRIBUTE_UNKNOWN("DS-REF-ATTRIBUTE-UNKNOWN", Category.REFERENCED_DATA,
            "the input has no attribute with that JSON path; the value will be undefined",
            "input '{0}' has no attribute '{1}'; the value will be undefined. Its attributes: {2}"),
    REF_VARIABLE_NEVER_SET("DS-REF-VARIABLE-NEVER-SET", Category.REFERENCED_DATA,
            "\"Detected broken Variable\": no setVariable action sets it",
            "Detected broken Variable: $variable.{0} is read but no setVariable action sets it, so it is always undefined{1}"),
    REF_TIMER_NEVER_SET("DS-REF-TIMER-NEVER-SET", Category.REFERENCED_DATA,
            "\"Detected broken Timer\": `timeout(\"t\")` tests a timer no setTimer action sets",
            "Detected broken Timer: timeout(\"{0}\") tests a timer no setTimer action sets, so it is never true{1}"),
    TYPE_CONDITION("DS-TYPE-CONDITION", Category.DATA_TYPE,
            "a condition whose type is known and not Boolean",
            "{0} is {1}, not a valid condition expression: a condition must be Boolean"),
    TYPE_DURATION("DS-TYPE-DURATION", Category.DATA_TYPE,
            "a `durationExpression` that is not a number",
            "durationExpression must return a number (Integer or Decimal seconds) but is {0}"),
    TYPE_PAYLOAD("DS-TYPE-PAYLOAD", Category.DATA_TYPE,
            "a `contentExpression` that is not a String",
            "contentExpression must evaluate to a String (write JSON as '{\"a\": ${…}}') but is {0}"),
    TYPE_OPERATOR("DS-TYPE-OPERATOR", Category.DATA_TYPE,
            "operands an operator cannot combine (`\"a\" * 2`, `$variable.text + 1`)",
            "'{0}' needs {1} but {2}"),
    TYPE_COMPARISON("DS-TYPE-COMPARISON", Category.DATA_TYPE,
            "a comparison of types that never compare (Integer with String)",
            "'{0}' compares {1} with {2}, which {3}"),
    TYPE_ARGUMENT("DS-TYPE-ARGUMENT", Category.DATA_TYPE,
            "a function argument of the wrong type",
            "{0} needs a {1} as argument {2} but got {3}: {4}"),
    TYPE_CONVERT("DS-TYPE-CONVERT", Category.DATA_TYPE,
            "`convert`'s first argument is not `String`, `Boolean` or `Decimal`",
            "convert's first argument is the target type: String, Boolean or Decimal (without quotes)"),
    TYPE_TRIGGER("DS-TYPE-TRIGGER", Category.DATA_TYPE,
            "`triggerType` of something other than \"Message\"/\"Timer\"",
            "triggerType takes \"Message\" or \"Timer\", not \"{0}\""),
    TYPE_INFERRED("DS-TYPE-INFERRED", Category.DATA_TYPE,
            "\"Inferred data types [T] for $variable.x\", as the service reports it (text output shows it with `--info`)",
            "Inferred data types [{0}] for $variable.{1}"),
    STATE_UNREACHABLE("DS-STATE-UNREACHABLE", Category.STRUCTURE,
            "no chain of transitions leads from the initial state to this state",
            "state '{0}' cannot be reached from the initial state '{1}': no chain of transitions leads to it, so its events never run"),
    STATE_DEAD_END("DS-STATE-DEAD-END", Category.STRUCTURE,
            "a state with no way out and no events: a detector that enters it does nothing more",
            "state '{0}' has no transition out and no events: a detector that enters it stays there forever and does nothing more"),
    VARIABLE_BEFORE_SET("DS-VARIABLE-BEFORE-SET", Category.REFERENCED_DATA,
            "a variable read in a state that no path from the initial state could have set it in",
            "$variable.{0} is read in state '{1}' before any action could set it: no path from the initial state sets it first, so it is undefined here");

    private static final Map<String, DiagnosticCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DiagnosticCode::code, Function.identity()));

    private final String code;
    private final Category category;
    private final String meaning;
    private final String template;
    private final int arguments;

    DiagnosticCode(String code, Category category, String meaning, String template) {
        this.code = code;
        this.category = category;
        this.meaning = meaning;
        this.template = template;
        this.arguments = Placeholder.PATTERN.matcher(template).results()
                .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
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

    /** The message template: fixed text with placeholders {@code {0}}, {@code {1}}… for {@link #message}'s arguments. */
    public String template() {
        return template;
    }

    /**
     * The message of a finding: the template with each {@code {i}} replaced by {@code args[i]}. The number of
     * arguments must match the template's placeholders (a mismatch is a bug at the call site, not in the model).
     */
    public String message(Object... args) {
        if (args.length != arguments) {
            throw new IllegalArgumentException(code + " takes " + arguments + " argument(s), not " + args.length);
        }
        Matcher m = Placeholder.PATTERN.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args[Integer.parseInt(m.group(1))])));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Optional<DiagnosticCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Apart from the constants: an enum's constructor may not read its own static fields. */
    private static final class Placeholder {
        static final Pattern PATTERN = Pattern.compile("\\{(\\d)}");
    }
}
