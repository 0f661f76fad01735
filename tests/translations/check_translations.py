#!/usr/bin/env python3
"""Every user-visible string of kep-desk is translated, in Greek and in English (issue 11).

Runs lupdate over the desk's sources into copies of translations/*.ts (the tree is not touched)
and fails, naming context and source text, on:
  - a string in the code with no translation (lupdate adds it as unfinished),
  - an entry left unfinished or empty,
  - an entry whose string is no longer in the code (stale: lupdate -no-obsolete drops it),
  - a translation that loses or adds a %1-style placeholder, or a numerus form left empty.
usage: check_translations.py LUPDATE SOURCE_DIR WORK_DIR
"""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:L?\d+|n)")


def messages(ts: Path):
    """(context, source, message element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", ""), message


def problems_of(ts: Path) -> list[str]:
    found = []
    for context, source, message in messages(ts):
        translation = message.find("translation")
        where = f"{context}: «{source[:70]}»"
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "missing", "vanished", "obsolete"):
            found.append(f"{where} is {kind}")
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if any(not text.strip() for text in texts):
            found.append(f"{where} has an empty translation")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            got = sorted(set(PLACEHOLDER.findall(text)))
            # A numerus form may leave %n out ("one case" for n = 1); nothing else may differ.
            if [p for p in got if p != "%n"] != [p for p in wanted if p != "%n"]:
                found.append(f"{where}: placeholders {wanted} became {got} in «{text[:60]}»")
    return found


def main() -> int:
    lupdate, source_dir, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    failures = []
    for language in ("el", "en"):
        original = source_dir / "translations" / f"kep_{language}.ts"
        copy = work / original.name
        shutil.copyfile(original, copy)
        before = {(c, s) for c, s, _ in messages(original)}
        # The options of the desk's own lupdate target (client/ui/CMakeLists.txt).
        run = subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none",
                              str(source_dir / "client" / "ui"), "-ts", str(copy)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr, file=sys.stderr)
            return 2
        after = {(c, s) for c, s, _ in messages(copy)}
        for context, source in sorted(before - after):
            failures.append(f"kep_{language}.ts: {context}: «{source[:70]}» is no longer in the "
                            "code (run the kep_desk_ui_lupdate target)")
        failures += [f"kep_{language}.ts: {p}" for p in problems_of(copy)]
        print(f"kep_{language}.ts: {len(after)} strings checked")
    qtbase = source_dir / "translations" / "qtbase_el.ts"
    failures += [f"qtbase_el.ts: {p}" for p in problems_of(qtbase)]
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
