#!/usr/bin/env python3
"""Writes a long scenario for the motor sample (samples/motor) to stdout, for `simulate` measurements.

    python3 docs/perf/big_scenario.py 100000 > /tmp/big.scenario.json
    java -jar app/target/detector-studio.jar simulate /tmp/big.scenario.json --trace /tmp/t.jsonl

Steps: readings for 10 motors (pressure 20..100 from a seeded generator), every 10th step an `expect` of the motor
just read (state and counter, computed here with the model's BATCH semantics, so the run must pass), every 1000th
an `advance` of one minute. The model path is absolute, so the file can live anywhere.
"""
import json
import os
import random
import sys


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    model = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "samples", "motor", "model.json"))
    rnd = random.Random(20240611)
    motors = {}  # key -> (state, pressureThresholdBreached)
    steps = []
    last = None
    while len(steps) < total:
        i = len(steps)
        if i % 1000 == 999:
            steps.append({"advance": "PT1M"})
        elif i % 10 == 9 and last is not None:
            state, counter = motors[last]
            steps.append({"expect": {"key": last, "state": state, "variables": {"pressureThresholdBreached": counter}}})
        else:
            key = "motor-%d" % rnd.randrange(10)
            pressure = rnd.randrange(20, 101)
            motors[key] = reading(motors.get(key), pressure)
            last = key
            steps.append({"message": {"inputName": "PressureInput",
                                      "payload": {"motorid": key, "sensorData": {"pressure": pressure}}}})
    json.dump({"scenarioVersion": 1, "name": "%d steps on the motor model" % total, "model": model,
               "start": "2026-01-01T00:00:00Z", "steps": steps}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


def reading(current, pressure):
    """One PressureInput cycle of the motor model (BATCH: conditions read the variables as the cycle started)."""
    if current is None:
        current = ("Normal", 0)  # created: onEnter of Normal sets the counter to 0
    state, counter = current
    if state == "Normal":
        return ("Dangerous", counter + 3) if pressure > 70 else current
    if pressure > 70:
        return ("Dangerous", 3)
    if counter <= 1:
        return ("Normal", 0)  # BackToNormal: onExit, then onEnter of Normal resets the counter
    return ("Dangerous", counter - 1)


if __name__ == "__main__":
    main()
