#!/usr/bin/env python3
"""The log scan (issue 9, must-have 3): logs never hold an ΑΦΜ, an ΑΜΚΑ or a name.

Collects the synthetic identifiers the tests and the demo use — ΑΦΜ (9 digits) and ΑΜΚΑ
(11 digits) string literals with valid check digits in tests/ and server/lib/cli/DemoData.cpp,
and the invented surnames — then reads every file in the log folder (tests/support/ServerProcess
copies each test server's log there when KEP_TEST_LOG_DIR is set) and names each file:line that
holds one, with the kind of identifier. Exit 0: none found; 1: found (or no logs to scan);
2: usage.

  logscan.py --source DIR --logs DIR     scan
  logscan.py --source DIR --self-test    plant a line in a temporary folder and find it
"""
import argparse
import datetime
import os
import re
import sys
import tempfile
import unicodedata

SOURCE_SUFFIXES = (".cpp", ".h", ".py")


def valid_afm(text):
    if len(text) != 9 or not text.isdigit() or text == "000000000":
        return False
    total = sum(int(d) << (8 - i) for i, d in enumerate(text[:8]))
    return total % 11 % 10 == int(text[8])


def valid_amka(text):
    if len(text) != 11 or not text.isdigit():
        return False
    day, month, yy = int(text[0:2]), int(text[2:4]), int(text[4:6])
    dated = False
    for century in (1900, 2000):
        try:
            datetime.date(century + yy, month, day)
            dated = True
        except ValueError:
            pass
    if not dated:
        return False
    total = 0
    for i, d in enumerate(reversed(text)):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def fold(text):
    """Case and accents folded, Greek as well as Latin (final ς as σ)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


SURNAME_PATTERNS = [
    re.compile(r'surname\w*\s*=\s*"([^"\\]{4,})"'),                    # p.surnameEl = "…";
    re.compile(r'"surname_(?:el|latin)"\s*[,:]\s*"([^"\\]{4,})"'),       # {"surname_el", "…"}
    re.compile(r'surname_(?:el|latin)=([^",\s]{4,})'),                   # "surname_el=…"
    re.compile(r'"\d{9}",\s*"\d{11}",\s*"([^"\\]{4,})",\s*"([^"\\]{4,})"'),  # SyntheticCitizen
]
# The demo's people: {"username", "Given Surname", "role", …}.
DEMO_PERSON = re.compile(r'\{"[a-z.]+",\s*"([^"]+)",\s*"(?:clerk|manager|central_admin|it|authority)"')
QUOTED_DIGITS = re.compile(r'"(\d{9}|\d{11})"')
# A name as people write one: capitalised letters, perhaps words joined by a space or hyphen.
NAME = re.compile(r"^[^\W\d_][^\W\d_]{3,39}(?:[ -][^\W\d_]+)*$")


def is_name(text):
    return bool(NAME.match(text)) and text[0].isupper()


def source_files(source):
    yield os.path.join(source, "server", "lib", "cli", "DemoData.cpp")
    for folder, _, names in os.walk(os.path.join(source, "tests")):
        for name in names:
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.join(folder, name)


def collect(source):
    """{"ΑΦΜ": set, "ΑΜΚΑ": set, "surname": set of folded names}."""
    found = {"ΑΦΜ": set(), "ΑΜΚΑ": set(), "surname": set()}
    for path in source_files(source):
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        for digits in QUOTED_DIGITS.findall(text):
            if valid_afm(digits):
                found["ΑΦΜ"].add(digits)
            elif valid_amka(digits):
                found["ΑΜΚΑ"].add(digits)
        for pattern in SURNAME_PATTERNS:
            for match in pattern.finditer(text):
                for name in match.groups():
                    if is_name(name):
                        found["surname"].add(fold(name))
        if path.endswith("DemoData.cpp"):
            for display in DEMO_PERSON.findall(text):
                found["surname"].add(fold(display.split()[-1]))
    return found


DIGIT_RUN = re.compile(r"(?<!\d)(\d{9}|\d{11})(?!\d)")


def scan(logs, identifiers):
    """Yields (file, line number, kind) for every identifier found."""
    for folder, _, names in os.walk(logs):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", errors="replace") as handle:
                for number, line in enumerate(handle, 1):
                    for digits in DIGIT_RUN.findall(line):
                        for kind in ("ΑΦΜ", "ΑΜΚΑ"):
                            if digits in identifiers[kind]:
                                yield path, number, kind
                    folded = fold(line)
                    if any(surname in folded for surname in identifiers["surname"]):
                        yield path, number, "surname"


def report(logs, identifiers, out):
    findings = list(scan(logs, identifiers))
    for path, number, kind in findings:
        print(f"{os.path.relpath(path, logs)}:{number}: holds a test citizen's {kind}", file=out)
    return findings


def self_test(identifiers):
    """The positive control: a planted ΑΦΜ, ΑΜΚΑ and surname are found, a clean line is not."""
    afm = sorted(identifiers["ΑΦΜ"])[0]
    amka = sorted(identifiers["ΑΜΚΑ"])[0]
    surname = sorted(identifiers["surname"])[0]
    with tempfile.TemporaryDirectory() as logs:
        with open(os.path.join(logs, "clean.log"), "w", encoding="utf-8") as clean:
            clean.write('{"event":"started","port":44321,"bytes":123456789}\n')
        with open(os.path.join(logs, "planted.log"), "w", encoding="utf-8") as planted:
            planted.write('{"event":"ok"}\n')
            planted.write(f'{{"event":"leak","afm":"{afm}"}}\n')
            planted.write(f'{{"event":"leak","amka":{amka}}}\n')
            planted.write(f'{{"event":"leak","name":"{surname.upper()}"}}\n')
        found = sorted((os.path.basename(p), n, k) for p, n, k in scan(logs, identifiers))
    expected = [("planted.log", 2, "ΑΦΜ"), ("planted.log", 3, "ΑΜΚΑ"),
                ("planted.log", 4, "surname")]
    if found != expected:
        print(f"self-test failed: found {found}, expected {expected}")
        return 1
    print(f"self-test passed: {len(identifiers['ΑΦΜ'])} ΑΦΜ, {len(identifiers['ΑΜΚΑ'])} ΑΜΚΑ, "
          f"{len(identifiers['surname'])} surnames collected; the planted lines were found")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="the source tree")
    parser.add_argument("--logs", help="the folder of the test run's logs")
    parser.add_argument("--self-test", action="store_true")
    arguments = parser.parse_args()
    identifiers = collect(arguments.source)
    if not all(identifiers.values()):
        print(f"logscan: collected too little from {arguments.source}: "
              f"{ {k: len(v) for k, v in identifiers.items()} }")
        return 1
    if arguments.self_test:
        return self_test(identifiers)
    if not arguments.logs:
        parser.print_usage()
        return 2
    files = [n for _, _, names in os.walk(arguments.logs) for n in names] \
        if os.path.isdir(arguments.logs) else []
    if not files:
        print(f"logscan: no logs in {arguments.logs}: run the tests first "
              "(kep_add_test sets KEP_TEST_LOG_DIR)")
        return 1
    findings = report(arguments.logs, identifiers, sys.stdout)
    print(f"logscan: {len(files)} log files, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
