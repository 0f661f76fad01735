#!/usr/bin/env python3
"""Writes a synthetic MITOS catalogue as JSON Lines, for the import and search benchmarks.

Usage: generate-synthetic.py --count 5000 --seed 1 --out FILE.jsonl [--lang el|en]

Each line is a whole services-extended response document, in the same shape as the sample in
el/ and en/. Titles are built from Greek word pools (accents, final sigma, genitive phrases as
the register writes them) with a parallel English title, so that search sees realistic text.
Ids start at "100000". The same --seed and --count always give the same bytes. Stdlib only.
"""
import argparse
import datetime
import json
import random
import sys
import uuid

FIRST_ID = 100000

ACTIONS = [
    ("Χορήγηση", "Grant of"), ("Έκδοση", "Issue of"), ("Ανανέωση", "Renewal of"),
    ("Αντικατάσταση", "Replacement of"), ("Τροποποίηση", "Amendment of"), ("Ανάκληση", "Revocation of"),
    ("Μεταβίβαση", "Transfer of"), ("Αναγνώριση", "Recognition of"), ("Επέκταση", "Extension of"),
    ("Θεώρηση", "Endorsement of"), ("Διαγραφή", "Cancellation of"), ("Καταχώριση", "Registration of"),
    ("Επανέκδοση", "Re-issue of"), ("Αναστολή", "Suspension of"), ("Βεβαίωση", "Attestation of"),
]

OBJECTS = [
    ("άδειας λειτουργίας", "an operating licence"), ("άδειας διαμονής", "a residence permit"),
    ("πιστοποιητικού", "a certificate"), ("βεβαίωσης", "an attestation"), ("επιδόματος", "an allowance"),
    ("κάρτας", "a card"), ("άδειας άσκησης επαγγέλματος", "a professional licence"),
    ("βιβλιαρίου", "a booklet"), ("σύνταξης", "a pension"), ("εγγραφής", "a registration"),
    ("έγκρισης", "an approval"), ("δήλωσης", "a declaration"), ("οικονομικής ενίσχυσης", "financial support"),
    ("αποζημίωσης", "compensation"), ("άδειας εγκατάστασης", "an installation permit"),
    ("ειδικού σήματος", "a special badge"), ("άδειας κυκλοφορίας", "a registration certificate"),
    ("βεβαίωσης καταλληλότητας", "a certificate of fitness"), ("άδειας οδήγησης", "a driving licence"),
    ("ισοτιμίας τίτλου σπουδών", "equivalence of a qualification"), ("παραχώρησης χρήσης", "a concession of use"),
    ("δελτίου ταυτότητας", "an identity card"), ("σφραγίδας", "a stamp"),
]

SUBJECTS = [
    ("καταστήματος υγειονομικού ενδιαφέροντος", "for a food business"), ("υπαίθριου εμπορίου", "for street trading"),
    ("αλιευτικού σκάφους", "for a fishing vessel"), ("κτηνοτροφικής μονάδας", "for a livestock unit"),
    ("φαρμακείου", "for a pharmacy"), ("οδικών εμπορευματικών μεταφορών", "for road haulage"),
    ("επιβατικού αυτοκινήτου δημόσιας χρήσης", "for a taxi"), ("θήρας", "for hunting"),
    ("μελισσοκομικής εκμετάλλευσης", "for beekeeping"), ("νοσηλείας στο εξωτερικό", "for hospital care abroad"),
    ("μητρότητας", "for maternity"), ("πολύτεκνης οικογένειας", "for a large family"),
    ("αγροτικής δραστηριότητας", "for farming"), ("ηλεκτρολόγου εγκαταστάτη", "for an electrical installer"),
    ("υδραυλικού", "for a plumber"), ("οπτικού", "for an optician"), ("λαϊκής αγοράς", "for an open-air market"),
    ("θερινού κινηματογράφου", "for an open-air cinema"), ("κατοικίδιου ζώου", "for a pet"),
    ("μαθητικής εστίας", "for a student hostel"), ("ιδιωτικού παιδικού σταθμού", "for a private nursery"),
    ("κέντρου αισθητικής", "for a beauty salon"), ("τουριστικού καταλύματος", "for tourist accommodation"),
    ("ναυτικού φυλλαδίου", "for a seaman's book"), ("αναπηρικής σύνταξης", "for a disability pension"),
    ("στρατιωτικής θητείας", "for military service"), ("ιθαγένειας", "for citizenship"),
    ("δημοτικής κατάστασης", "for municipal status"), ("ηλεκτρικής ενέργειας", "for electricity"),
    ("ύδρευσης και αποχέτευσης", "for water and sewerage"), ("κοιμητηρίου", "for a cemetery plot"),
    ("οικοδομικής εργασίας μικρής κλίμακας", "for small-scale building work"),
]

QUALIFIERS = [
    ("σε ανήλικο", "to a minor"), ("λόγω απώλειας", "after loss"), ("λόγω φθοράς", "after damage"),
    ("σε άτομα με αναπηρία", "to persons with disabilities"), ("σε πολίτες τρίτων χωρών", "to third-country nationals"),
    ("σε ομογενείς", "to persons of Greek descent"), ("σε νησιωτικές περιοχές", "in island areas"),
    ("μετά από θάνατο του δικαιούχου", "after the holder's death"), ("σε μακροχρόνια ανέργους", "to the long-term unemployed"),
    ("σε πυρόπληκτους", "to wildfire victims"), ("σε σεισμόπληκτους", "to earthquake victims"),
    ("για δεύτερη φορά", "for a second time"), ("σε πολίτες της Ευρωπαϊκής Ένωσης", "to EU citizens"),
    ("με ηλεκτρονική υποβολή", "filed online"), ("σε συνταξιούχους", "to pensioners"),
]

DESCRIPTIONS = [
    ("Η διαδικασία εξυπηρετείται σε όλα τα Κέντρα Εξυπηρέτησης Πολιτών της χώρας.",
     "The procedure is served at every Citizens' Service Centre in the country."),
    ("Ο ενδιαφερόμενος καταθέτει την αίτηση και τα δικαιολογητικά, που διαβιβάζονται στην αρμόδια υπηρεσία.",
     "The applicant files the application and documents, which are forwarded to the competent authority."),
    ("Η απόφαση κοινοποιείται στον αιτούντα ηλεκτρονικά ή παραλαμβάνεται από το ΚΕΠ.",
     "The decision is sent to the applicant electronically or collected at the KEP."),
    ("Όσα στοιχεία τηρούνται σε δημόσια μητρώα αναζητούνται αυτεπάγγελτα.",
     "Details kept in public registers are retrieved ex officio."),
    ("Η ισχύς της πράξης ορίζεται στην απόφαση της αρμόδιας αρχής.",
     "The validity of the act is set in the competent authority's decision."),
    ("Για ελλιπή φάκελο η υπηρεσία ζητά συμπληρωματικά έγγραφα και η προθεσμία αναστέλλεται.",
     "If the file is incomplete the authority asks for more documents and the deadline is suspended."),
    ("Η αίτηση μπορεί να υποβληθεί και από εξουσιοδοτημένο πρόσωπο.",
     "The application may also be filed by an authorised person."),
    ("Σε περίπτωση απόρριψης ο αιτών μπορεί να ασκήσει ενδικοφανή προσφυγή μέσα σε τριάντα ημέρες.",
     "If refused, the applicant may lodge an administrative appeal within thirty days."),
]

CONDITIONS = [
    ("Ο αιτών είναι ενήλικος.", "The applicant is of age."),
    ("Μόνιμη κατοικία στην περιοχή της αρμόδιας υπηρεσίας.", "Permanent residence in the competent authority's area."),
    ("Δεν υπάρχουν ληξιπρόθεσμες οφειλές προς το Δημόσιο.", "No overdue debts to the State."),
    ("Ετήσιο οικογενειακό εισόδημα κάτω από το όριο που ορίζεται.", "Annual family income below the set limit."),
    ("Ο χώρος πληροί τις υγειονομικές προδιαγραφές.", "The premises meet the health standards."),
    ("Ο αιτών δεν έχει καταδικαστεί για πλημμέλημα ή κακούργημα.", "The applicant has no conviction for a misdemeanour or felony."),
    ("Ασφαλιστική ενημερότητα του αιτούντος.", "The applicant's social insurance payments are up to date."),
    ("Νόμιμη διαμονή στην Ελλάδα.", "Lawful residence in Greece."),
    ("Επαγγελματική εμπειρία τουλάχιστον δύο ετών.", "At least two years of professional experience."),
    ("Ιατρική βεβαίωση καταλληλότητας.", "A medical certificate of fitness."),
]

EVIDENCES = [
    ("Αστυνομική ταυτότητα ή διαβατήριο σε ισχύ.", "Valid identity card or passport."),
    ("Αίτηση του ενδιαφερομένου.", "Application form of the applicant."),
    ("Δύο πρόσφατες έγχρωμες φωτογραφίες.", "Two recent colour photographs."),
    ("Υπεύθυνη δήλωση για την ακρίβεια των στοιχείων.", "Solemn declaration that the details are accurate."),
    ("Πιστοποιητικό οικογενειακής κατάστασης.", "Family status certificate."),
    ("Εκκαθαριστικό σημείωμα φόρου εισοδήματος.", "Income tax assessment notice."),
    ("Αποδεικτικό φορολογικής ενημερότητας.", "Tax clearance certificate."),
    ("Αποδεικτικό ασφαλιστικής ενημερότητας.", "Social insurance clearance certificate."),
    ("Τοπογραφικό διάγραμμα του χώρου.", "Site plan of the premises."),
    ("Κάτοψη του καταστήματος θεωρημένη από μηχανικό.", "Floor plan of the shop certified by an engineer."),
    ("Πιστοποιητικό πυρασφάλειας.", "Fire safety certificate."),
    ("Μισθωτήριο ή τίτλος ιδιοκτησίας.", "Lease or title deed."),
    ("Ιατρική γνωμάτευση από δημόσιο νοσοκομείο.", "Medical report from a public hospital."),
    ("Βεβαίωση σπουδών.", "Certificate of studies."),
    ("Τίτλος σπουδών και επίσημη μετάφραση.", "Qualification and official translation."),
    ("Ηλεκτρονικό παράβολο.", "Electronic fee receipt."),
    ("Εξουσιοδότηση με θεωρημένη υπογραφή.", "Authorisation with an authenticated signature."),
    ("Απόσπασμα ποινικού μητρώου.", "Criminal record extract."),
    ("Βεβαίωση εργοδότη.", "Employer's certificate."),
    ("Ληξιαρχική πράξη θανάτου.", "Death record."),
    ("Άδεια διαμονής σε ισχύ.", "Valid residence permit."),
    ("Βεβαίωση μόνιμης κατοικίας.", "Certificate of permanent residence."),
]

NOTES = [
    ("Μόνο όταν ο αιτών είναι ανήλικος.", "Only when the applicant is a minor."),
    ("Αναζητείται αυτεπάγγελτα από την υπηρεσία.", "Retrieved ex officio by the authority."),
    ("Μόνο για υπηκόους τρίτων χωρών.", "Only for third-country nationals."),
    ("Αν η αίτηση υποβάλλεται από τρίτο πρόσωπο.", "If a third person files the application."),
]

STEPS = [
    ("Κατάθεση αίτησης", "Filing the application", "Η αίτηση καταχωρίζεται στο ΚΕΠ και παίρνει αριθμό πρωτοκόλλου.",
     "The application is recorded at the KEP and gets a protocol number."),
    ("Διαβίβαση φακέλου", "Forwarding the file", "Το ΚΕΠ στέλνει τον φάκελο στην αρμόδια υπηρεσία.",
     "The KEP sends the file to the competent authority."),
    ("Έλεγχος δικαιολογητικών", "Checking the documents", "Η υπηρεσία ελέγχει την πληρότητα του φακέλου.",
     "The authority checks that the file is complete."),
    ("Αυτοψία", "Inspection", "Κλιμάκιο της υπηρεσίας επισκέπτεται τον χώρο.", "Officials of the authority visit the premises."),
    ("Γνωμοδότηση επιτροπής", "Committee opinion", "Η αρμόδια επιτροπή γνωμοδοτεί για το αίτημα.",
     "The competent committee gives its opinion on the request."),
    ("Έκδοση απόφασης", "Decision", "Εκδίδεται η απόφαση και αναρτάται στη Διαύγεια.",
     "The decision is issued and published on Diavgeia."),
    ("Παραλαβή", "Collection", "Ο αιτών παραλαμβάνει το έγγραφο από το ΚΕΠ.", "The applicant collects the document at the KEP."),
    ("Πληρωμή", "Payment", "Το ποσό καταβάλλεται στον τραπεζικό λογαριασμό του δικαιούχου.",
     "The amount is paid into the beneficiary's bank account."),
]

RULE_TYPES = [("Νόμος", "Law"), ("Προεδρικό Διάταγμα", "Presidential Decree"),
              ("Κοινή Υπουργική Απόφαση", "Joint Ministerial Decision"), ("Υπουργική Απόφαση", "Ministerial Decision")]
RULE_TOPICS = [("Ρυθμίσεις για την απλούστευση διαδικασιών.", "Provisions simplifying procedures."),
               ("Καθορισμός δικαιολογητικών.", "Setting the required documents."),
               ("Όροι και προϋποθέσεις χορήγησης.", "Terms and conditions of grant."),
               ("Ύψος παραβόλων και τελών.", "Amount of fees and charges."),
               ("Αρμοδιότητες των υπηρεσιών.", "Powers of the services.")]
FEE_TYPES = [("Ηλεκτρονικό παράβολο", "Electronic fee (e-paravolo)"), ("Τέλος", "Charge"), ("Παράβολο", "Fee")]

ORGS = [("10101", "Υπουργείο Μετανάστευσης και Ασύλου", "Ministry of Migration and Asylum"),
        ("10102", "Υπουργείο Εσωτερικών", "Ministry of the Interior"),
        ("10104", "Ανεξάρτητη Αρχή Δημοσίων Εσόδων (ΑΑΔΕ)", "Independent Authority for Public Revenue (AADE)"),
        ("10105", "Ηλεκτρονικός Εθνικός Φορέας Κοινωνικής Ασφάλισης (e-ΕΦΚΑ)", "Electronic National Social Security Fund (e-EFKA)"),
        ("10108", "Υπουργείο Υποδομών και Μεταφορών", "Ministry of Infrastructure and Transport"),
        ("10112", "Δήμοι", "Municipalities"), ("10113", "Περιφέρειες", "Regions"),
        ("10117", "Υπουργείο Υγείας", "Ministry of Health")]
DURATIONS = ["PT1H", "PT48H", "P1D", "P5D", "P10D", "P15D", "P30D", "P2M", "P3M", "P6M", "P1Y"]
ADA_LETTERS = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ0123456789"


class Procedure:
    """One synthetic record; holds the random draws so that el and en would match if both were made."""

    def __init__(self, rng, number):
        self.rng = rng
        self.id = str(FIRST_ID + number)
        self.action = rng.choice(ACTIONS)
        self.object = rng.choice(OBJECTS)
        self.subject = rng.choice(SUBJECTS)
        self.qualifier = rng.choice(QUALIFIERS) if rng.random() < 0.35 else None

    def title(self, i):
        a, o, s, q = self.action[i], self.object[i], self.subject[i], self.qualifier
        text = f"{a} {o} {s}"
        return f"{text} {q[i]}" if q else text


def pick_some(rng, pool, lo, hi):
    return [rng.choice(pool) for _ in range(rng.randint(lo, hi))]


def document(rng, number, lang, seen_titles):
    i = 0 if lang == "el" else 1
    # Real titles are unique; redraw a few times so that search results are not duplicates.
    p = Procedure(rng, number)
    for _ in range(20):
        if p.title(0) not in seen_titles:
            break
        p = Procedure(rng, number)
    seen_titles.add(p.title(0))
    title = {"el": p.title(0), "en": p.title(1)}
    org = rng.choice(ORGS)
    owner = {"id": org[0], "title": {"el": org[1], "en": org[2]}} if rng.random() < 0.5 else org[0]
    groups = ["8255", "8256"] if rng.random() < 0.15 else ["8255"]
    quoted = f"«{title['el']}»" if i == 0 else f'"{title["en"]}"'
    description = " ".join(
        [("Η διαδικασία " if i == 0 else "The procedure ") + quoted +
         (" αφορά φυσικά πρόσωπα." if i == 0 else " concerns individuals.")] +
        [d[i] for d in rng.sample(DESCRIPTIONS, rng.randint(1, 3))])

    evidences = []
    for n, text in enumerate(pick_some(rng, EVIDENCES, 1, 12), 1):
        alternative = str(n - 1) if n > 1 and rng.random() < 0.08 else ""
        type_id = str(rng.randint(1, 12))
        evidences.append({
            "evidence_num_id": n,
            "evidence_type": {"id": type_id, "title": "Έγγραφο" if i == 0 else "Document"}
            if rng.random() < 0.3 else type_id,
            "evidence_description": text[i],
            "evidence_note": rng.choice(NOTES)[i] if rng.random() < 0.2 else "",
            "evidence_submission_type": [str(rng.randint(1, 6))],
            "evidence_alternative": alternative,
            "evidence_url": None,
            "evidence_owner": rng.choice(ORGS)[0] if rng.random() < 0.3 else "",
            "evidence_related_url": None,
        })
    fees = []
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
        lo = rng.choice([5, 10, 15, 20, 25, 30, 50, 75, 100, 150])
        fees.append({"evidence_cost_type": rng.choice(FEE_TYPES)[i],
                     "evidence_cost_description": rng.choice(RULE_TOPICS[3:4])[i],
                     "evidence_cost_min": lo, "evidence_cost_max": lo * rng.choice([1, 1, 2, 4])})
    steps = [{"step_title": s[i], "step_description": s[2 + i],
              "step_duration_max": rng.choice(DURATIONS) if rng.random() < 0.8 else None, "step_note": ""}
             for s in pick_some(rng, STEPS, 1, 8)]
    rules = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(RULE_TYPES)
        rules.append({
            "rule_type": kind[i],
            "rule_decision_number": str(rng.randint(1000, 5200)) if kind[0] == "Νόμος" else str(rng.randint(1, 99999)),
            "rule_decision_year": str(rng.randint(1985, 2025)),
            "rule_article": str(rng.randint(1, 250)) if rng.random() < 0.7 else "",
            "rule_description": rng.choice(RULE_TOPICS)[i],
            "rule_gazette_doc_number": rng.randint(1, 6000),
            "rule_gazette_doc_issue": "Α" if kind[0] in ("Νόμος", "Προεδρικό Διάταγμα") else "Β",
            "rule_ada": "".join(rng.choice(ADA_LETTERS) for _ in range(10)) + "-" +
                        "".join(rng.choice(ADA_LETTERS) for _ in range(3)) if rng.random() < 0.3 else "",
            "rule_url": "",
        })
    conditions = [{"conditions_num_id": n, "conditions_name": c[i], "conditions_type": str(rng.randint(1, 8)),
                   "conditions_alternative": "", "conditions_url": ""}
                  for n, c in enumerate(pick_some(rng, CONDITIONS, 0, 5), 1)]
    process = {
        "official_title": title[lang],
        "alternative_titles": [f"{p.object[i]} {p.subject[i]}".capitalize()] if rng.random() < 0.25 else [],
        "description": description,
        "remarks": None if rng.random() < 0.5 else "",
        "application_note": "",
        "org_owner": owner,
        "provision_org": [org[0]],
        "provision_org_group": groups,
        "provision_org_group_remote": ["8256"] if "8256" in groups and rng.random() < 0.5 else [],
        "life_events": [str(rng.randint(1, 12))],
        "provided_to": ["1"],
        "output_type": [str(rng.randint(1, 7))],
        "sdg_codes": [],
        "deadline_duration": rng.choice(DURATIONS + [None, ""]),
        "cost_min": sum(f["evidence_cost_min"] for f in fees),
        "cost_max": sum(f["evidence_cost_max"] for f in fees),
        "govgr_codes": [],
        "provided_language": ["el"],
        "status": "active",
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    }
    if rng.random() < 0.4:
        process["validity_duration"] = rng.choice(DURATIONS[6:])
    day = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))) + \
        datetime.timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
    return {"success": True, "data": {
        "id": p.id,
        "title": title,
        "url": "https://mitos.gov.gr/index.php/ΔΔ:" + title["el"].replace(" ", "_"),
        "last_updated": day.isoformat(timespec="seconds"),
        "metadata": {
            "process": process,
            "process_conditions": conditions,
            "process_evidences": evidences,
            "process_evidences_cost": fees,
            "process_steps": steps,
            "process_steps_digital": [],
            "process_rules": rules,
            "process_useful_links": [],
        },
    }}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True, help="JSON Lines file to write ('-' for stdout)")
    parser.add_argument("--lang", choices=("el", "en"), default="el")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must not be negative")

    rng = random.Random(args.seed)
    seen_titles = set()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    try:
        for number in range(args.count):
            out.write(json.dumps(document(rng, number, args.lang, seen_titles), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
