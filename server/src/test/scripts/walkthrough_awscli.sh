#!/usr/bin/env bash
# The developer guide's motor walkthrough with the AWS CLI (v1 or v2), as a user has it, against
# `detector-studio serve` (message ids are its own: the service ignores an id seen on the input in the last 5 minutes).
# Usage: walkthrough_awscli.sh ENDPOINT_URL SAMPLES_DIR  (exit 0 when every check held)
set -euo pipefail
endpoint=$1
samples=$2
export AWS_ACCESS_KEY_ID=AKIDCLI AWS_SECRET_ACCESS_KEY=cli-secret AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
binary=()
if aws --version 2>&1 | grep -q '^aws-cli/2'; then binary=(--cli-binary-format raw-in-base64-out); fi
ev() { aws --endpoint-url "$endpoint" --output json iotevents "$@"; }
data() { aws --endpoint-url "$endpoint" --output json iotevents-data "$@"; }
check() { if [ "$1" = "$2" ]; then echo "ok: $3"; else echo "FAILED: $3 (expected '$2', got '$1')" >&2; exit 1; fi; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

ev create-input --cli-input-json "file://$samples/motor/inputs/PressureInput.json" >/dev/null 2>&1 || true
model=$(mktemp)
trap 'rm -f "$model"' EXIT
python3 - "$samples/motor/model.json" "$model" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["detectorModelName"] = "motorCli"
m["roleArn"] = "arn:aws:iam::123456789012:role/IoTEventsRole"; json.dump(m, open(sys.argv[2], "w"))
PY
check "$(ev create-detector-model --cli-input-json "file://$model" | field 'd["detectorModelConfiguration"]["detectorModelVersion"]')" 1 "model created"

put() { data batch-put-message "${binary[@]}" --messages "[{\"messageId\":\"$1\",\"inputName\":\"PressureInput\",\"payload\":\"{\\\"motorid\\\":\\\"$2\\\",\\\"sensorData\\\":{\\\"pressure\\\":$3}}\"}]"; }
state() { data describe-detector --detector-model-name motorCli --key-value "$1" | field 'd["detector"]["state"]["stateName"]'; }
check "$(put cli-1 Fulton-A32 80 | field 'len(d["BatchPutMessageErrorEntries"])')" 0 "reading accepted"
check "$(state Fulton-A32)" Dangerous "80 makes the motor Dangerous"
put cli-2 Fulton-A32 60 >/dev/null; put cli-3 Fulton-A32 60 >/dev/null; put cli-4 Fulton-A32 60 >/dev/null
check "$(state Fulton-A32)" Normal "three readings of 60 make it Normal again"
put cli-p1 Motor-B 90 >/dev/null
page1=$(data list-detectors --detector-model-name motorCli --max-results 1)
token=$(echo "$page1" | field 'd["nextToken"]')
page2=$(data list-detectors --detector-model-name motorCli --max-results 1 --next-token "$token")
check "$(echo "$page1" | field 'd["detectorSummaries"][0]["keyValue"]') $(echo "$page2" | field 'd["detectorSummaries"][0]["keyValue"], "nextToken" in d')" \
  "Fulton-A32 Motor-B False" "list paged with --max-results 1 and --next-token"
data batch-update-detector --detectors '[{"messageId":"u1","detectorModelName":"motorCli","keyValue":"Motor-B","state":{"stateName":"Normal","variables":[{"name":"pressureThresholdBreached","value":"0"}],"timers":[]}}]' >/dev/null
check "$(state Motor-B)" Normal "batch update set the state"
data batch-delete-detector --detectors '[{"messageId":"d1","detectorModelName":"motorCli","keyValue":"Motor-B"}]' >/dev/null
set +e
out=$(data describe-detector --detector-model-name motorCli --key-value Motor-B 2>&1); rc=$?
set -e
check "$rc $(echo "$out" | grep -o ResourceNotFoundException | head -1)" "255 ResourceNotFoundException" "deleted detector is gone"
set +e
out=$(data describe-detector --detector-model-name noSuchModel --key-value x 2>&1)
set -e
check "$(echo "$out" | grep -o ResourceNotFoundException | head -1)" ResourceNotFoundException "unknown model"
check "$(data batch-put-message "${binary[@]}" --messages '[{"messageId":"s","inputName":"PressureInput","payload":"{}"},{"messageId":"s","inputName":"PressureInput","payload":"{}"}]' | field 'd["BatchPutMessageErrorEntries"][0]["errorCode"]')" InvalidRequestException "duplicate message id"
ev delete-detector-model --detector-model-name motorCli >/dev/null
echo "AWS CLI walkthrough: all checks held"
