#!/usr/bin/env python3
"""The developer guide's motor walkthrough with boto3, as a user has it, against `detector-studio serve`.

Usage: walkthrough_boto3.py ENDPOINT_URL SAMPLES_DIR   (exit 0 when every check held)
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint, samples = sys.argv[1], sys.argv[2]
session = boto3.session.Session(aws_access_key_id="AKIDBOTO3", aws_secret_access_key="boto3-secret",
                                region_name="us-east-1")
control = session.client("iotevents", endpoint_url=endpoint)
data = session.client("iotevents-data", endpoint_url=endpoint)


def check(condition, what):
    if not condition:
        print("FAILED: " + what, file=sys.stderr)
        sys.exit(1)
    print("ok: " + what)


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, None


with open(samples + "/motor/inputs/PressureInput.json") as f:
    control.create_input(**json.load(f))
with open(samples + "/motor/model.json") as f:
    model = json.load(f)
model["detectorModelName"] = "motorBoto3"
model["roleArn"] = "arn:aws:iam::123456789012:role/IoTEventsRole"
created = control.create_detector_model(**model)
check(created["detectorModelConfiguration"]["detectorModelVersion"] == "1", "model created as version 1")


def reading(message_id, motor, pressure):
    return {"messageId": message_id, "inputName": "PressureInput",
            "payload": json.dumps({"motorid": motor, "sensorData": {"pressure": pressure}}).encode()}


def describe(motor):
    return data.describe_detector(detectorModelName="motorBoto3", keyValue=motor)["detector"]


answer = data.batch_put_message(messages=[reading("00001", "Fulton-A32", 80)])
check(answer["BatchPutMessageErrorEntries"] == [], "first reading accepted")
d = describe("Fulton-A32")
check(d["state"]["stateName"] == "Dangerous", "80 makes the motor Dangerous")
check({"name": "pressureThresholdBreached", "value": "3"} in d["state"]["variables"], "counter is 3")
for i, p in [("00002", 60), ("00003", 60), ("00004", 60)]:
    data.batch_put_message(messages=[reading(i, "Fulton-A32", p)])
check(describe("Fulton-A32")["state"]["stateName"] == "Normal", "three readings of 60 make it Normal again")

data.batch_put_message(messages=[reading("p1", "Motor-B", 90), reading("p2", "Motor-C", 50)])
keys, token, pages = [], None, 0
while True:
    kwargs = {"detectorModelName": "motorBoto3", "maxResults": 1}
    if token:
        kwargs["nextToken"] = token
    page = data.list_detectors(**kwargs)
    keys += [s["keyValue"] for s in page["detectorSummaries"]]
    pages += 1
    token = page.get("nextToken")
    if not token:
        break
check(sorted(keys) == ["Fulton-A32", "Motor-B", "Motor-C"] and pages == 3, "paging with maxResults=1: " + str(keys))
dangerous = data.list_detectors(detectorModelName="motorBoto3", stateName="Dangerous")["detectorSummaries"]
check([s["keyValue"] for s in dangerous] == ["Motor-B"], "stateName filter")

updated = data.batch_update_detector(detectors=[{"messageId": "u1", "detectorModelName": "motorBoto3",
                                                 "keyValue": "Motor-C", "state": {
                                                     "stateName": "Dangerous",
                                                     "variables": [{"name": "pressureThresholdBreached", "value": "2"}],
                                                     "timers": []}}])
check(updated["batchUpdateDetectorErrorEntries"] == [], "batch update accepted")
check(describe("Motor-C")["state"]["stateName"] == "Dangerous", "update set the state")
deleted = data.batch_delete_detector(detectors=[{"messageId": "d1", "detectorModelName": "motorBoto3",
                                                 "keyValue": "Motor-C"}])
check(deleted["batchDeleteDetectorErrorEntries"] == [], "batch delete accepted")
check(error_code(lambda: describe("Motor-C")) == ("ResourceNotFoundException", 404), "deleted detector is gone")

check(error_code(lambda: data.describe_detector(detectorModelName="noSuchModel", keyValue="x"))
      == ("ResourceNotFoundException", 404), "unknown model")
check(error_code(lambda: control.create_input(inputName="bad name!", inputDefinition={"attributes": [{"jsonPath": "x"}]}))
      == ("InvalidRequestException", 400), "bad request")
dup = data.batch_put_message(messages=[reading("same", "Dup", 1), reading("same", "Dup", 2)])
check([e["errorCode"] for e in dup["BatchPutMessageErrorEntries"]] == ["InvalidRequestException"],
      "duplicate message id in a batch")
check(error_code(lambda: control.describe_logging_options()) == ("UnsupportedOperationException", 501),
      "logging options are not emulated")
control.delete_detector_model(detectorModelName="motorBoto3")
check(error_code(lambda: control.describe_detector_model(detectorModelName="motorBoto3"))[0]
      == "ResourceNotFoundException", "model deleted")
print("boto3 walkthrough: all checks held")
