#!/usr/bin/env python3
"""Checks the sample MITOS catalogue (el/, en/, invalid/) or synthetic JSON Lines files.

Usage:
  check-catalogue.py [--root DIR]                 check the sample catalogue (default: this folder)
  check-catalogue.py --jsonl FILE [--lang el|en]  check a file written by generate-synthetic.py

Every problem is printed as "FILE: problem" on stderr; the exit status is 1 if there was any.
Stdlib only, so that it runs anywhere the catalogue is edited.
"""
import argparse
import datetime
import json
import os
import re
import sys
import unicodedata
import uuid

SECTIONS = ("process", "process_conditions", "process_evidences", "process_evidences_cost",
            "process_steps", "process_steps_digital", "process_rules", "process_useful_links")
LIST_SECTIONS = SECTIONS[1:]

# Field names as the register publishes them; anything else is an unknown field that the
# importer must keep, and the sample deliberately carries a few.
KNOWN = {
    "doc": {"success", "data"},
    "data": {"id", "title", "url", "last_updated", "metadata"},
    "metadata": set(SECTIONS),
    "process": {"official_title", "alternative_titles", "description", "remarks", "application_note",
                "org_owner", "provision_org", "provision_org_group", "provision_org_group_remote",
                "life_events", "provided_to", "output_type", "sdg_codes", "deadline_duration",
                "validity_duration", "cost_min", "cost_max", "govgr_codes", "provided_language",
                "status", "uuid"},
    "process_conditions": {"conditions_num_id", "conditions_name", "conditions_type",
                           "conditions_alternative", "conditions_url"},
    "process_evidences": {"evidence_num_id", "evidence_type", "evidence_description", "evidence_note",
                          "evidence_submission_type", "evidence_alternative", "evidence_url",
                          "evidence_owner", "evidence_related_url"},
    "process_evidences_cost": {"evidence_cost_type", "evidence_cost_description",
                               "evidence_cost_min", "evidence_cost_max"},
    "process_steps": {"step_title", "step_description", "step_duration_max", "step_note"},
    "process_steps_digital": {"step_digital_num_id", "step_digital_title", "step_digital_description",
                              "step_digital_duration_max", "step_digital_url"},
    "process_rules": {"rule_type", "rule_decision_number", "rule_decision_year", "rule_article",
                      "rule_description", "rule_gazette_doc_number", "rule_gazette_doc_issue",
                      "rule_ada", "rule_url"},
    "process_useful_links": {"useful_link_title", "useful_link_url"},
}

# The first text field of each list item: an item without it is useless at the counter.
MAIN_TEXT = {
    "process_conditions": "conditions_name",
    "process_evidences": "evidence_description",
    "process_evidences_cost": "evidence_cost_type",
    "process_steps": "step_title",
    "process_steps_digital": "step_digital_title",
    "process_rules": "rule_type",
    "process_useful_links": "useful_link_title",
}

# Identifiers that stay Greek in the English answer (ΦΕΚ issue letters, decision numbers, ΔΙΑΥΓΕΙΑ
# ADA), and the Greek half of bilingual {el,en} titles such as org_owner's.
GREEK_ALLOWED_IN_EN = {"rule_gazette_doc_issue", "rule_decision_number", "rule_ada", "el"}

ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
GREEK_WORD = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+")
SAMPLE_IDS = range(900001, 901000)
MIN_SAMPLE = 42
REMOTE_GROUP = "8256"

# invalid/ holds test input for the importer; each file must fail (or pass) exactly as named.
FIXTURES = {
    "no-id.json": {"good": 0, "bad": 1},
    "no-title.json": {"good": 0, "bad": 1},
    "not-json.json": {"parse_error": True},
    "mixed-3-good-1-bad.jsonl": {"good": 3, "bad": 1},
    "array-of-2-good.json": {"good": 2, "bad": 0},
}


class Report:
    def __init__(self):
        self.problems = []

    def add(self, where, problem):
        self.problems.append(f"{where}: {problem}")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_num_id(v):
    return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, str) and v.isdigit())


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


def fold(text):
    """Search folding as the project does it: NFD, drop marks, case-fold, final sigma to sigma."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.casefold().replace("ς", "σ")


def texts(value, key=""):
    """Yields (key, string) for every string inside value, with the key that holds it."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, list):
        for v in value:
            yield from texts(v, key)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, k)


def check_duration(rep, where, field, value, allow_missing=True):
    if value is None or value == "":
        if not allow_missing:
            rep.add(where, f"{field} is empty")
        return
    if not isinstance(value, str) or not ISO_DURATION.match(value):
        rep.add(where, f"{field} {value!r} is not an ISO 8601 duration")


def check_language(rep, where, metadata, lang):
    process = metadata.get("process", {})
    if lang == "el":
        for field in ("official_title", "description"):
            if nonempty_str(process.get(field)) and not GREEK.search(process[field]):
                rep.add(where, f"process.{field} has no Greek text in the el record")
        for key, text in texts(metadata):
            if text.startswith("http"):
                continue
            for word in GREEK_WORD.findall(text):
                if "ς" in word[:-1]:
                    rep.add(where, f"final sigma inside the word {word!r} ({key})")
                if word[-1] == "σ" and not word.isupper():
                    rep.add(where, f"word {word!r} ends in medial sigma ({key})")
    else:
        for field in ("official_title", "description"):
            if nonempty_str(process.get(field)) and GREEK.search(process[field]):
                rep.add(where, f"process.{field} is not English in the en record")
        for key, text in texts(metadata):
            if key in GREEK_ALLOWED_IN_EN or text.startswith("http"):
                continue
            if GREEK.search(text):
                rep.add(where, f"Greek text left in the en record ({key}): {text[:60]!r}")


def check_process(rep, where, p):
    if not nonempty_str(p.get("official_title")):
        rep.add(where, "process.official_title is missing or empty")
    if not nonempty_str(p.get("description")):
        rep.add(where, "process.description is missing or empty")
    alt = p.get("alternative_titles", [])
    if not isinstance(alt, list) or not all(nonempty_str(a) for a in alt):
        rep.add(where, "process.alternative_titles must be a list of texts")
    owner = p.get("org_owner")
    if isinstance(owner, dict):
        title = owner.get("title")
        if not nonempty_str(owner.get("id")) or not isinstance(title, dict) or \
                not nonempty_str(title.get("el")) or not nonempty_str(title.get("en")):
            rep.add(where, "process.org_owner object needs id and title{el,en}")
    elif not nonempty_str(owner):
        rep.add(where, "process.org_owner must be an id or {id,title}")
    for field in ("provision_org", "provision_org_group", "provision_org_group_remote", "life_events",
                  "provided_to", "output_type", "sdg_codes"):
        value = p.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            rep.add(where, f"process.{field} must be a list of ids")
    for field in ("deadline_duration", "validity_duration"):
        check_duration(rep, where, "process." + field, p.get(field))
    lo, hi = p.get("cost_min"), p.get("cost_max")
    if not is_number(lo) or not is_number(hi):
        rep.add(where, "process.cost_min and cost_max must be numbers")
    elif lo > hi:
        rep.add(where, f"process.cost_min {lo} is above cost_max {hi}")
    for code in p.get("govgr_codes", []) or []:
        if not isinstance(code, dict) or not nonempty_str(code.get("title")) or \
                not str(code.get("url", "")).startswith("https://"):
            rep.add(where, "process.govgr_codes items need title and an https url")
    if "uuid" in p:
        try:
            uuid.UUID(str(p["uuid"]))
        except ValueError:
            rep.add(where, f"process.uuid {p['uuid']!r} is not a UUID")


def check_alternatives(rep, where, items, id_field, alt_field, label):
    ids = [str(i.get(id_field)) for i in items]
    if len(ids) != len(set(ids)):
        rep.add(where, f"{label}: {id_field} values repeat")
    for item in items:
        alt = item.get(alt_field)
        if alt not in (None, "") and str(alt) not in ids:
            rep.add(where, f"{label}: {alt_field} {alt!r} names no {id_field} of this record")
        if alt not in (None, "") and str(alt) == str(item.get(id_field)):
            rep.add(where, f"{label}: item {alt!r} is its own alternative")


def check_items(rep, where, m):
    for section in LIST_SECTIONS:
        for n, item in enumerate(m[section], 1):
            if not isinstance(item, dict):
                rep.add(where, f"{section}[{n}] is not an object")
            elif not nonempty_str(item.get(MAIN_TEXT[section])):
                rep.add(where, f"{section}[{n}] has no {MAIN_TEXT[section]}")
    if not all(isinstance(i, dict) for s in LIST_SECTIONS for i in m[s]):
        return
    for n, c in enumerate(m["process_conditions"], 1):
        if not is_num_id(c.get("conditions_num_id")):
            rep.add(where, f"process_conditions[{n}].conditions_num_id is not a number")
    check_alternatives(rep, where, m["process_conditions"], "conditions_num_id",
                       "conditions_alternative", "process_conditions")
    for n, e in enumerate(m["process_evidences"], 1):
        if not is_num_id(e.get("evidence_num_id")):
            rep.add(where, f"process_evidences[{n}].evidence_num_id is not a number")
        et = e.get("evidence_type")
        if isinstance(et, dict):
            if not nonempty_str(et.get("id")) or not nonempty_str(et.get("title")):
                rep.add(where, f"process_evidences[{n}].evidence_type object needs id and title")
        elif not nonempty_str(et):
            rep.add(where, f"process_evidences[{n}].evidence_type must be an id or {{id,title}}")
        if not isinstance(e.get("evidence_submission_type", []), list):
            rep.add(where, f"process_evidences[{n}].evidence_submission_type must be a list")
    check_alternatives(rep, where, m["process_evidences"], "evidence_num_id", "evidence_alternative",
                       "process_evidences")
    for n, f in enumerate(m["process_evidences_cost"], 1):
        lo, hi = f.get("evidence_cost_min"), f.get("evidence_cost_max")
        if not is_number(lo) or not (hi is None or is_number(hi)):
            rep.add(where, f"process_evidences_cost[{n}] min must be a number, max a number or null")
        elif hi is not None and lo > hi:
            rep.add(where, f"process_evidences_cost[{n}] min {lo} is above max {hi}")
    for n, s in enumerate(m["process_steps"], 1):
        check_duration(rep, where, f"process_steps[{n}].step_duration_max", s.get("step_duration_max"))
    for n, s in enumerate(m["process_steps_digital"], 1):
        check_duration(rep, where, f"process_steps_digital[{n}].step_digital_duration_max",
                       s.get("step_digital_duration_max"))
        if not str(s.get("step_digital_url", "")).startswith("https://"):
            rep.add(where, f"process_steps_digital[{n}].step_digital_url is not an https url")
    for n, r in enumerate(m["process_rules"], 1):
        number = r.get("rule_gazette_doc_number")
        if not (number is None or (isinstance(number, int) and not isinstance(number, bool))):
            rep.add(where, f"process_rules[{n}].rule_gazette_doc_number must be a number")
        year = r.get("rule_decision_year")
        if year is not None and not (isinstance(year, str) and re.fullmatch(r"(19|20)\d\d", year)):
            rep.add(where, f"process_rules[{n}].rule_decision_year {year!r} is not a year")
    for n, k in enumerate(m["process_useful_links"], 1):
        if not str(k.get("useful_link_url", "")).startswith("https://"):
            rep.add(where, f"process_useful_links[{n}].useful_link_url is not an https url")


def check_record(rep, where, doc, lang):
    """Checks one services-extended document; returns its data object, or None if unusable."""
    if not isinstance(doc, dict) or doc.get("success") is not True or not isinstance(doc.get("data"), dict):
        rep.add(where, 'not a services-extended document ({"success":true,"data":{...}})')
        return None
    d = doc["data"]
    if not nonempty_str(d.get("id")) or not d["id"].isdigit():
        rep.add(where, f"data.id {d.get('id')!r} must be a string of digits")
    title = d.get("title")
    if not isinstance(title, dict) or not nonempty_str(title.get("el")) or not nonempty_str(title.get("en")):
        rep.add(where, "data.title must carry both el and en")
    if not str(d.get("url", "")).startswith("https://"):
        rep.add(where, "data.url is not an https url")
    stamp = d.get("last_updated")
    if not isinstance(stamp, str) or not ISO_DATETIME.match(stamp):
        rep.add(where, f"data.last_updated {stamp!r} is not ISO 8601 with a time zone")
    else:
        try:
            datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            rep.add(where, f"data.last_updated {stamp!r} is not a real date and time")
    m = d.get("metadata")
    if not isinstance(m, dict):
        rep.add(where, "data.metadata is missing")
        return None
    missing = [s for s in SECTIONS if s not in m]
    if missing:
        rep.add(where, "metadata lacks " + ", ".join(missing))
        return None
    if not isinstance(m["process"], dict) or not all(isinstance(m[s], list) for s in LIST_SECTIONS):
        rep.add(where, "metadata.process must be an object and the other sections lists")
        return None
    check_process(rep, where, m["process"])
    check_items(rep, where, m)
    check_language(rep, where, m, lang)
    return d


def unknown_fields(doc):
    """Names the fields outside the published MITOS shape, as level.field."""
    found = []
    found += ["doc." + k for k in doc if k not in KNOWN["doc"]]
    d = doc["data"]
    found += ["data." + k for k in d if k not in KNOWN["data"]]
    m = d["metadata"]
    found += ["metadata." + k for k in m if k not in KNOWN["metadata"]]
    found += ["process." + k for k in m["process"] if k not in KNOWN["process"]]
    for section in LIST_SECTIONS:
        for item in m[section]:
            found += [f"{section}.{k}" for k in item if k not in KNOWN[section]]
    return found


def load_json(rep, path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        rep.add(path, f"does not parse: {e}")
        return None


def compare_pair(rep, where, el, en):
    if el["title"] != en["title"]:
        rep.add(where, "title differs between el and en")
    for field in ("url", "last_updated"):
        if el.get(field) != en.get(field):
            rep.add(where, f"{field} differs between el and en")
    me, mn = el["metadata"], en["metadata"]
    for section in LIST_SECTIONS:
        if len(me[section]) != len(mn[section]):
            rep.add(where, f"{section}: {len(me[section])} items in el, {len(mn[section])} in en")
    pe, pn = me["process"], mn["process"]
    for field in ("deadline_duration", "validity_duration", "cost_min", "cost_max", "provision_org_group",
                  "provision_org_group_remote", "uuid"):
        if pe.get(field) != pn.get(field):
            rep.add(where, f"process.{field} differs between el and en")
    if len(pe.get("alternative_titles", [])) != len(pn.get("alternative_titles", [])):
        rep.add(where, "alternative_titles count differs between el and en")
    owner_id = lambda o: o.get("id") if isinstance(o, dict) else o
    if owner_id(pe.get("org_owner")) != owner_id(pn.get("org_owner")):
        rep.add(where, "org_owner differs between el and en")
    pairs = {
        "process_evidences": ("evidence_num_id", "evidence_alternative", "evidence_submission_type"),
        "process_evidences_cost": ("evidence_cost_min", "evidence_cost_max"),
        "process_rules": ("rule_gazette_doc_number", "rule_gazette_doc_issue", "rule_decision_year"),
        "process_steps": ("step_duration_max",),
    }
    for section, fields in pairs.items():
        for n, (a, b) in enumerate(zip(me[section], mn[section]), 1):
            for field in fields:
                if a.get(field) != b.get(field):
                    rep.add(where, f"{section}[{n}].{field} differs between el and en")
    type_id = lambda t: t.get("id") if isinstance(t, dict) else t
    for n, (a, b) in enumerate(zip(me["process_evidences"], mn["process_evidences"]), 1):
        if type_id(a.get("evidence_type")) != type_id(b.get("evidence_type")):
            rep.add(where, f"process_evidences[{n}].evidence_type differs between el and en")


def matches_query(title, query):
    """Every query word is a prefix of a word of the title, after folding."""
    words = re.findall(r"\w+", fold(title))
    return all(any(w.startswith(q) for w in words) for q in re.findall(r"\w+", fold(query)))


def check_sample(rep, root):
    records = {}
    for lang in ("el", "en"):
        folder = os.path.join(root, lang)
        if not os.path.isdir(folder):
            rep.add(folder, "folder is missing")
            continue
        records[lang] = {}
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not name.endswith(".json"):
                rep.add(path, "unexpected file (only <id>.json belongs here)")
                continue
            doc = load_json(rep, path)
            if doc is None:
                continue
            d = check_record(rep, path, doc, lang)
            if d is None:
                continue
            stem = name[:-len(".json")]
            if d.get("id") != stem:
                rep.add(path, f"file name does not match data.id {d.get('id')!r}")
            elif not stem.isdigit() or int(stem) not in SAMPLE_IDS:
                rep.add(path, "id outside the invented range 900001..900999")
            records[lang][stem] = (path, doc)
    if set(records) != {"el", "en"}:
        return {}
    el, en = records["el"], records["en"]
    for missing in sorted(set(el) - set(en)):
        rep.add(el[missing][0], "has no English counterpart in en/")
    for missing in sorted(set(en) - set(el)):
        rep.add(en[missing][0], "has no Greek counterpart in el/")
    for pid in sorted(set(el) & set(en)):
        compare_pair(rep, f"{el[pid][0]} + en", el[pid][1]["data"], en[pid][1]["data"])
    return {pid: (el[pid][1], en[pid][1]) for pid in sorted(set(el) & set(en))}


def check_coverage(rep, root, pairs):
    """What the demo, the tests and the acceptance searches rely on the sample to contain."""
    if len(pairs) < MIN_SAMPLE:
        rep.add(root, f"only {len(pairs)} procedures; at least {MIN_SAMPLE} are required")
    permits_el = [p for p, (el, _) in pairs.items() if matches_query(el["data"]["title"]["el"], "αδεια διαμονης")]
    permits_en = [p for p, (el, _) in pairs.items() if "residence permit" in el["data"]["title"]["en"].lower()]
    if len(permits_el) < 3 or len(permits_en) < 3:
        rep.add(root, "fewer than 3 residence-permit procedures found by «άδεια διαμονής» / 'residence permit'")
    remote = [p for p, (el, _) in pairs.items()
              if REMOTE_GROUP in el["data"]["metadata"]["process"].get("provision_org_group", [])]
    if len(remote) < 5:
        rep.add(root, f"only {len(remote)} procedures offered by myKEPlive ({REMOTE_GROUP}); 5 required")
    extra = [p for p, (el, _) in pairs.items() if unknown_fields(el)]
    if len(extra) < 3:
        rep.add(root, "fewer than 3 procedures carry unknown fields for the importer to keep")
    return {"procedures": len(pairs), "residence permits": len(permits_el), "myKEPlive": len(remote),
            "with unknown fields": len(extra),
            "free": sum(1 for el, _ in pairs.values() if el["data"]["metadata"]["process"]["cost_max"] == 0),
            "evidences": sum(len(el["data"]["metadata"]["process_evidences"]) for el, _ in pairs.values())}


def importable(doc):
    """The importer's own acceptance rule: a record needs an id and some title."""
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), dict):
        return False
    d = doc["data"]
    title = d.get("title") if isinstance(d.get("title"), dict) else {}
    process = (d.get("metadata") or {}).get("process") or {}
    has_title = nonempty_str(title.get("el")) or nonempty_str(title.get("en")) or \
        nonempty_str(process.get("official_title"))
    return nonempty_str(d.get("id")) and has_title


def check_fixtures(rep, root):
    folder = os.path.join(root, "invalid")
    names = set(os.listdir(folder)) if os.path.isdir(folder) else set()
    for name in sorted(names - set(FIXTURES)):
        rep.add(os.path.join(folder, name), "unexpected fixture; add it to FIXTURES and the README")
    for name, want in FIXTURES.items():
        path = os.path.join(folder, name)
        if name not in names:
            rep.add(path, "fixture is missing")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            if name.endswith(".jsonl"):
                docs = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                parsed = json.loads(text)
                docs = parsed if isinstance(parsed, list) else [parsed]
        except json.JSONDecodeError:
            if not want.get("parse_error"):
                rep.add(path, "does not parse, but it should")
            continue
        if want.get("parse_error"):
            rep.add(path, "parses, but it should not")
            continue
        good = sum(1 for doc in docs if importable(doc))
        if (good, len(docs) - good) != (want["good"], want["bad"]):
            rep.add(path, f"{good} good and {len(docs) - good} bad records; expected "
                          f"{want['good']} and {want['bad']}")
        for n, doc in enumerate(docs, 1):
            if importable(doc):
                check_record(rep, f"{path} record {n}", doc, "el" if GREEK.search(
                    doc["data"]["metadata"]["process"].get("official_title") or "") else "en")


def check_jsonl(rep, path, lang):
    seen = set()
    count = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                rep.add(where, f"does not parse: {e}")
                continue
            d = check_record(rep, where, doc, lang)
            if d is not None:
                if d.get("id") in seen:
                    rep.add(where, f"id {d.get('id')!r} repeats")
                seen.add(d.get("id"))
            count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--jsonl", nargs="+", metavar="FILE")
    parser.add_argument("--lang", choices=("el", "en"), default="el")
    args = parser.parse_args()

    rep = Report()
    if args.jsonl:
        summary = {path: check_jsonl(rep, path, args.lang) for path in args.jsonl}
        text = ", ".join(f"{path}: {n} records" for path, n in summary.items())
    else:
        pairs = check_sample(rep, args.root)
        counts = check_coverage(rep, args.root, pairs)
        check_fixtures(rep, args.root)
        text = ", ".join(f"{k} {v}" for k, v in counts.items()) + f", fixtures {len(FIXTURES)}"
    for problem in rep.problems:
        print(problem, file=sys.stderr)
    if rep.problems:
        print(f"{len(rep.problems)} problem(s)", file=sys.stderr)
        return 1
    print("catalogue OK: " + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
