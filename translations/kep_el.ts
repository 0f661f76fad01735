<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>kep::desk::ui::AboutDialog</name>
    <message>
        <source>About KEP Desk</source>
        <translation>Σχετικά με το Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Server: not connected</source>
        <translation>Διακομιστής: χωρίς σύνδεση</translation>
    </message>
    <message>
        <source>Server: version %1</source>
        <translation>Διακομιστής: έκδοση %1</translation>
    </message>
    <message>
        <source>KEP Desk</source>
        <translation>Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>The counter workstation of the Citizens&apos; Service Centres (KEP) back office.</source>
        <translation>Ο σταθμός εργασίας γκισέ του συστήματος υποστήριξης των Κέντρων Εξυπηρέτησης Πολιτών (ΚΕΠ).</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Έκδοση %1</translation>
    </message>
    <message>
        <source>Built with Qt %1</source>
        <translation>Κατασκευή με Qt %1</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AdminMessages</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Δεν υπάρχει επικοινωνία με τον διακομιστή (%1).</translation>
    </message>
    <message>
        <source>The password was refused: %1</source>
        <translation>Ο κωδικός πρόσβασης απορρίφθηκε: %1</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Δεν έχετε δικαίωμα για αυτή την ενέργεια.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign out and sign in again.</source>
        <translation>Η συνεδρία σας έληξε. Αποσυνδεθείτε και συνδεθείτε ξανά.</translation>
    </message>
    <message>
        <source>This already exists (%1).</source>
        <translation>Υπάρχει ήδη (%1).</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>Ο διακομιστής δεν το δέχτηκε: %1</translation>
    </message>
    <message>
        <source>The server refused this (%1 %2).</source>
        <translation>Ο διακομιστής το αρνήθηκε (%1 %2).</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ApprovalQueue</name>
    <message>
        <source>%1: you filed this case yourself, so another manager must approve or return it (four eyes).</source>
        <translation>%1: την υπόθεση την καταχωρίσατε εσείς, οπότε πρέπει να την εγκρίνει ή να την επιστρέψει άλλος προϊστάμενος (αρχή των τεσσάρων οφθαλμών).</translation>
    </message>
    <message>
        <source>%1: not done (%2).</source>
        <translation>%1: δεν έγινε (%2).</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1: εγκρίθηκε.</translation>
    </message>
    <message>
        <source>%1 returned to the clerk.</source>
        <translation>%1: επιστράφηκε στον υπάλληλο.</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Αριθμός πρωτοκόλλου</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Ημερομηνία ολοκλήρωσης</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Επώνυμο</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Cases awaiting approval</source>
        <translation>Υποθέσεις που περιμένουν έγκριση</translation>
    </message>
    <message>
        <source>Documents missing or unreadable</source>
        <translation>Λείπουν ή δεν διαβάζονται δικαιολογητικά</translation>
    </message>
    <message>
        <source>The citizen&apos;s details are wrong</source>
        <translation>Τα στοιχεία του πολίτη είναι λανθασμένα</translation>
    </message>
    <message>
        <source>Filed under the wrong procedure</source>
        <translation>Καταχωρίστηκε σε λάθος διαδικασία</translation>
    </message>
    <message>
        <source>The fee is wrong</source>
        <translation>Το τέλος είναι λανθασμένο</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>Αι&amp;τιολογία:</translation>
    </message>
    <message>
        <source>Reason for returning</source>
        <translation>Αιτιολογία επιστροφής</translation>
    </message>
    <message>
        <source>&amp;Approve (Ctrl+Enter)</source>
        <translation>&amp;Έγκριση (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Approve the case</source>
        <translation>Έγκριση της υπόθεσης</translation>
    </message>
    <message>
        <source>Re&amp;turn to the clerk</source>
        <translation>Επι&amp;στροφή στον υπάλληλο</translation>
    </message>
    <message>
        <source>Return the case to the clerk</source>
        <translation>Επιστροφή της υπόθεσης στον υπάλληλο</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AuthorityInboxEntry</name>
    <message>
        <source>Authority &amp;inbox…</source>
        <translation>&amp;Εισερχόμενα αρχής…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AuthorityInboxWindow</name>
    <message>
        <source>The result document</source>
        <translation>Το έγγραφο του αποτελέσματος</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Έγγραφα PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Αποθήκευση του εγγράφου</translation>
    </message>
    <message>
        <source>Authority inbox — KEP Desk</source>
        <translation>Εισερχόμενα αρμόδιας αρχής — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Εμφάνιση:</translation>
    </message>
    <message>
        <source>Every case</source>
        <translation>Όλες οι υποθέσεις</translation>
    </message>
    <message>
        <source>Show the cases in status</source>
        <translation>Εμφάνιση των υποθέσεων σε κατάσταση</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Ανανέωση</translation>
    </message>
    <message>
        <source>Read the inbox again</source>
        <translation>Νέα ανάγνωση των εισερχομένων</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Αριθμός πρωτοκόλλου</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Γραφείο</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Προθεσμία</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Δίαυλος</translation>
    </message>
    <message>
        <source>Cases forwarded to the authority</source>
        <translation>Υποθέσεις που διαβιβάστηκαν στην αρχή</translation>
    </message>
    <message>
        <source>Up and Down choose a case, Enter opens it.</source>
        <translation>Τα βέλη επιλέγουν υπόθεση, το Enter την ανοίγει.</translation>
    </message>
    <message>
        <source>The &amp;case:</source>
        <translation>Η &amp;υπόθεση:</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Η υπόθεση</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>&amp;Δικαιολογητικά:</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>Δικαιολογητικά της υπόθεσης</translation>
    </message>
    <message>
        <source>Enter opens the chosen document.</source>
        <translation>Το Enter ανοίγει το επιλεγμένο έγγραφο.</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>Ά&amp;νοιγμα εγγράφου</translation>
    </message>
    <message>
        <source>Open the chosen document</source>
        <translation>Άνοιγμα του επιλεγμένου εγγράφου</translation>
    </message>
    <message>
        <source>Sa&amp;ve document…</source>
        <translation>Απο&amp;θήκευση εγγράφου…</translation>
    </message>
    <message>
        <source>Save the chosen document</source>
        <translation>Αποθήκευση του επιλεγμένου εγγράφου</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Ιστορικό:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Πότε</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Από</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Σε</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Αιτία</translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation>Ιστορικό της υπόθεσης</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>Αποδο&amp;χή</translation>
    </message>
    <message>
        <source>Accept the case</source>
        <translation>Αποδοχή της υπόθεσης</translation>
    </message>
    <message>
        <source>As&amp;k for documents…</source>
        <translation>Αί&amp;τηση δικαιολογητικών…</translation>
    </message>
    <message>
        <source>Ask for more documents, with the reason</source>
        <translation>Αίτηση πρόσθετων δικαιολογητικών, με την αιτιολογία</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Απόρρι&amp;ψη…</translation>
    </message>
    <message>
        <source>Reject the case, with the reason</source>
        <translation>Απόρριψη της υπόθεσης, με την αιτιολογία</translation>
    </message>
    <message>
        <source>Com&amp;plete…</source>
        <translation>Ολοκλή&amp;ρωση…</translation>
    </message>
    <message>
        <source>Complete the case with the result document</source>
        <translation>Ολοκλήρωση της υπόθεσης με το έγγραφο του αποτελέσματος</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message numerus="yes">
        <source>Cases &amp;forwarded to the authority (%n):</source>
        <translation>
            <numerusform>&amp;Υποθέσεις που διαβιβάστηκαν στην αρχή (%n):</numerusform>
            <numerusform>&amp;Υποθέσεις που διαβιβάστηκαν στην αρχή (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Πολίτης</translation>
    </message>
    <message>
        <source>document %1 (%2)</source>
        <translation>δικαιολογητικό %1 (%2)</translation>
    </message>
    <message>
        <source>Accepting case %1…</source>
        <translation>Αποδοχή της υπόθεσης %1…</translation>
    </message>
    <message>
        <source>Why is case %1 rejected? The KEP and the citizen are told.</source>
        <translation>Γιατί απορρίπτεται η υπόθεση %1; Ενημερώνονται το ΚΕΠ και ο πολίτης.</translation>
    </message>
    <message>
        <source>Which documents does case %1 need? The KEP asks the citizen for them.</source>
        <translation>Ποια δικαιολογητικά χρειάζεται η υπόθεση %1; Το ΚΕΠ τα ζητά από τον πολίτη.</translation>
    </message>
    <message>
        <source>Nothing was sent: the reason is needed.</source>
        <translation>Δεν στάλθηκε τίποτα: χρειάζεται η αιτιολογία.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Αποστολή…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Το αρχείο δεν διαβάζεται.</translation>
    </message>
    <message>
        <source>Not sent: the file is empty.</source>
        <translation>Δεν στάλθηκε: το αρχείο είναι κενό.</translation>
    </message>
    <message>
        <source>Not sent: the result is larger than %1.</source>
        <translation>Δεν στάλθηκε: το αποτέλεσμα είναι μεγαλύτερο από %1.</translation>
    </message>
    <message>
        <source>Not sent: the result must be a PDF document.</source>
        <translation>Δεν στάλθηκε: το αποτέλεσμα πρέπει να είναι έγγραφο PDF.</translation>
    </message>
    <message>
        <source>Sending the result of case %1…</source>
        <translation>Αποστολή του αποτελέσματος της υπόθεσης %1…</translation>
    </message>
    <message>
        <source>Case accepted: it is in progress.</source>
        <translation>Η υπόθεση έγινε δεκτή: είναι σε επεξεργασία.</translation>
    </message>
    <message>
        <source>Documents asked for: the KEP sees the request in its queue.</source>
        <translation>Ζητήθηκαν δικαιολογητικά: το ΚΕΠ βλέπει το αίτημα στην ουρά του.</translation>
    </message>
    <message>
        <source>Case rejected.</source>
        <translation>Η υπόθεση απορρίφθηκε.</translation>
    </message>
    <message>
        <source>Case completed: the KEP prints the result for the citizen.</source>
        <translation>Η υπόθεση ολοκληρώθηκε: το ΚΕΠ εκτυπώνει το αποτέλεσμα για τον πολίτη.</translation>
    </message>
    <message>
        <source>Refused: the case is no longer where this decision fits (%1). The inbox is read again.</source>
        <translation>Δεν έγινε δεκτό: η υπόθεση δεν βρίσκεται πια σε κατάσταση που επιτρέπει αυτή την απόφαση (%1). Τα εισερχόμενα διαβάζονται ξανά.</translation>
    </message>
    <message>
        <source>This case or document is not in your authority&apos;s inbox.</source>
        <translation>Η υπόθεση ή το έγγραφο δεν βρίσκεται στα εισερχόμενα της αρχής σας.</translation>
    </message>
    <message>
        <source>The document could not be written to this desk.</source>
        <translation>Το έγγραφο δεν ήταν δυνατό να αποθηκευτεί σε αυτό το γκισέ.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Αποθηκεύτηκε ως %1.</translation>
    </message>
    <message>
        <source>The document is open in the system&apos;s viewer.</source>
        <translation>Το έγγραφο άνοιξε στο πρόγραμμα προβολής του συστήματος.</translation>
    </message>
    <message>
        <source>The document is kept as %1; no viewer could open it.</source>
        <translation>Το έγγραφο φυλάχτηκε ως %1· κανένα πρόγραμμα προβολής δεν μπόρεσε να το ανοίξει.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CaseDetailsDialog</name>
    <message>
        <source>%1, by %2</source>
        <translation>%1, από %2</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Υπόθεση %1</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Αριθμός πρωτοκόλλου</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Πολίτης</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Προθεσμία</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Καταχώριση</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Ιστορικό</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Πότε</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Από</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Σε</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Ποιος</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Αιτία</translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation>Ιστορικό της υπόθεσης</translation>
    </message>
    <message>
        <source>Fetching the authority&apos;s result from the server…</source>
        <translation>Λήψη του αποτελέσματος της αρχής από τον διακομιστή…</translation>
    </message>
    <message>
        <source>The result could not be saved on this desk.</source>
        <translation>Το αποτέλεσμα δεν ήταν δυνατό να αποθηκευτεί σε αυτό το γκισέ.</translation>
    </message>
    <message>
        <source>The result is saved as %1 and opened for printing.</source>
        <translation>Το αποτέλεσμα αποθηκεύτηκε ως %1 και άνοιξε για εκτύπωση.</translation>
    </message>
    <message>
        <source>The result is saved as %1; open it to print it.</source>
        <translation>Το αποτέλεσμα αποθηκεύτηκε ως %1· ανοίξτε το για να το εκτυπώσετε.</translation>
    </message>
    <message>
        <source>The result could not be fetched: %1</source>
        <translation>Το αποτέλεσμα δεν ήταν δυνατό να ληφθεί: %1</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Δίαυλος</translation>
    </message>
    <message>
        <source>&amp;Print result</source>
        <translation>Εκτύ&amp;πωση αποτελέσματος</translation>
    </message>
    <message>
        <source>Print the authority&apos;s result</source>
        <translation>Εκτύπωση του αποτελέσματος της αρχής</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Αποτέλεσμα</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Προορισμός</translation>
    </message>
    <message>
        <source>Forwar&amp;d to the competent authority</source>
        <translation>Δια&amp;βίβαση στην αρμόδια αρχή</translation>
    </message>
    <message>
        <source>Forward the case to the competent authority</source>
        <translation>Διαβίβαση της υπόθεσης στην αρμόδια αρχή</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CaseForwarder</name>
    <message>
        <source>an authority this desk&apos;s catalogue does not name</source>
        <translation>μια αρχή που ο κατάλογος αυτού του γκισέ δεν κατονομάζει</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: not forwarded; sign in as a clerk or manager of the office.</source>
        <translation>%1: δεν διαβιβάστηκε· συνδεθείτε ως υπάλληλος ή προϊστάμενος του γραφείου.</translation>
    </message>
    <message>
        <source>%1 forwarded to %2. It goes to the server with the next sync.</source>
        <translation>%1: διαβιβάστηκε σε %2. Φτάνει στον διακομιστή με τον επόμενο συγχρονισμό.</translation>
    </message>
    <message>
        <source>%1: the case is no longer on this desk.</source>
        <translation>%1: η υπόθεση δεν βρίσκεται πια σε αυτό το γκισέ.</translation>
    </message>
    <message>
        <source>%1: not forwarded, because this desk&apos;s catalogue does not name the procedure&apos;s competent authority. Sync the catalogue and try again.</source>
        <translation>%1: δεν διαβιβάστηκε, γιατί ο κατάλογος αυτού του γκισέ δεν ορίζει την αρμόδια αρχή της διαδικασίας. Συγχρονίστε τον κατάλογο και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <source>%1: the procedure needs the manager&apos;s approval before the case is forwarded.</source>
        <translation>%1: η διαδικασία απαιτεί την έγκριση του προϊσταμένου πριν διαβιβαστεί η υπόθεση.</translation>
    </message>
    <message>
        <source>%1: only a clerk or a manager of the office forwards cases.</source>
        <translation>%1: μόνο υπάλληλος ή προϊστάμενος του γραφείου διαβιβάζει υποθέσεις.</translation>
    </message>
    <message>
        <source>%1: a case that is «%2» cannot be forwarded.</source>
        <translation>%1: υπόθεση σε κατάσταση «%2» δεν διαβιβάζεται.</translation>
    </message>
    <message>
        <source>%1: not forwarded (%2).</source>
        <translation>%1: δεν διαβιβάστηκε (%2).</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CaseSearchPage</name>
    <message>
        <source>Find a &amp;case</source>
        <translation>Αναζήτηση &amp;υπόθεσης</translation>
    </message>
    <message>
        <source>Find a &amp;case…</source>
        <translation>Αναζήτηση &amp;υπόθεσης…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Αναζήτηση υποθέσεων</translation>
    </message>
    <message>
        <source>Protocol number, ΑΦΜ, ΑΜΚΑ, surname or procedure. Down and Up choose a case, Enter opens it.</source>
        <translation>Αριθμός πρωτοκόλλου, ΑΦΜ, ΑΜΚΑ, επώνυμο ή διαδικασία. Τα βέλη επιλέγουν υπόθεση, το Enter την ανοίγει.</translation>
    </message>
    <message>
        <source>Cases found</source>
        <translation>Υποθέσεις που βρέθηκαν</translation>
    </message>
    <message>
        <source>Type to search this desk&apos;s cases.</source>
        <translation>Πληκτρολογήστε για αναζήτηση στις υποθέσεις αυτού του σταθμού.</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>Καμία υπόθεση δεν ταιριάζει.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found.</source>
        <translation>
            <numerusform>Βρέθηκε %n υπόθεση.</numerusform>
            <numerusform>Βρέθηκαν %n υποθέσεις.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Δίαυλος:</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CataloguePublishEntry</name>
    <message>
        <source>&amp;Catalogue publishing…</source>
        <translation>Δημοσίευση &amp;καταλόγου…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CataloguePublishWindow</name>
    <message numerus="yes">
        <source>Published %n procedure(s); desks receive them within seconds (catalogue sequence %1).</source>
        <translation>
            <numerusform>Δημοσιεύθηκε %n διαδικασία· τα γκισέ τη λαμβάνουν μέσα σε δευτερόλεπτα (αύξων αριθμός καταλόγου %1).</numerusform>
            <numerusform>Δημοσιεύθηκαν %n διαδικασίες· τα γκισέ τις λαμβάνουν μέσα σε δευτερόλεπτα (αύξων αριθμός καταλόγου %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Options of procedure %1 saved.</source>
        <translation>Οι επιλογές της διαδικασίας %1 αποθηκεύτηκαν.</translation>
    </message>
    <message>
        <source>Options of procedure %1 saved: it leaves every desk.</source>
        <translation>Οι επιλογές της διαδικασίας %1 αποθηκεύτηκαν: αποσύρεται από όλα τα γκισέ.</translation>
    </message>
    <message>
        <source>Catalogue publishing — KEP Desk</source>
        <translation>Δημοσίευση καταλόγου — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;Drafts not yet published:</source>
        <translation>Προσχέδια &amp;χωρίς δημοσίευση:</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Τίτλος</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Έκδοση</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Προσχέδια</translation>
    </message>
    <message>
        <source>Tick a draft with Space to publish it; the selected draft&apos;s changes are shown beside the list.</source>
        <translation>Επιλέξτε ένα προσχέδιο με το πλήκτρο διαστήματος για να το δημοσιεύσετε· οι αλλαγές του επιλεγμένου προσχεδίου εμφανίζονται δίπλα στη λίστα.</translation>
    </message>
    <message>
        <source>&amp;What the draft changes:</source>
        <translation>&amp;Τι αλλάζει το προσχέδιο:</translation>
    </message>
    <message>
        <source>What the draft changes</source>
        <translation>Τι αλλάζει το προσχέδιο</translation>
    </message>
    <message>
        <source>&amp;Tick all</source>
        <translation>&amp;Επιλογή όλων</translation>
    </message>
    <message>
        <source>Tick or untick all drafts</source>
        <translation>Επιλογή ή αποεπιλογή όλων των προσχεδίων</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Εμφάνιση &amp;περισσότερων</translation>
    </message>
    <message>
        <source>Show more drafts</source>
        <translation>Εμφάνιση περισσότερων προσχεδίων</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Ανανέωση</translation>
    </message>
    <message>
        <source>Refresh the drafts</source>
        <translation>Ανανέωση των προσχεδίων</translation>
    </message>
    <message>
        <source>&amp;Publish ticked…</source>
        <translation>&amp;Δημοσίευση επιλεγμένων…</translation>
    </message>
    <message>
        <source>Publish the ticked drafts</source>
        <translation>Δημοσίευση των επιλεγμένων προσχεδίων</translation>
    </message>
    <message>
        <source>Publish every draft</source>
        <translation>Δημοσίευση όλων των προσχεδίων</translation>
    </message>
    <message>
        <source>KEP options of a procedure</source>
        <translation>Επιλογές ΚΕΠ μιας διαδικασίας</translation>
    </message>
    <message>
        <source>Procedure &amp;id:</source>
        <translation>Κωδ&amp;ικός διαδικασίας:</translation>
    </message>
    <message>
        <source>Procedure id</source>
        <translation>Κωδικός διαδικασίας</translation>
    </message>
    <message>
        <source>L&amp;oad</source>
        <translation>&amp;Φόρτωση</translation>
    </message>
    <message>
        <source>Load the procedure&apos;s options</source>
        <translation>Φόρτωση των επιλογών της διαδικασίας</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s &amp;approval</source>
        <translation>Οι υποθέσεις χρειάζονται έ&amp;γκριση του προϊσταμένου</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s approval</source>
        <translation>Οι υποθέσεις χρειάζονται έγκριση του προϊσταμένου</translation>
    </message>
    <message>
        <source>O&amp;ffered at KEPs</source>
        <translation>Δια&amp;θέσιμη στα ΚΕΠ</translation>
    </message>
    <message>
        <source>Offered at KEPs</source>
        <translation>Διαθέσιμη στα ΚΕΠ</translation>
    </message>
    <message>
        <source>Competent a&amp;uthority:</source>
        <translation>Αρμόδια α&amp;ρχή:</translation>
    </message>
    <message>
        <source>Competent authority id</source>
        <translation>Κωδικός αρμόδιας αρχής</translation>
    </message>
    <message>
        <source>&amp;Save options</source>
        <translation>Αποθήκευ&amp;ση επιλογών</translation>
    </message>
    <message>
        <source>Save the procedure&apos;s options</source>
        <translation>Αποθήκευση των επιλογών της διαδικασίας</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>νέα</translation>
    </message>
    <message>
        <source>There are no drafts: the catalogue is as published.</source>
        <translation>Δεν υπάρχουν προσχέδια: ο κατάλογος είναι όπως δημοσιεύθηκε.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n draft(s) shown.</source>
        <translation>
            <numerusform>Εμφανίζεται %1 από %n προσχέδιο.</numerusform>
            <numerusform>Εμφανίζονται %1 από %n προσχέδια.</numerusform>
        </translation>
    </message>
    <message>
        <source>A new procedure: desks have no version of it yet.</source>
        <translation>Νέα διαδικασία: τα γκισέ δεν έχουν ακόμη καμία έκδοσή της.</translation>
    </message>
    <message>
        <source>Tick the drafts to publish first (Space ticks the selected one).</source>
        <translation>Επιλέξτε πρώτα τα προσχέδια προς δημοσίευση (το πλήκτρο διαστήματος επιλέγει το τρέχον).</translation>
    </message>
    <message numerus="yes">
        <source>Publish %n procedure(s)? Every desk receives the new version within seconds.</source>
        <translation>
            <numerusform>Δημοσίευση %n διαδικασίας; Κάθε γκισέ λαμβάνει τη νέα έκδοση μέσα σε δευτερόλεπτα.</numerusform>
            <numerusform>Δημοσίευση %n διαδικασιών; Κάθε γκισέ λαμβάνει τη νέα έκδοση μέσα σε δευτερόλεπτα.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Δημοσίευση…</translation>
    </message>
    <message numerus="yes">
        <source>Publish all %n draft(s), including those not shown? Every desk receives them within seconds.</source>
        <translation>
            <numerusform>Δημοσίευση του %n προσχεδίου, και αν δεν εμφανίζεται; Κάθε γκισέ το λαμβάνει μέσα σε δευτερόλεπτα.</numerusform>
            <numerusform>Δημοσίευση και των %n προσχεδίων, και όσων δεν εμφανίζονται; Κάθε γκισέ τα λαμβάνει μέσα σε δευτερόλεπτα.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the procedure&apos;s id.</source>
        <translation>Συμπληρώστε τον κωδικό της διαδικασίας.</translation>
    </message>
    <message>
        <source>Take procedure %1 off every KEP desk? Clerks can no longer find it or file cases for it.</source>
        <translation>Απόσυρση της διαδικασίας %1 από όλα τα γκισέ ΚΕΠ; Οι υπάλληλοι δεν θα μπορούν πια να τη βρουν ούτε να καταχωρίσουν υποθέσεις της.</translation>
    </message>
    <message>
        <source>Saving the options of procedure %1…</source>
        <translation>Αποθήκευση των επιλογών της διαδικασίας %1…</translation>
    </message>
    <message>
        <source>Publish &amp;every draft…</source>
        <translation>Δημοσίευση ό&amp;λων…</translation>
    </message>
    <message>
        <source>Leave empty for the register&apos;s owner.</source>
        <translation>Κενό: ο φορέας του Μητρώου.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ChannelFilter</name>
    <message>
        <source>All channels</source>
        <translation>Όλοι οι δίαυλοι</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Δίαυλος</translation>
    </message>
    <message>
        <source>Every channel, or only the cases filed at the counter, at a myKEPlive call, or online through gov.gr or EU-GO.</source>
        <translation>Όλοι οι δίαυλοι, ή μόνο οι υποθέσεις που καταχωρίστηκαν στο γκισέ, σε κλήση myKEPlive, ή ηλεκτρονικά μέσω gov.gr ή EU-GO.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularComposer</name>
    <message>
        <source>Write the title in Greek.</source>
        <translation>Γράψτε τον τίτλο στα ελληνικά.</translation>
    </message>
    <message>
        <source>Write the text in Greek.</source>
        <translation>Γράψτε το κείμενο στα ελληνικά.</translation>
    </message>
    <message>
        <source>Choose the region.</source>
        <translation>Επιλέξτε την περιφέρεια.</translation>
    </message>
    <message>
        <source>Tick at least one office.</source>
        <translation>Επιλέξτε τουλάχιστον ένα γραφείο.</translation>
    </message>
    <message>
        <source>Kin&amp;d:</source>
        <translation>&amp;Είδος:</translation>
    </message>
    <message>
        <source>&amp;Title in Greek:</source>
        <translation>&amp;Τίτλος στα ελληνικά:</translation>
    </message>
    <message>
        <source>Title in &amp;English (optional):</source>
        <translation>Τίτλος στα &amp;αγγλικά (προαιρετικά):</translation>
    </message>
    <message>
        <source>Te&amp;xt in Greek:</source>
        <translation>&amp;Κείμενο στα ελληνικά:</translation>
    </message>
    <message>
        <source>Text in E&amp;nglish (optional):</source>
        <translation>Κείμενο στα α&amp;γγλικά (προαιρετικά):</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Προς:</translation>
    </message>
    <message>
        <source>Every &amp;office</source>
        <translation>Ό&amp;λα τα γραφεία</translation>
    </message>
    <message>
        <source>The offices of the &amp;region</source>
        <translation>Τα γραφεία της &amp;περιφέρειας</translation>
    </message>
    <message>
        <source>The offices &amp;chosen</source>
        <translation>Τα επιλεγμένα γρα&amp;φεία</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>Απο&amp;στολή</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Περιφέρεια</translation>
    </message>
    <message>
        <source>Offices to receive the circular</source>
        <translation>Γραφεία που λαμβάνουν την εγκύκλιο</translation>
    </message>
    <message>
        <source>Send the circular</source>
        <translation>Αποστολή της εγκυκλίου</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Πρόβλημα</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularKinds</name>
    <message>
        <source>Procedure change</source>
        <translation>Αλλαγή διαδικασίας</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Νέος κανόνας</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Διακοπή λειτουργίας</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Ανακοίνωση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularSendingEntry</name>
    <message>
        <source>C&amp;irculars to the offices…</source>
        <translation>Εγκύκλ&amp;ιοι προς τα γραφεία…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularsEntry</name>
    <message>
        <source>&amp;Circulars…</source>
        <translation>Εγκύκλι&amp;οι…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularsWindow</name>
    <message>
        <source>Sending the circular…</source>
        <translation>Αποστολή της εγκυκλίου…</translation>
    </message>
    <message>
        <source>The circular is sent. The offices&apos; desks receive it with their next sync and show it at sign-in until it is read.</source>
        <translation>Η εγκύκλιος στάλθηκε. Τα γκισέ των γραφείων τη λαμβάνουν με τον επόμενο συγχρονισμό και τη δείχνουν στη σύνδεση ώσπου να διαβαστεί.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 από %2</translation>
    </message>
    <message>
        <source>%1 of %2 read</source>
        <translation>τη διάβασαν %1 από %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>διαβάστηκε %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>όχι ακόμη</translation>
    </message>
    <message>
        <source>%1 of the %2 staff of the offices have read «%3».</source>
        <translation>Το «%3» το έχουν διαβάσει %1 από τους %2 υπαλλήλους των γραφείων.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Ο διακομιστής αρνήθηκε: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Περιφέρεια: %1</translation>
    </message>
    <message>
        <source>Offices: %1</source>
        <translation>Γραφεία: %1</translation>
    </message>
    <message>
        <source>Every office</source>
        <translation>Όλα τα γραφεία</translation>
    </message>
    <message>
        <source>Circulars to the offices</source>
        <translation>Εγκύκλιοι προς τα γραφεία</translation>
    </message>
    <message>
        <source>Sent circu&amp;lars:</source>
        <translation>Απεσταλ&amp;μένες εγκύκλιοι:</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Αποστολή</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Τίτλος</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Προς</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Αναγνώσεις</translation>
    </message>
    <message>
        <source>Circulars sent from this window</source>
        <translation>Εγκύκλιοι που στάλθηκαν από αυτό το παράθυρο</translation>
    </message>
    <message>
        <source>Read recei&amp;pts, office by office:</source>
        <translation>Αναγ&amp;νώσεις ανά γραφείο:</translation>
    </message>
    <message>
        <source>Office and staff</source>
        <translation>Γραφείο και υπάλληλοι</translation>
    </message>
    <message>
        <source>Read receipts of the selected circular</source>
        <translation>Αναγνώσεις της επιλεγμένης εγκυκλίου</translation>
    </message>
    <message>
        <source>Re&amp;fresh receipts</source>
        <translation>Ανανέ&amp;ωση αναγνώσεων</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Ask the server again who has read the circular</source>
        <translation>Νέα ερώτηση στον διακομιστή για το ποιοι διάβασαν την εγκύκλιο</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CitizenPanel</name>
    <message>
        <source>Returning citizen: the record was filled in from this desk.</source>
        <translation>Πολίτης που έχει εξυπηρετηθεί ξανά: τα στοιχεία συμπληρώθηκαν από αυτό το γκισέ.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Υποχρεωτικό</translation>
    </message>
    <message>
        <source>An ΑΜΚΑ has 11 digits</source>
        <translation>Ο ΑΜΚΑ έχει 11 ψηφία</translation>
    </message>
    <message>
        <source>An ΑΦΜ has 9 digits</source>
        <translation>Ο ΑΦΜ έχει 9 ψηφία</translation>
    </message>
    <message>
        <source>Digits only</source>
        <translation>Μόνο ψηφία</translation>
    </message>
    <message>
        <source>Cannot be all zeros</source>
        <translation>Δεν μπορεί να είναι όλα μηδενικά</translation>
    </message>
    <message>
        <source>The check digit does not match: a digit is mistyped</source>
        <translation>Το ψηφίο ελέγχου δεν ταιριάζει: κάποιο ψηφίο πληκτρολογήθηκε λάθος</translation>
    </message>
    <message>
        <source>The first six digits are not a date of birth</source>
        <translation>Τα έξι πρώτα ψηφία δεν είναι ημερομηνία γέννησης</translation>
    </message>
    <message>
        <source>Unknown country: two letters of ISO 3166, such as DE</source>
        <translation>Άγνωστη χώρα: δύο γράμματα κατά ISO 3166, π.χ. DE</translation>
    </message>
    <message>
        <source>The nationality does not match the kind of citizen</source>
        <translation>Η ιθαγένεια δεν αντιστοιχεί στην κατηγορία του πολίτη</translation>
    </message>
    <message>
        <source>Not valid (%1)</source>
        <translation>Μη έγκυρο (%1)</translation>
    </message>
    <message>
        <source>Greek citizen</source>
        <translation>Έλληνας πολίτης</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation>Πολίτης της ΕΕ</translation>
    </message>
    <message>
        <source>Third-country citizen</source>
        <translation>Πολίτης τρίτης χώρας</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Διαβατήριο</translation>
    </message>
    <message>
        <source>National identity card</source>
        <translation>Εθνικό δελτίο ταυτότητας</translation>
    </message>
    <message>
        <source>Citizen of</source>
        <translation>Πολίτης</translation>
    </message>
    <message>
        <source>&amp;ΑΦΜ</source>
        <translation>&amp;ΑΦΜ</translation>
    </message>
    <message>
        <source>ΑΜ&amp;ΚΑ (optional)</source>
        <translation>Α&amp;ΜΚΑ (προαιρετικό)</translation>
    </message>
    <message>
        <source>&amp;Surname (Greek)</source>
        <translation>&amp;Επώνυμο (ελληνικά)</translation>
    </message>
    <message>
        <source>&amp;Given name (Greek)</source>
        <translation>Ό&amp;νομα (ελληνικά)</translation>
    </message>
    <message>
        <source>Surname (&amp;Latin)</source>
        <translation>Επώνυμο (&amp;λατινικά)</translation>
    </message>
    <message>
        <source>Given name (La&amp;tin)</source>
        <translation>Όνομα (λα&amp;τινικά)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Έγγραφο</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>Αριθμός εγγρά&amp;φου</translation>
    </message>
    <message>
        <source>Nationalit&amp;y (ISO code)</source>
        <translation>&amp;Ιθαγένεια (κωδικός ISO)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Πρόβλημα</translation>
    </message>
    <message>
        <source>Digits only, with spaces or hyphens if you like, and + before a country code</source>
        <translation>Μόνο ψηφία, με κενά ή παύλες αν θέλετε, και + πριν από τον κωδικό χώρας</translation>
    </message>
    <message>
        <source>A character this field cannot have</source>
        <translation>Χαρακτήρας που δεν επιτρέπεται σε αυτό το πεδίο</translation>
    </message>
    <message>
        <source>A Greek number has 10 digits and starts with 69 or 2</source>
        <translation>Ένας ελληνικός αριθμός έχει 10 ψηφία και αρχίζει από 69 ή 2</translation>
    </message>
    <message>
        <source>An international number has 8 to 15 digits after the +</source>
        <translation>Ένας διεθνής αριθμός έχει 8 έως 15 ψηφία μετά το +</translation>
    </message>
    <message>
        <source>An e-mail address has an @, as in name@example.gr</source>
        <translation>Μια διεύθυνση e-mail έχει ένα @, όπως name@example.gr</translation>
    </message>
    <message>
        <source>An e-mail address has only one @</source>
        <translation>Μια διεύθυνση e-mail έχει μόνο ένα @</translation>
    </message>
    <message>
        <source>The part before the @ has a character an address cannot have</source>
        <translation>Το τμήμα πριν από το @ έχει χαρακτήρα που δεν επιτρέπεται σε διεύθυνση</translation>
    </message>
    <message>
        <source>The part after the @ is not a domain, as in example.gr</source>
        <translation>Το τμήμα μετά το @ δεν είναι τομέας, όπως example.gr</translation>
    </message>
    <message>
        <source>Latin letters only: not every authority&apos;s mail accepts others</source>
        <translation>Μόνο λατινικοί χαρακτήρες: δεν τους δέχεται κάθε υπηρεσία ηλεκτρονικού ταχυδρομείου</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Πολύ μεγάλο</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Τηλέφων&amp;ο</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Διεύθυνση e-mail</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ConflictInbox</name>
    <message>
        <source>Notes</source>
        <translation>Σημειώσεις</translation>
    </message>
    <message>
        <source>Fee (cents)</source>
        <translation>Τέλος (λεπτά του ευρώ)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Προθεσμία</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Δικαιολογητικά</translation>
    </message>
    <message>
        <source>Citizen&apos;s details</source>
        <translation>Στοιχεία πολίτη</translation>
    </message>
    <message>
        <source>%1 at workstation %2, %3</source>
        <translation>%1 στον σταθμό εργασίας %2, %3</translation>
    </message>
    <message>
        <source>No open conflicts: nothing waits for a decision.</source>
        <translation>Καμία ανοιχτή σύγκρουση: τίποτα δεν περιμένει απόφαση.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision. Choose a row, then keep the current value (Alt+K) or use the other one (Alt+U).</source>
        <translation>
            <numerusform>%n σύγκρουση περιμένει απόφαση. Επιλέξτε τη γραμμή και κρατήστε την τρέχουσα τιμή (Alt+K) ή χρησιμοποιήστε την άλλη (Alt+U).</numerusform>
            <numerusform>%n συγκρούσεις περιμένουν απόφαση. Επιλέξτε μια γραμμή και κρατήστε την τρέχουσα τιμή (Alt+K) ή χρησιμοποιήστε την άλλη (Alt+U).</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict inbox</source>
        <translation>Εισερχόμενα συγκρούσεων</translation>
    </message>
    <message>
        <source>Conflict inbox…</source>
        <translation>Εισερχόμενα συγκρούσεων…</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Διατήρηση της τρέχουσας τιμής</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Χρήση της άλλης τιμής</translation>
    </message>
    <message>
        <source>Keep the current value (Alt+K)</source>
        <translation>Διατήρηση της τρέχουσας τιμής (Alt+K)</translation>
    </message>
    <message>
        <source>Use the other value (Alt+U)</source>
        <translation>Χρήση της άλλης τιμής (Alt+U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Υπόθεση</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Πεδίο</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Τρέχουσα τιμή</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Από</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Άλλη τιμή</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Ανοιχτές συγκρούσεις</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CountChart</name>
    <message>
        <source>Figure</source>
        <translation>Μέγεθος</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Υποθέσεις</translation>
    </message>
    <message>
        <source>Enter or a click lists the cases behind a row.</source>
        <translation>Το Enter ή ένα κλικ δείχνει τις υποθέσεις μιας γραμμής.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CounterStepsPanel</name>
    <message>
        <source>%1: the step could not be recorded on this desk (%2).</source>
        <translation>%1: το βήμα δεν καταγράφηκε σε αυτό το γκισέ (%2).</translation>
    </message>
    <message>
        <source>%1: a case that is «%2» cannot take this step now.</source>
        <translation>%1: υπόθεση σε κατάσταση «%2» δεν μπορεί να κάνει τώρα αυτό το βήμα.</translation>
    </message>
    <message>
        <source>%1: the citizen&apos;s documents are recorded as received and the authority continues. It goes to the server with the next sync.</source>
        <translation>%1: τα έγγραφα του πολίτη καταγράφηκαν ως παραληφθέντα και η αρχή συνεχίζει. Φτάνει στον διακομιστή με τον επόμενο συγχρονισμό.</translation>
    </message>
    <message>
        <source>%1 is ready for pickup: the citizen may collect the result.</source>
        <translation>%1: έτοιμο για παραλαβή· ο πολίτης μπορεί να παραλάβει το αποτέλεσμα.</translation>
    </message>
    <message>
        <source>%1 is handed over to the citizen.</source>
        <translation>%1: παραδόθηκε στον πολίτη.</translation>
    </message>
    <message>
        <source>Documents r&amp;eceived</source>
        <translation>Ελήφθησαν τα έ&amp;γγραφα</translation>
    </message>
    <message>
        <source>The citizen&apos;s documents were received</source>
        <translation>Ελήφθησαν τα έγγραφα του πολίτη</translation>
    </message>
    <message>
        <source>Result arrived — &amp;ready for pickup</source>
        <translation>&amp;Αποτέλεσμα: έτοιμο για παραλαβή</translation>
    </message>
    <message>
        <source>The result arrived: ready for pickup</source>
        <translation>Ήρθε το αποτέλεσμα: έτοιμο για παραλαβή</translation>
    </message>
    <message>
        <source>Hand &amp;over to the citizen…</source>
        <translation>Παράδοση στον πολί&amp;τη…</translation>
    </message>
    <message>
        <source>Hand the result over to the citizen</source>
        <translation>Παράδοση του αποτελέσματος στον πολίτη</translation>
    </message>
    <message>
        <source>Outcome of the step</source>
        <translation>Αποτέλεσμα του βήματος</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DashboardEntry</name>
    <message>
        <source>Office &amp;dashboard</source>
        <translation>Πίνακας στοιχείων &amp;γραφείου</translation>
    </message>
    <message>
        <source>&amp;National dashboard</source>
        <translation>&amp;Εθνικός πίνακας στοιχείων</translation>
    </message>
    <message>
        <source>The national figures come from the server: sign in online to see them.</source>
        <translation>Τα εθνικά στοιχεία έρχονται από τον διακομιστή: συνδεθείτε online για να τα δείτε.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the national figures are not up to date.</source>
        <translation>Ο διακομιστής δεν είναι προσβάσιμος: τα εθνικά στοιχεία δεν είναι ενημερωμένα.</translation>
    </message>
    <message>
        <source>The server did not give the figures: %1</source>
        <translation>Ο διακομιστής δεν έδωσε τα στοιχεία: %1</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Αποθήκευση της μηνιαίας αναφοράς</translation>
    </message>
    <message>
        <source>CSV (*.csv);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Asking the server for the report…</source>
        <translation>Η αναφορά ζητείται από τον διακομιστή…</translation>
    </message>
    <message>
        <source>The report is saved in %1.</source>
        <translation>Η αναφορά αποθηκεύτηκε στο %1.</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>Η αναφορά δεν ήταν δυνατό να αποθηκευτεί στο %1: %2</translation>
    </message>
    <message>
        <source>The server cannot be reached, or its answer was not a report: the report was not saved.</source>
        <translation>Ο διακομιστής δεν είναι προσβάσιμος ή η απάντησή του δεν ήταν αναφορά: η αναφορά δεν αποθηκεύτηκε.</translation>
    </message>
    <message>
        <source>The server did not give the report: %1</source>
        <translation>Ο διακομιστής δεν έδωσε την αναφορά: %1</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DeliveryDialog</name>
    <message>
        <source>The delivery could not be recorded on this desk: %1</source>
        <translation>Η παράδοση δεν καταγράφηκε σε αυτό το γκισέ: %1</translation>
    </message>
    <message>
        <source>This case cannot be handed over now (%1).</source>
        <translation>Η υπόθεση δεν μπορεί να παραδοθεί τώρα (%1).</translation>
    </message>
    <message>
        <source>Hand over the result</source>
        <translation>Παράδοση του αποτελέσματος</translation>
    </message>
    <message>
        <source>Case %1: the citizen receives the result.</source>
        <translation>Υπόθεση %1: ο πολίτης παραλαμβάνει το αποτέλεσμα.</translation>
    </message>
    <message>
        <source>Citizen&apos;s rating (optional):</source>
        <translation>Βαθμολογία του πολίτη (προαιρετική):</translation>
    </message>
    <message>
        <source>&amp;No rating</source>
        <translation>&amp;Χωρίς βαθμολογία</translation>
    </message>
    <message>
        <source>Rating %1 of 5</source>
        <translation>Βαθμολογία %1 στα 5</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Σχόλιο:</translation>
    </message>
    <message>
        <source>Citizen&apos;s comment</source>
        <translation>Σχόλιο του πολίτη</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Παράδοση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DraftResumeOffer</name>
    <message>
        <source>Unfinished case</source>
        <translation>Υπόθεση σε εκκρεμότητα</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Συνέχεια</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Αργότερα</translation>
    </message>
    <message>
        <source>A case you did not file was kept: «%1», last saved %2. Resume it now?</source>
        <translation>Φυλάχτηκε υπόθεση που δεν καταχωρίσατε: «%1», τελευταία αποθήκευση %2. Να συνεχιστεί τώρα;</translation>
    </message>
    <message>
        <source>Discard the unfinished case? What was typed cannot be brought back.</source>
        <translation>Να απορριφθεί η υπόθεση σε εκκρεμότητα; Ό,τι πληκτρολογήθηκε δεν θα μπορεί να ανακτηθεί.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DrillDownPanel</name>
    <message>
        <source>Choose a figure to list the cases behind it.</source>
        <translation>Επιλέξτε ένα μέγεθος για να δείτε τις υποθέσεις του.</translation>
    </message>
    <message>
        <source>&amp;Cases: %1 — the first %2 of %3</source>
        <translation>&amp;Υποθέσεις: %1 — οι πρώτες %2 από %3</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cases: %1 — %n case(s)</source>
        <translation>
            <numerusform>&amp;Υποθέσεις: %1 — %n υπόθεση</numerusform>
            <numerusform>&amp;Υποθέσεις: %1 — %n υποθέσεις</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DurationText</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n έτος</numerusform>
            <numerusform>%n έτη</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n μήνας</numerusform>
            <numerusform>%n μήνες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n εβδομάδα</numerusform>
            <numerusform>%n εβδομάδες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n εργάσιμη ημέρα</numerusform>
            <numerusform>%n εργάσιμες ημέρες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ώρα</numerusform>
            <numerusform>%n ώρες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n λεπτό</numerusform>
            <numerusform>%n λεπτά</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n δευτερόλεπτο</numerusform>
            <numerusform>%n δευτερόλεπτα</numerusform>
        </translation>
    </message>
    <message>
        <source>at once</source>
        <translation>αμέσως</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 και %2</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::EnrolmentDialog</name>
    <message>
        <source>Enrol this workstation — KEP Desk</source>
        <translation>Εγγραφή σταθμού εργασίας — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Enrol this workstation</source>
        <translation>Εγγραφή αυτού του σταθμού εργασίας</translation>
    </message>
    <message>
        <source>This computer is not yet registered with the KEP server. Enter the one-time enrolment code that your office manager or IT support issued for this office. It is needed only once.</source>
        <translation>Αυτός ο υπολογιστής δεν έχει ακόμη εγγραφεί στον διακομιστή των ΚΕΠ. Πληκτρολογήστε τον κωδικό εγγραφής μίας χρήσης που εξέδωσε για το γραφείο ο προϊστάμενος ή η υποστήριξη πληροφορικής. Χρειάζεται μόνο μία φορά.</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>&amp;Κωδικός εγγραφής:</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Κωδικός εγγραφής</translation>
    </message>
    <message>
        <source>Twelve letters or digits, for example ABCD-EFGH-JKLM</source>
        <translation>Δώδεκα γράμματα ή ψηφία, για παράδειγμα ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <source>Enrolment error</source>
        <translation>Σφάλμα εγγραφής</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Εγγραφή</translation>
    </message>
    <message>
        <source>This enrolment code is not valid: it may be mistyped, already used or expired. Ask your office manager or IT support for a new code.</source>
        <translation>Ο κωδικός εγγραφής δεν είναι έγκυρος: ίσως πληκτρολογήθηκε λάθος, έχει ήδη χρησιμοποιηθεί ή έχει λήξει. Ζητήστε νέο κωδικό από τον προϊστάμενο του γραφείου ή την υποστήριξη πληροφορικής.</translation>
    </message>
    <message>
        <source>The server did not accept this workstation&apos;s request (%1). Please tell IT support.</source>
        <translation>Ο διακομιστής δεν δέχτηκε το αίτημα αυτού του σταθμού εργασίας (%1). Ενημερώστε την υποστήριξη πληροφορικής.</translation>
    </message>
    <message numerus="yes">
        <source>Too many enrolment attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Πάρα πολλές προσπάθειες εγγραφής. Δοκιμάστε ξανά σε %n δευτερόλεπτο.</numerusform>
            <numerusform>Πάρα πολλές προσπάθειες εγγραφής. Δοκιμάστε ξανά σε %n δευτερόλεπτα.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and try again.</source>
        <translation>Δεν υπάρχει επικοινωνία με τον διακομιστή. Ελέγξτε τη σύνδεση δικτύου και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <source>The server refused the enrolment (%1).</source>
        <translation>Ο διακομιστής αρνήθηκε την εγγραφή (%1).</translation>
    </message>
    <message>
        <source>The workstation&apos;s key or certificate could not be made or saved on this computer (%1). Please tell IT support.</source>
        <translation>Το κλειδί ή το πιστοποιητικό του σταθμού εργασίας δεν δημιουργήθηκε ή δεν αποθηκεύτηκε σε αυτόν τον υπολογιστή (%1). Ενημερώστε την υποστήριξη πληροφορικής.</translation>
    </message>
    <message>
        <source>The server gave an answer the desk cannot read. Please tell IT support.</source>
        <translation>Ο διακομιστής έδωσε απάντηση που το γκισέ δεν μπορεί να διαβάσει. Ενημερώστε την υποστήριξη πληροφορικής.</translation>
    </message>
    <message>
        <source>An enrolment code has twelve letters or digits, for example ABCD-EFGH-JKLM.</source>
        <translation>Ο κωδικός εγγραφής έχει δώδεκα γράμματα ή ψηφία, για παράδειγμα ABCD-EFGH-JKLM.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::EvidencePanel</name>
    <message>
        <source>Missing</source>
        <translation>Λείπει</translation>
    </message>
    <message>
        <source>Provided</source>
        <translation>Προσκομίστηκε</translation>
    </message>
    <message>
        <source>To be obtained by the KEP</source>
        <translation>Θα αναζητηθεί από το ΚΕΠ</translation>
    </message>
    <message>
        <source>%1 (or an alternative of group %2)</source>
        <translation>%1 (ή εναλλακτικό της ομάδας %2)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Συνημμένα</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FigureText</name>
    <message>
        <source>%1 days</source>
        <translation>%1 ημέρες</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>ποτέ δεν συγχρονίστηκε</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n δευτερόλεπτο</numerusform>
            <numerusform>%n δευτερόλεπτα</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n λεπτό</numerusform>
            <numerusform>%n λεπτά</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ώρα</numerusform>
            <numerusform>%n ώρες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ημέρα</numerusform>
            <numerusform>%n ημέρες</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FilingForm</name>
    <message>
        <source>No fee</source>
        <translation>Χωρίς τέλος</translation>
    </message>
    <message>
        <source>The catalogue states no deadline for this procedure</source>
        <translation>Ο κατάλογος δεν ορίζει προθεσμία για αυτή τη διαδικασία</translation>
    </message>
    <message>
        <source>The catalogue&apos;s deadline for this procedure cannot be counted</source>
        <translation>Η προθεσμία του καταλόγου για αυτή τη διαδικασία δεν μπορεί να υπολογιστεί</translation>
    </message>
    <message>
        <source>Not filed: the due date cannot be counted (see above).</source>
        <translation>Δεν καταχωρίστηκε: η ημερομηνία ολοκλήρωσης δεν μπορεί να υπολογιστεί (βλ. παραπάνω).</translation>
    </message>
    <message>
        <source>Not filed: correct the citizen&apos;s details marked above.</source>
        <translation>Δεν καταχωρίστηκε: διορθώστε τα στοιχεία του πολίτη που επισημαίνονται παραπάνω.</translation>
    </message>
    <message>
        <source>Not filed: this workstation holds no protocol numbers. Connect to the server so that it can lease a block.</source>
        <translation>Δεν καταχωρίστηκε: αυτός ο σταθμός εργασίας δεν έχει αριθμούς πρωτοκόλλου. Συνδεθείτε με τον διακομιστή για να δεσμεύσει νέα σειρά.</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>Δεν καταχωρίστηκε: %1</translation>
    </message>
    <message>
        <source>Filed as %1. The receipt is saved; print it with Print receipt.</source>
        <translation>Καταχωρίστηκε με αριθμό %1. Η απόδειξη αποθηκεύτηκε· εκτυπώστε τη με «Εκτύπωση απόδειξης».</translation>
    </message>
    <message>
        <source>Filed as %1, but the receipt could not be saved.</source>
        <translation>Καταχωρίστηκε με αριθμό %1, αλλά η απόδειξη δεν αποθηκεύτηκε.</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Τέλος</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Ημερομηνία ολοκλήρωσης</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Σημει&amp;ώσεις</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Σημειώσεις</translation>
    </message>
    <message>
        <source>&amp;File (Ctrl+Enter)</source>
        <translation>&amp;Καταχώριση (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>File the case</source>
        <translation>Καταχώριση της υπόθεσης</translation>
    </message>
    <message>
        <source>&amp;Print receipt</source>
        <translation>Εκτύ&amp;πωση απόδειξης</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Εκτύπωση της απόδειξης</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Δικαιολογητικά</translation>
    </message>
    <message>
        <source>Not filed: correct the citizen&apos;s details: %1</source>
        <translation>Δεν καταχωρίστηκε: διορθώστε τα στοιχεία του πολίτη: %1</translation>
    </message>
    <message>
        <source>An unfinished case, as it was saved at %1.</source>
        <translation>Υπόθεση που δεν ολοκληρώθηκε, όπως αποθηκεύτηκε στις %1.</translation>
    </message>
    <message>
        <source>Attached.</source>
        <translation>Επισυνάφθηκε.</translation>
    </message>
    <message>
        <source>Not attached: the file cannot be read.</source>
        <translation>Δεν επισυνάφθηκε: το αρχείο δεν διαβάζεται.</translation>
    </message>
    <message>
        <source>Not attached: the file is empty.</source>
        <translation>Δεν επισυνάφθηκε: το αρχείο είναι κενό.</translation>
    </message>
    <message>
        <source>Not attached: the file is larger than %1.</source>
        <translation>Δεν επισυνάφθηκε: το αρχείο είναι μεγαλύτερο από %1.</translation>
    </message>
    <message>
        <source>Not attached: only PDF, JPEG and PNG files are accepted.</source>
        <translation>Δεν επισυνάφθηκε: γίνονται δεκτά μόνο αρχεία PDF, JPEG και PNG.</translation>
    </message>
    <message>
        <source>Not attached: the desk could not keep a copy of the file.</source>
        <translation>Δεν επισυνάφθηκε: δεν ήταν δυνατό να φυλαχτεί αντίγραφο του αρχείου.</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Επισύναψη δικαιολογητικού</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Έγγραφα (*.pdf *.jpg *.jpeg *.png);;Όλα τα αρχεία (*)</translation>
    </message>
    <message>
        <source>&amp;Attach file… (Ctrl+O)</source>
        <translation>Επι&amp;σύναψη αρχείου… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach a document from a file</source>
        <translation>Επισύναψη δικαιολογητικού από αρχείο</translation>
    </message>
    <message>
        <source>Print the missing-documents slip</source>
        <translation>Εκτύπωση του σημειώματος δικαιολογητικών που λείπουν</translation>
    </message>
    <message>
        <source>Save the draft now</source>
        <translation>Αποθήκευση του προσχεδίου τώρα</translation>
    </message>
    <message>
        <source>Scanned and attached.</source>
        <translation>Σαρώθηκε και επισυνάφθηκε.</translation>
    </message>
    <message>
        <source>S&amp;can… (Ctrl+Shift+O)</source>
        <translation>&amp;Σάρωση… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Scan a document at the counter&apos;s scanner</source>
        <translation>Σάρωση εγγράφου στον σαρωτή του γκισέ</translation>
    </message>
    <message>
        <source>Appl&amp;ied through</source>
        <translation>Υποβολή &amp;μέσω</translation>
    </message>
    <message>
        <source>Applied through</source>
        <translation>Υποβολή μέσω</translation>
    </message>
    <message>
        <source>At the counter, or at a myKEPlive video call for procedures offered remotely.</source>
        <translation>Στο γκισέ, ή σε βιντεοκλήση myKEPlive για τις διαδικασίες που παρέχονται εξ αποστάσεως.</translation>
    </message>
    <message>
        <source>The receipt could not be saved in this language.</source>
        <translation>Η απόδειξη δεν αποθηκεύτηκε σε αυτή τη γλώσσα.</translation>
    </message>
    <message>
        <source>Receipt lang&amp;uage</source>
        <translation>Γλώσσα απόδει&amp;ξης</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FlagReviewEntry</name>
    <message>
        <source>Clerks&apos; &amp;flags on the catalogue…</source>
        <translation>&amp;Επισημάνσεις υπαλλήλων στον κατάλογο…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FlagReviewWindow</name>
    <message>
        <source>The server refused: %1</source>
        <translation>Ο διακομιστής αρνήθηκε: %1</translation>
    </message>
    <message>
        <source>Loading the open flags…</source>
        <translation>Φόρτωση των ανοιχτών επισημάνσεων…</translation>
    </message>
    <message>
        <source>Select a flag first.</source>
        <translation>Επιλέξτε πρώτα μια επισήμανση.</translation>
    </message>
    <message>
        <source>Write a note on what was fixed.</source>
        <translation>Γράψτε μια σημείωση για το τι διορθώθηκε.</translation>
    </message>
    <message numerus="yes">
        <source>%n open flag(s)</source>
        <translation>
            <numerusform>%n ανοιχτή επισήμανση</numerusform>
            <numerusform>%n ανοιχτές επισημάνσεις</numerusform>
        </translation>
    </message>
    <message>
        <source>Outdated fee</source>
        <translation>Παρωχημένο τέλος</translation>
    </message>
    <message>
        <source>Missing document</source>
        <translation>Λείπει δικαιολογητικό</translation>
    </message>
    <message>
        <source>Wrong authority</source>
        <translation>Λάθος αρχή</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Άλλο</translation>
    </message>
    <message>
        <source>Clerks&apos; flags on the catalogue</source>
        <translation>Επισημάνσεις υπαλλήλων στον κατάλογο</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Πρόβλημα</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Γραφείο</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Επισημάνθηκε</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Λεπτομέρειες</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>Ανοιχτές επισημάνσεις</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Σημείωση:</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Σημείωση κλεισίματος</translation>
    </message>
    <message>
        <source>&amp;Close flag</source>
        <translation>&amp;Κλείσιμο επισήμανσης</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Ανανέωση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::HomePage</name>
    <message>
        <source>Counter clerk</source>
        <translation>Υπάλληλος γκισέ</translation>
    </message>
    <message>
        <source>Office manager</source>
        <translation>Προϊστάμενος γραφείου</translation>
    </message>
    <message>
        <source>Central administrator</source>
        <translation>Κεντρικός διαχειριστής</translation>
    </message>
    <message>
        <source>Competent authority</source>
        <translation>Αρμόδια αρχή</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>Τεχνική υποστήριξη</translation>
    </message>
    <message>
        <source>KEP Desk</source>
        <translation>Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Συνδεδεμένος χρήστης:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Ρόλος:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Γραφείο:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Διακομιστής:</translation>
    </message>
    <message>
        <source>No office (central or authority user)</source>
        <translation>Χωρίς γραφείο (χρήστης κεντρικής υπηρεσίας ή αρχής)</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Δεν έχει συνδεθεί κανείς</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Έλεγχος…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Σε σύνδεση</translation>
    </message>
    <message>
        <source>Online, version %1</source>
        <translation>Σε σύνδεση, έκδοση %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Εκτός σύνδεσης</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::MainWindow</name>
    <message>
        <source>KEP Desk</source>
        <translation>Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Γλώσσα</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Βοήθεια</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Α&amp;ποσύνδεση</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Έ&amp;ξοδος</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>Έ&amp;λεγχος σύνδεσης</translation>
    </message>
    <message>
        <source>&amp;About KEP Desk</source>
        <translation>&amp;Σχετικά με το Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Διαχείριση</translation>
    </message>
    <message>
        <source>&amp;Offices…</source>
        <translation>&amp;Γραφεία…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Χρήστες…</translation>
    </message>
    <message>
        <source>&amp;Workstations…</source>
        <translation>&amp;Σταθμοί εργασίας…</translation>
    </message>
    <message>
        <source>Offline session until %1</source>
        <translation>Εργασία εκτός σύνδεσης έως %1</translation>
    </message>
    <message>
        <source>Online session</source>
        <translation>Εργασία σε σύνδεση</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Τρόπος εργασίας</translation>
    </message>
    <message>
        <source>&amp;Find a procedure…</source>
        <translation>&amp;Εύρεση διαδικασίας…</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>Α&amp;ρχική</translation>
    </message>
    <message>
        <source>P&amp;rocedures</source>
        <translation>Δ&amp;ιαδικασίες</translation>
    </message>
    <message numerus="yes">
        <source>Catalogue updated (%n procedure(s) changed)</source>
        <translation>
            <numerusform>Ο κατάλογος ενημερώθηκε (άλλαξε %n διαδικασία)</numerusform>
            <numerusform>Ο κατάλογος ενημερώθηκε (άλλαξαν %n διαδικασίες)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New case on the selected procedure</source>
        <translation>&amp;Νέα υπόθεση στην επιλεγμένη διαδικασία</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Νέα υπόθεση</translation>
    </message>
    <message>
        <source>Find the procedure first, then press Ctrl+N.</source>
        <translation>Βρείτε πρώτα τη διαδικασία και πατήστε Ctrl+N.</translation>
    </message>
    <message>
        <source>Approval &amp;queue</source>
        <translation>Ουρά έ&amp;γκρισης</translation>
    </message>
    <message>
        <source>&amp;Large text</source>
        <translation>&amp;Μεγάλα γράμματα</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Υψηλή α&amp;ντίθεση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::MonthlyReportBar</name>
    <message>
        <source>Monthl&amp;y report:</source>
        <translation>&amp;Μηνιαία αναφορά:</translation>
    </message>
    <message>
        <source>Month of the report</source>
        <translation>Μήνας της αναφοράς</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Αποθήκευση αναφοράς…</translation>
    </message>
    <message>
        <source>Save the office&apos;s report of this month from the server, as PDF or CSV, in the language of the screen (Ctrl+Shift+S)</source>
        <translation>Αποθήκευση της αναφοράς του γραφείου για τον μήνα αυτό από τον διακομιστή, σε PDF ή CSV, στη γλώσσα της οθόνης (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Αποθήκευση της μηνιαίας αναφοράς</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::NationalDashboard</name>
    <message>
        <source>&amp;National dashboard</source>
        <translation>&amp;Εθνικός πίνακας στοιχείων</translation>
    </message>
    <message>
        <source>National figures, the last 30 days</source>
        <translation>Εθνικά στοιχεία, οι τελευταίες 30 ημέρες</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Εύρος:</translation>
    </message>
    <message>
        <source>All of Greece</source>
        <translation>Όλη η Ελλάδα</translation>
    </message>
    <message>
        <source>Region shown</source>
        <translation>Περιφέρεια που εμφανίζεται</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Καταχωρίσεις</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Ανοιχτές υποθέσεις</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Εκπρόθεσμες</translation>
    </message>
    <message>
        <source>Processing time, median</source>
        <translation>Χρόνος διεκπεραίωσης, διάμεσος</translation>
    </message>
    <message>
        <source>Processing time, 90th percentile</source>
        <translation>Χρόνος διεκπεραίωσης, 90ό εκατοστημόριο</translation>
    </message>
    <message>
        <source>Completed within the deadline</source>
        <translation>Ολοκληρώθηκαν εμπρόθεσμα</translation>
    </message>
    <message>
        <source>Filed online</source>
        <translation>Ηλεκτρονικές αιτήσεις</translation>
    </message>
    <message>
        <source>&amp;Top procedures (most filed)</source>
        <translation>&amp;Συχνότερες διαδικασίες (περισσότερες καταχωρίσεις)</translation>
    </message>
    <message>
        <source>Slo&amp;west procedures (median time, at least 5 completed)</source>
        <translation>Αργ&amp;ότερες διαδικασίες (διάμεσος χρόνος, τουλάχιστον 5 ολοκληρωμένες)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Διάμεσος χρόνος</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90ό εκατοστημόριο</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Εμπρόθεσμα</translation>
    </message>
    <message>
        <source>Top procedures</source>
        <translation>Συχνότερες διαδικασίες</translation>
    </message>
    <message>
        <source>Slowest procedures</source>
        <translation>Αργότερες διαδικασίες</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ανανέ&amp;ωση</translation>
    </message>
    <message>
        <source>Ask the server again (Ctrl+R)</source>
        <translation>Νέο αίτημα στον διακομιστή (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Ανανέωση των στοιχείων</translation>
    </message>
    <message>
        <source>National dashboard</source>
        <translation>Εθνικός πίνακας στοιχείων</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::OfficeDashboard</name>
    <message>
        <source>Filed today</source>
        <translation>Καταχωρίσεις σήμερα</translation>
    </message>
    <message>
        <source>Filed on %1</source>
        <translation>Καταχωρίσεις της %1</translation>
    </message>
    <message numerus="yes">
        <source>Filed in the last %n day(s): %1</source>
        <translation>
            <numerusform>Καταχωρίσεις της τελευταίας %n ημέρας: %1</numerusform>
            <numerusform>Καταχωρίσεις των τελευταίων %n ημερών: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Τώρα: %1</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Ανοιχτές υποθέσεις</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Λήγουν σήμερα</translation>
    </message>
    <message>
        <source>Due in the next 6 days</source>
        <translation>Λήγουν τις επόμενες 6 ημέρες</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Εκπρόθεσμες</translation>
    </message>
    <message>
        <source>Open cases filed by %1</source>
        <translation>Ανοιχτές υποθέσεις που καταχώρισε ο/η %1</translation>
    </message>
    <message>
        <source>Filed this month by %1</source>
        <translation>Καταχωρίσεις του μήνα από τον/την %1</translation>
    </message>
    <message>
        <source>Office figures of %1</source>
        <translation>Στοιχεία γραφείου, %1</translation>
    </message>
    <message>
        <source>Office figures</source>
        <translation>Στοιχεία γραφείου</translation>
    </message>
    <message>
        <source>Office &amp;dashboard</source>
        <translation>Πίνακας στοιχείων &amp;γραφείου</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Σήμερα</translation>
    </message>
    <message>
        <source>Deadline radar (awaiting documents does not count)</source>
        <translation>Προθεσμίες (η αναμονή δικαιολογητικών δεν μετρά)</translation>
    </message>
    <message>
        <source>From the server (— when offline)</source>
        <translation>Από τον διακομιστή (— χωρίς σύνδεση)</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>Οι τελευταίες 30 ημέρες</translation>
    </message>
    <message>
        <source>&amp;Workload per person (alphabetical)</source>
        <translation>&amp;Φόρτος ανά πρόσωπο (αλφαβητικά)</translation>
    </message>
    <message>
        <source>Processing time, &amp;median:</source>
        <translation>&amp;Χρόνος διεκπεραίωσης, διάμεσος:</translation>
    </message>
    <message>
        <source>Processing time, &amp;90th percentile:</source>
        <translation>Χρόνος διεκπεραίωσης, &amp;90ό εκατοστημόριο:</translation>
    </message>
    <message>
        <source>Completed within the deadline:</source>
        <translation>Ολοκληρώθηκαν εμπρόθεσμα:</translation>
    </message>
    <message>
        <source>Returned to the clerk:</source>
        <translation>Επιστράφηκαν στον υπάλληλο:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Απορρίφθηκαν:</translation>
    </message>
    <message>
        <source>Filed online:</source>
        <translation>Ηλεκτρονικές αιτήσεις:</translation>
    </message>
    <message>
        <source>Filed &amp;per day</source>
        <translation>Καταχωρίσεις ανά &amp;ημέρα</translation>
    </message>
    <message>
        <source>By &amp;status, now</source>
        <translation>Ανά &amp;κατάσταση, τώρα</translation>
    </message>
    <message>
        <source>By cha&amp;nnel</source>
        <translation>Ανά &amp;τρόπο υποβολής</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ανανέ&amp;ωση</translation>
    </message>
    <message>
        <source>Read the figures again (Ctrl+R)</source>
        <translation>Νέα ανάγνωση των στοιχείων (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Ανανέωση των στοιχείων</translation>
    </message>
    <message>
        <source>Office dashboard</source>
        <translation>Πίνακας στοιχείων γραφείου</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::OfficesDialog</name>
    <message>
        <source>Office %1 added.</source>
        <translation>Το γραφείο %1 προστέθηκε.</translation>
    </message>
    <message>
        <source>Offices — KEP Desk</source>
        <translation>Γραφεία — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Κωδικός</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Περιφέρεια</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Γραφεία</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Κωδικός:</translation>
    </message>
    <message>
        <source>New office code</source>
        <translation>Κωδικός νέου γραφείου</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Ό&amp;νομα:</translation>
    </message>
    <message>
        <source>New office name</source>
        <translation>Όνομα νέου γραφείου</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Περιφέρεια:</translation>
    </message>
    <message>
        <source>New office region</source>
        <translation>Περιφέρεια νέου γραφείου</translation>
    </message>
    <message>
        <source>&amp;Add office</source>
        <translation>&amp;Προσθήκη γραφείου</translation>
    </message>
    <message>
        <source>Add office</source>
        <translation>Προσθήκη γραφείου</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Enter at least the office&apos;s code and name.</source>
        <translation>Συμπληρώστε τουλάχιστον τον κωδικό και το όνομα του γραφείου.</translation>
    </message>
    <message>
        <source>Adding office %1…</source>
        <translation>Προσθήκη του γραφείου %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::PracticeCitizensDialog</name>
    <message>
        <source>Practice citizens</source>
        <translation>Πολίτες εξάσκησης</translation>
    </message>
    <message>
        <source>Invented people for practice: file their applications in training as you would a citizen&apos;s at the counter. Their ΑΦΜ numbers are valid.</source>
        <translation>Επινοημένα πρόσωπα για εξάσκηση: καταχωρίστε τις αιτήσεις τους στην εκπαίδευση όπως θα κάνατε για έναν πολίτη στο γκισέ. Οι ΑΦΜ τους είναι έγκυροι.</translation>
    </message>
    <message>
        <source>ΑΦΜ</source>
        <translation>ΑΦΜ</translation>
    </message>
    <message>
        <source>Name (Greek)</source>
        <translation>Ονοματεπώνυμο (ελληνικά)</translation>
    </message>
    <message>
        <source>Name (Latin characters)</source>
        <translation>Ονοματεπώνυμο (λατινικοί χαρακτήρες)</translation>
    </message>
    <message>
        <source>&amp;Practice citizens…</source>
        <translation>&amp;Πολίτες εξάσκησης…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFinder</name>
    <message>
        <source>Find a procedure: Greek, English or Greeklish</source>
        <translation>Εύρεση διαδικασίας: ελληνικά, αγγλικά ή greeklish</translation>
    </message>
    <message>
        <source>Search procedures</source>
        <translation>Αναζήτηση διαδικασιών</translation>
    </message>
    <message>
        <source>Filters as you type. Down and Up choose a result, Enter opens it.</source>
        <translation>Φιλτράρει καθώς πληκτρολογείτε. Τα βέλη κάτω και πάνω επιλέγουν αποτέλεσμα, το Enter το ανοίγει.</translation>
    </message>
    <message>
        <source>Procedures found</source>
        <translation>Διαδικασίες που βρέθηκαν</translation>
    </message>
    <message>
        <source>The catalogue has not reached this desk yet.</source>
        <translation>Ο κατάλογος δεν έχει φτάσει ακόμη σε αυτό το γκισέ.</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) in the catalogue.</source>
        <translation>
            <numerusform>%n διαδικασία στον κατάλογο.</numerusform>
            <numerusform>%n διαδικασίες στον κατάλογο.</numerusform>
        </translation>
    </message>
    <message>
        <source>No procedure matches.</source>
        <translation>Καμία διαδικασία δεν ταιριάζει.</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) found.</source>
        <translation>
            <numerusform>Βρέθηκε %n διαδικασία.</numerusform>
            <numerusform>Βρέθηκαν %n διαδικασίες.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFlagDialog</name>
    <message>
        <source>Procedure %1: %2</source>
        <translation>Διαδικασία %1: %2</translation>
    </message>
    <message>
        <source>Say what is wrong with the entry.</source>
        <translation>Πείτε τι δεν ισχύει στην καταχώριση.</translation>
    </message>
    <message>
        <source>The flag could not be kept on this desk: %1</source>
        <translation>Η επισήμανση δεν φυλάχτηκε σε αυτό το γκισέ: %1</translation>
    </message>
    <message>
        <source>Report a problem with the procedure</source>
        <translation>Αναφορά προβλήματος στη διαδικασία</translation>
    </message>
    <message>
        <source>Outdated fee</source>
        <translation>Παρωχημένο τέλος</translation>
    </message>
    <message>
        <source>Missing document</source>
        <translation>Λείπει δικαιολογητικό</translation>
    </message>
    <message>
        <source>Wrong authority</source>
        <translation>Λάθος αρχή</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Άλλο</translation>
    </message>
    <message>
        <source>&amp;What is wrong:</source>
        <translation>&amp;Τι δεν ισχύει:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Λεπτομέρειες:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Τι δεν ισχύει</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Λεπτομέρειες</translation>
    </message>
    <message>
        <source>&amp;Send to the central administration</source>
        <translation>Αποστολή στην κεντρική &amp;διοίκηση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFlagEntry</name>
    <message>
        <source>&amp;Report a problem with the procedure…</source>
        <translation>Ανα&amp;φορά προβλήματος στη διαδικασία…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureHtml</name>
    <message>
        <source>Procedure %1, version %2</source>
        <translation>Διαδικασία %1, έκδοση %2</translation>
    </message>
    <message>
        <source>Also served by video call (myKEPlive)</source>
        <translation>Εξυπηρετείται και με βιντεοκλήση (myKEPlive)</translation>
    </message>
    <message>
        <source>Not offered at KEPs</source>
        <translation>Δεν προσφέρεται στα ΚΕΠ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Περιγραφή</translation>
    </message>
    <message>
        <source>Eligibility conditions</source>
        <translation>Προϋποθέσεις</translation>
    </message>
    <message>
        <source>No special conditions.</source>
        <translation>Δεν υπάρχουν ειδικές προϋποθέσεις.</translation>
    </message>
    <message>
        <source>or instead condition %1</source>
        <translation>ή αντί της προϋπόθεσης %1</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>Δικαιολογητικά</translation>
    </message>
    <message>
        <source>No documents are required.</source>
        <translation>Δεν απαιτούνται δικαιολογητικά.</translation>
    </message>
    <message>
        <source>Alternative: may replace document %1</source>
        <translation>Εναλλακτικό: μπορεί να αντικαταστήσει το δικαιολογητικό %1</translation>
    </message>
    <message>
        <source>Conditional:</source>
        <translation>Υπό προϋπόθεση:</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Τέλη και παράβολα</translation>
    </message>
    <message>
        <source>No fee.</source>
        <translation>Χωρίς κόστος.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>από %1 έως %2</translation>
    </message>
    <message>
        <source>amount not stated</source>
        <translation>το ποσό δεν αναφέρεται</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Βήματα</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ηλεκτρονικά</translation>
    </message>
    <message>
        <source>Statutory deadline</source>
        <translation>Προθεσμία διεκπεραίωσης</translation>
    </message>
    <message>
        <source>Not set by the register.</source>
        <translation>Δεν ορίζεται στο μητρώο.</translation>
    </message>
    <message>
        <source>Valid for %1</source>
        <translation>Ισχύς: %1</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Νομικό πλαίσιο</translation>
    </message>
    <message>
        <source>Not stated.</source>
        <translation>Δεν αναφέρεται.</translation>
    </message>
    <message>
        <source>article %1</source>
        <translation>άρθρο %1</translation>
    </message>
    <message>
        <source>ADA %1</source>
        <translation>ΑΔΑ %1</translation>
    </message>
    <message>
        <source>Competent authority</source>
        <translation>Αρμόδια αρχή</translation>
    </message>
    <message>
        <source>Cases are forwarded to authority %1.</source>
        <translation>Οι υποθέσεις διαβιβάζονται στην αρχή %1.</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s approval before forwarding.</source>
        <translation>Οι υποθέσεις χρειάζονται την έγκριση του προϊσταμένου πριν από τη διαβίβαση.</translation>
    </message>
    <message>
        <source>Cases are forwarded without the office manager&apos;s approval.</source>
        <translation>Οι υποθέσεις διαβιβάζονται χωρίς την έγκριση του προϊσταμένου.</translation>
    </message>
    <message>
        <source>Remote service (myKEPlive)</source>
        <translation>Εξ αποστάσεως εξυπηρέτηση (myKEPlive)</translation>
    </message>
    <message>
        <source>Yes: the citizen can be served by video call.</source>
        <translation>Ναι: ο πολίτης μπορεί να εξυπηρετηθεί με βιντεοκλήση.</translation>
    </message>
    <message>
        <source>No: at the counter only.</source>
        <translation>Όχι: μόνο στο γκισέ.</translation>
    </message>
    <message>
        <source>What changed from version %1 to %2</source>
        <translation>Τι άλλαξε από την έκδοση %1 στην %2</translation>
    </message>
    <message>
        <source>Nothing the desk shows has changed.</source>
        <translation>Δεν άλλαξε τίποτα από όσα δείχνει το γκισέ.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Προστέθηκε</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Αφαιρέθηκε</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Άλλαξε</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(κανένα)</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureView</name>
    <message>
        <source>Find a procedure and press Enter to see it here.</source>
        <translation>Βρείτε μια διαδικασία και πατήστε Enter για να εμφανιστεί εδώ.</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>&amp;Διαδικασία</translation>
    </message>
    <message>
        <source>What &amp;changed</source>
        <translation>&amp;Τι άλλαξε</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Procedure details</source>
        <translation>Στοιχεία διαδικασίας</translation>
    </message>
    <message>
        <source>What changed since the previous version</source>
        <translation>Τι άλλαξε από την προηγούμενη έκδοση</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProtocolStockIndicator</name>
    <message>
        <source>No protocol numbers left: connect to the server</source>
        <translation>Δεν απομένουν αριθμοί πρωτοκόλλου: συνδέστε τον σταθμό με τον διακομιστή</translation>
    </message>
    <message numerus="yes">
        <source>Protocol numbers running low: %n left</source>
        <translation>
            <numerusform>Οι αριθμοί πρωτοκόλλου τελειώνουν: απομένει %n</numerusform>
            <numerusform>Οι αριθμοί πρωτοκόλλου τελειώνουν: απομένουν %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol numbers: %n left</source>
        <translation>
            <numerusform>Αριθμοί πρωτοκόλλου: απομένει %n</numerusform>
            <numerusform>Αριθμοί πρωτοκόλλου: απομένουν %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Protocol numbers</source>
        <translation>Αριθμοί πρωτοκόλλου</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ReceiptLanguageChoice</name>
    <message>
        <source>Receipt language</source>
        <translation>Γλώσσα απόδειξης</translation>
    </message>
    <message>
        <source>The language of the citizen&apos;s receipt and missing-documents slip, whatever the language of the screen.</source>
        <translation>Η γλώσσα της απόδειξης του πολίτη και του σημειώματος δικαιολογητικών που λείπουν, ανεξάρτητα από τη γλώσσα της οθόνης.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::RegionOfficeTables</name>
    <message>
        <source>%1 · lagging</source>
        <translation>%1 · καθυστερεί</translation>
    </message>
    <message>
        <source>%1 %2 (%3): last synced %4 ago</source>
        <translation>%1 %2 (%3): τελευταίος συγχρονισμός πριν από %4</translation>
    </message>
    <message>
        <source>Every office&apos;s desks synced within the last 30 minutes.</source>
        <translation>Όλα τα γραφεία συγχρονίστηκαν μέσα στα τελευταία 30 λεπτά.</translation>
    </message>
    <message>
        <source>By re&amp;gion (Enter shows a region&apos;s offices)</source>
        <translation>Ανά περι&amp;φέρεια (το Enter δείχνει τα γραφεία της)</translation>
    </message>
    <message>
        <source>By &amp;office</source>
        <translation>Ανά &amp;γραφείο</translation>
    </message>
    <message>
        <source>Offices whose desks &amp;lag in sync (over 30 minutes)</source>
        <translation>Γραφεία με &amp;καθυστέρηση συγχρονισμού (πάνω από 30 λεπτά)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Περιφέρεια</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Γραφεία</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Καταχωρίσεις</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Ανοιχτές υποθέσεις</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Εκπρόθεσμες</translation>
    </message>
    <message>
        <source>Lagging offices</source>
        <translation>Γραφεία σε καθυστέρηση</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Κωδικός</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Γραφείο</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Διάμεσος χρόνος</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90ό εκατοστημόριο</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Εμπρόθεσμα</translation>
    </message>
    <message>
        <source>Sync lag</source>
        <translation>Καθυστέρηση συγχρονισμού</translation>
    </message>
    <message>
        <source>Figures by region</source>
        <translation>Στοιχεία ανά περιφέρεια</translation>
    </message>
    <message>
        <source>Figures by office</source>
        <translation>Στοιχεία ανά γραφείο</translation>
    </message>
    <message>
        <source>Offices whose desks lag in sync</source>
        <translation>Γραφεία με καθυστέρηση συγχρονισμού</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it.</source>
        <translation>Κλικ σε επικεφαλίδα στήλης ταξινομεί κατά αυτήν.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ScanDialog</name>
    <message>
        <source>Scan a document — KEP Desk</source>
        <translation>Σάρωση εγγράφου — KEP Desk</translation>
    </message>
    <message>
        <source>Scann&amp;er:</source>
        <translation>Σα&amp;ρωτής:</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Σαρωτής</translation>
    </message>
    <message>
        <source>&amp;Find scanners</source>
        <translation>&amp;Εύρεση σαρωτών</translation>
    </message>
    <message>
        <source>Find scanners</source>
        <translation>Εύρεση σαρωτών</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Ανάλυση:</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Ανάλυση</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>&amp;Χρώμα:</translation>
    </message>
    <message>
        <source>Colour mode</source>
        <translation>Χρωματική λειτουργία</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Γκρι</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Έγχρωμη</translation>
    </message>
    <message>
        <source>&amp;Pages to scan:</source>
        <translation>Σε&amp;λίδες προς σάρωση:</translation>
    </message>
    <message>
        <source>Pages to scan</source>
        <translation>Σελίδες προς σάρωση</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Σάρωση</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Σάρωση</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Διακοπή</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Διακοπή σάρωσης</translation>
    </message>
    <message>
        <source>Scanning progress</source>
        <translation>Πρόοδος σάρωσης</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>Σαρωμένες σελίδες</translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation>Αφαίρεση σελίδας</translation>
    </message>
    <message>
        <source>Re&amp;move page</source>
        <translation>Α&amp;φαίρεση σελίδας</translation>
    </message>
    <message>
        <source>Remove the selected page</source>
        <translation>Αφαίρεση της επιλεγμένης σελίδας</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>Ε&amp;πισύναψη</translation>
    </message>
    <message>
        <source>Attach the scanned pages</source>
        <translation>Επισύναψη των σαρωμένων σελίδων</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close without attaching</source>
        <translation>Κλείσιμο χωρίς επισύναψη</translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>Αναζήτηση σαρωτών…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No scanner found. Check that the scanner is connected and switched on, then press Find scanners.</source>
        <translation>Δεν βρέθηκε σαρωτής. Ελέγξτε ότι ο σαρωτής είναι συνδεδεμένος και αναμμένος και πατήστε «Εύρεση σαρωτών».</translation>
    </message>
    <message>
        <source>Scanning page %1 of %2…</source>
        <translation>Σάρωση σελίδας %1 από %2…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) scanned. Check them, then press Attach.</source>
        <translation>
            <numerusform>Σαρώθηκε %n σελίδα. Ελέγξτε τη και πατήστε «Επισύναψη».</numerusform>
            <numerusform>Σαρώθηκαν %n σελίδες. Ελέγξτε τις και πατήστε «Επισύναψη».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 The %n page(s) scanned before it are kept.</source>
        <translation>
            <numerusform>%1 Κρατήθηκε η %n σελίδα που σαρώθηκε πριν.</numerusform>
            <numerusform>%1 Κρατήθηκαν οι %n σελίδες που σαρώθηκαν πριν.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1 removed.</source>
        <translation>Η σελίδα %1 αφαιρέθηκε.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Σελίδα %1</translation>
    </message>
    <message>
        <source>Scanned page %1 of %2</source>
        <translation>Σαρωμένη σελίδα %1 από %2</translation>
    </message>
    <message>
        <source>Scan at least one page first.</source>
        <translation>Σαρώστε πρώτα τουλάχιστον μία σελίδα.</translation>
    </message>
    <message>
        <source>The scanner cannot be found. Check that it is connected and switched on, then press Find scanners.</source>
        <translation>Ο σαρωτής δεν βρέθηκε. Ελέγξτε ότι είναι συνδεδεμένος και αναμμένος και πατήστε «Εύρεση σαρωτών».</translation>
    </message>
    <message>
        <source>The scanner is busy with another program. Wait for it to finish and try again.</source>
        <translation>Ο σαρωτής χρησιμοποιείται από άλλο πρόγραμμα. Περιμένετε να τελειώσει και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <source>The paper is jammed in the scanner. Remove the paper and scan again.</source>
        <translation>Το χαρτί μπλοκάρισε στον σαρωτή. Αφαιρέστε το χαρτί και σαρώστε ξανά.</translation>
    </message>
    <message>
        <source>The document feeder is empty. Put the pages in the feeder and scan again.</source>
        <translation>Ο τροφοδότης εγγράφων είναι άδειος. Τοποθετήστε τις σελίδες στον τροφοδότη και σαρώστε ξανά.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it and scan again.</source>
        <translation>Το καπάκι του σαρωτή είναι ανοιχτό. Κλείστε το και σαρώστε ξανά.</translation>
    </message>
    <message>
        <source>This computer&apos;s user may not use the scanner. Ask IT for access.</source>
        <translation>Ο χρήστης αυτού του υπολογιστή δεν έχει πρόσβαση στον σαρωτή. Ζητήστε πρόσβαση από την υποστήριξη πληροφορικής.</translation>
    </message>
    <message>
        <source>Scanning stopped.</source>
        <translation>Η σάρωση διακόπηκε.</translation>
    </message>
    <message>
        <source>The scanner sends images the desk cannot read. Choose Grey or Colour and try again.</source>
        <translation>Ο σαρωτής στέλνει εικόνες που η εφαρμογή δεν μπορεί να διαβάσει. Επιλέξτε «Γκρι» ή «Έγχρωμη» και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <source>The scanner reported an error. Switch it off and on again, then scan again.</source>
        <translation>Ο σαρωτής ανέφερε σφάλμα. Σβήστε τον, ανάψτε τον ξανά και σαρώστε πάλι.</translation>
    </message>
    <message>
        <source>The scanned document is larger than %1 MB. Scan at a lower resolution or in grey, or split it into two attachments.</source>
        <translation>Το σαρωμένο έγγραφο ξεπερνά τα %1 MB. Σαρώστε σε χαμηλότερη ανάλυση ή σε γκρι, ή χωρίστε το σε δύο συνημμένα.</translation>
    </message>
    <message>
        <source>The scanned document could not be saved on this computer. Check the free disk space and try again.</source>
        <translation>Το σαρωμένο έγγραφο δεν αποθηκεύτηκε σε αυτόν τον υπολογιστή. Ελέγξτε τον ελεύθερο χώρο στον δίσκο και δοκιμάστε ξανά.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SignInDialog</name>
    <message>
        <source>Sign in — KEP Desk</source>
        <translation>Σύνδεση — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Sign in to KEP Desk</source>
        <translation>Σύνδεση στο Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Όνομα &amp;χρήστη:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Κωδικός πρόσβασης:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Όνομα χρήστη</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Κωδικός πρόσβασης</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Σφάλμα σύνδεσης</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Σύνδεση με τον διακομιστή</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <source>Checking the connection to the server…</source>
        <translation>Έλεγχος της σύνδεσης με τον διακομιστή…</translation>
    </message>
    <message>
        <source>Server online</source>
        <translation>Ο διακομιστής είναι διαθέσιμος</translation>
    </message>
    <message>
        <source>Server online (version %1)</source>
        <translation>Ο διακομιστής είναι διαθέσιμος (έκδοση %1)</translation>
    </message>
    <message>
        <source>The username or the password is not correct.</source>
        <translation>Το όνομα χρήστη ή ο κωδικός πρόσβασης δεν είναι σωστά.</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Πάρα πολλές προσπάθειες σύνδεσης. Δοκιμάστε ξανά σε %n λεπτό.</numerusform>
            <numerusform>Πάρα πολλές προσπάθειες σύνδεσης. Δοκιμάστε ξανά σε %n λεπτά.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Πάρα πολλές προσπάθειες σύνδεσης. Δοκιμάστε ξανά σε %n δευτερόλεπτο.</numerusform>
            <numerusform>Πάρα πολλές προσπάθειες σύνδεσης. Δοκιμάστε ξανά σε %n δευτερόλεπτα.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and try again.</source>
        <translation>Δεν υπάρχει επικοινωνία με τον διακομιστή. Ελέγξτε τη σύνδεση δικτύου και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1).</source>
        <translation>Ο διακομιστής απέρριψε τη σύνδεση (%1).</translation>
    </message>
    <message>
        <source>The server gave an answer the desk cannot read. Please tell IT support.</source>
        <translation>Ο διακομιστής έδωσε απάντηση που η εφαρμογή δεν μπορεί να διαβάσει. Ενημερώστε την τεχνική υποστήριξη.</translation>
    </message>
    <message>
        <source>Enter your username and your password.</source>
        <translation>Συμπληρώστε το όνομα χρήστη και τον κωδικό πρόσβασης.</translation>
    </message>
    <message>
        <source>Sign in offline</source>
        <translation>Σύνδεση εκτός δικτύου</translation>
    </message>
    <message numerus="yes">
        <source>Offline mode: the server cannot be reached. Users who signed in online on this desk in the last %n day(s) can sign in with the same password.</source>
        <translation>
            <numerusform>Εργασία εκτός σύνδεσης: δεν υπάρχει επικοινωνία με τον διακομιστή. Όσοι συνδέθηκαν με τον διακομιστή σε αυτό το γκισέ την τελευταία %n ημέρα μπορούν να συνδεθούν με τον ίδιο κωδικό πρόσβασης.</numerusform>
            <numerusform>Εργασία εκτός σύνδεσης: δεν υπάρχει επικοινωνία με τον διακομιστή. Όσοι συνδέθηκαν με τον διακομιστή σε αυτό το γκισέ τις τελευταίες %n ημέρες μπορούν να συνδεθούν με τον ίδιο κωδικό πρόσβασης.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline sign-in is not possible with this username and password. Only users who signed in online on this desk can sign in offline, with the same password.</source>
        <translation>Δεν είναι δυνατή η σύνδεση εκτός δικτύου με αυτό το όνομα χρήστη και τον κωδικό. Εκτός δικτύου συνδέονται μόνο όσοι έχουν συνδεθεί με τον διακομιστή σε αυτό το γκισέ, με τον ίδιο κωδικό πρόσβασης.</translation>
    </message>
    <message numerus="yes">
        <source>Offline sign-in has expired: the last online sign-in on this desk was on %1, and offline sign-in lasts %n day(s). Sign in when the server can be reached.</source>
        <translation>
            <numerusform>Η σύνδεση εκτός δικτύου έληξε: η τελευταία σύνδεση με τον διακομιστή σε αυτό το γκισέ έγινε στις %1 και η σύνδεση εκτός δικτύου ισχύει %n ημέρα. Συνδεθείτε όταν ο διακομιστής είναι διαθέσιμος.</numerusform>
            <numerusform>Η σύνδεση εκτός δικτύου έληξε: η τελευταία σύνδεση με τον διακομιστή σε αυτό το γκισέ έγινε στις %1 και η σύνδεση εκτός δικτύου ισχύει %n ημέρες. Συνδεθείτε όταν ο διακομιστής είναι διαθέσιμος.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s clock is earlier than the last online sign-in (%1), so offline sign-in is refused. Please tell IT support.</source>
        <translation>Το ρολόι αυτού του υπολογιστή δείχνει ώρα πριν από την τελευταία σύνδεση με τον διακομιστή (%1), γι&apos; αυτό η σύνδεση εκτός δικτύου δεν επιτρέπεται. Ενημερώστε την υποστήριξη πληροφορικής.</translation>
    </message>
    <message>
        <source>&amp;Training mode</source>
        <translation>Λειτουργία &amp;εκπαίδευσης</translation>
    </message>
    <message>
        <source>Restarts the desk on practice data, apart from real cases and the server.</source>
        <translation>Επανεκκινεί την εφαρμογή με δεδομένα εξάσκησης, χωριστά από τις πραγματικές υποθέσεις και τον διακομιστή.</translation>
    </message>
    <message>
        <source>&amp;Reset training data…</source>
        <translation>&amp;Επαναφορά δεδομένων εκπαίδευσης…</translation>
    </message>
    <message>
        <source>Reset training data</source>
        <translation>Επαναφορά δεδομένων εκπαίδευσης</translation>
    </message>
    <message>
        <source>Restore the training data to how it was shipped? Every practice case, draft and receipt of training mode is deleted, and the desk starts again.</source>
        <translation>Να επανέλθουν τα δεδομένα εκπαίδευσης στην αρχική τους μορφή; Διαγράφονται όλες οι υποθέσεις, τα πρόχειρα και οι αποδείξεις εξάσκησης και η εφαρμογή ξεκινά εκ νέου.</translation>
    </message>
    <message>
        <source>Training mode: practice data only; nothing reaches the server. Sign in with a training account:</source>
        <translation>Λειτουργία εκπαίδευσης: μόνο δεδομένα εξάσκησης· τίποτα δεν αποστέλλεται στον διακομιστή. Συνδεθείτε με έναν λογαριασμό εκπαίδευσης:</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncControls</name>
    <message>
        <source>The server did not take a change as it was: see Synchronisation (Ctrl+Shift+Y)</source>
        <translation>Ο διακομιστής δεν δέχτηκε μια αλλαγή όπως ήταν: δείτε Συγχρονισμός (Ctrl+Shift+Y)</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncIndicator</name>
    <message>
        <source>Online</source>
        <translation>Σε σύνδεση</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Εκτός σύνδεσης</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <comment>changes waiting to be sent</comment>
        <translation>
            <numerusform>%n εκκρεμής</numerusform>
            <numerusform>%n εκκρεμείς</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet synchronised</source>
        <translation>δεν έχει γίνει ακόμη συγχρονισμός</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>τελευταίος συγχρονισμός %1</translation>
    </message>
    <message>
        <source>Synchronisation status</source>
        <translation>Κατάσταση συγχρονισμού</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <comment>open conflicts in the inbox</comment>
        <translation>
            <numerusform>%n σύγκρουση</numerusform>
            <numerusform>%n συγκρούσεις</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%n χρειάζεται προσοχή</numerusform>
            <numerusform>%n χρειάζονται προσοχή</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncPanel</name>
    <message>
        <source>Export stuck ops</source>
        <translation>Εξαγωγή κολλημένων αλλαγών</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Αρχεία JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n δευτερόλεπτο</numerusform>
            <numerusform>%n δευτερόλεπτα</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n λεπτό</numerusform>
            <numerusform>%n λεπτά</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ώρα</numerusform>
            <numerusform>%n ώρες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ημέρα</numerusform>
            <numerusform>%n ημέρες</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>ποτέ</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>σε αναμονή</translation>
    </message>
    <message>
        <source>sending changes</source>
        <translation>αποστολή αλλαγών</translation>
    </message>
    <message>
        <source>receiving changes</source>
        <translation>λήψη αλλαγών</translation>
    </message>
    <message>
        <source>waiting to retry at %1</source>
        <translation>νέα προσπάθεια στις %1</translation>
    </message>
    <message>
        <source>State: %1 · %2</source>
        <translation>Κατάσταση: %1 · %2</translation>
    </message>
    <message>
        <source>live updates on</source>
        <translation>ζωντανές ενημερώσεις ενεργές</translation>
    </message>
    <message>
        <source>live updates off</source>
        <translation>ζωντανές ενημερώσεις ανενεργές</translation>
    </message>
    <message>
        <source>Nothing waits to be sent</source>
        <translation>Καμία αλλαγή δεν περιμένει αποστολή</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent, the oldest for %1</source>
        <translation>
            <numerusform>%n αλλαγή περιμένει αποστολή, εδώ και %1</numerusform>
            <numerusform>%n αλλαγές περιμένουν αποστολή, η παλαιότερη εδώ και %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last push: %1</source>
        <translation>Τελευταία αποστολή: %1</translation>
    </message>
    <message>
        <source>Last pull: %1</source>
        <translation>Τελευταία λήψη: %1</translation>
    </message>
    <message>
        <source>Up to date as of %1</source>
        <translation>Ενημερωμένο έως %1</translation>
    </message>
    <message>
        <source>Not yet up to date</source>
        <translation>Δεν έχει ενημερωθεί ακόμη</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>Κανένα σφάλμα</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Τελευταίο σφάλμα: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n ανοιχτή σύγκρουση</numerusform>
            <numerusform>%n ανοιχτές συγκρούσεις</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes needing attention (%n)</source>
        <translation>
            <numerusform>Αλλαγές που χρειάζονται προσοχή (%n)</numerusform>
            <numerusform>Αλλαγές που χρειάζονται προσοχή (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>σύγκρουση</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>απορρίφθηκε</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n op(s) to %1</source>
        <translation>
            <numerusform>Εξήχθη %n αλλαγή στο %1</numerusform>
            <numerusform>Εξήχθησαν %n αλλαγές στο %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Δεν ήταν δυνατή η εγγραφή του %1: %2</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Συγχρονισμός</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Συγχρονισμός τώρα</translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation>Συγχρονισμός…</translation>
    </message>
    <message>
        <source>Export stuck ops…</source>
        <translation>Εξαγωγή κολλημένων αλλαγών…</translation>
    </message>
    <message>
        <source>&amp;Sync now (F9)</source>
        <translation>&amp;Συγχρονισμός τώρα (F9)</translation>
    </message>
    <message>
        <source>&amp;Export stuck ops…</source>
        <translation>&amp;Εξαγωγή κολλημένων αλλαγών…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Α/Α</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Εγγραφή</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Αιτία του διακομιστή</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Καταχωρίστηκε</translation>
    </message>
    <message>
        <source>Changes needing attention</source>
        <translation>Αλλαγές που χρειάζονται προσοχή</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::TrainingDesk</name>
    <message>
        <source>office manager</source>
        <translation>προϊστάμενος</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>υπάλληλος</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::TrainingWatermark</name>
    <message>
        <source>Training mode: practice data only. Nothing done in this window reaches the server or a real case.</source>
        <translation>Λειτουργία εκπαίδευσης: μόνο δεδομένα εξάσκησης. Ό,τι γίνεται σε αυτό το παράθυρο δεν φτάνει στον διακομιστή ούτε σε πραγματική υπόθεση.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::UnreadCircularsDialog</name>
    <message>
        <source>Central administration</source>
        <translation>Κεντρική διοίκηση</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Περιφέρεια: %1</translation>
    </message>
    <message>
        <source>Unread circulars</source>
        <translation>Αδιάβαστες εγκύκλιοι</translation>
    </message>
    <message>
        <source>The central administration has sent circulars you have not read. Read each and mark it read; &quot;Later&quot; shows them again at your next sign-in.</source>
        <translation>Η κεντρική διοίκηση έστειλε εγκυκλίους που δεν έχετε διαβάσει. Διαβάστε την καθεμία και σημειώστε την ως αναγνωσμένη· το «Αργότερα» τις δείχνει ξανά στην επόμενη σύνδεσή σας.</translation>
    </message>
    <message>
        <source>&amp;Mark read</source>
        <translation>&amp;Διαβάστηκε</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Αργότερα</translation>
    </message>
    <message>
        <source>Circular text</source>
        <translation>Κείμενο της εγκυκλίου</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::UsersDialog</name>
    <message>
        <source>User %1 added.</source>
        <translation>Ο χρήστης %1 προστέθηκε.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Αποθηκεύτηκε.</translation>
    </message>
    <message>
        <source>Users — KEP Desk</source>
        <translation>Χρήστες — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Γραφείο:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Γραφείο</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Όνομα χρήστη</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ρόλος</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Users of the office</source>
        <translation>Χρήστες του γραφείου</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Όνομα &amp;χρήστη:</translation>
    </message>
    <message>
        <source>New user&apos;s username</source>
        <translation>Όνομα χρήστη του νέου χρήστη</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Ονοματεπώνυμο:</translation>
    </message>
    <message>
        <source>New user&apos;s full name</source>
        <translation>Ονοματεπώνυμο του νέου χρήστη</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Ρόλος:</translation>
    </message>
    <message>
        <source>New user&apos;s role</source>
        <translation>Ρόλος του νέου χρήστη</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Αρχικός &amp;κωδικός:</translation>
    </message>
    <message>
        <source>New user&apos;s initial password</source>
        <translation>Αρχικός κωδικός πρόσβασης του νέου χρήστη</translation>
    </message>
    <message>
        <source>12 to 128 characters</source>
        <translation>12 έως 128 χαρακτήρες</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Προσθήκη χρήστη</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Προσθήκη χρήστη</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Απενεργοποιημένος</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ενεργός</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Ενεργοποίηση</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Απενεργοποίηση</translation>
    </message>
    <message>
        <source>Enabling %1…</source>
        <translation>Ενεργοποίηση του %1…</translation>
    </message>
    <message>
        <source>Disabling %1…</source>
        <translation>Απενεργοποίηση του %1…</translation>
    </message>
    <message>
        <source>Enter the username, the full name and an initial password.</source>
        <translation>Συμπληρώστε το όνομα χρήστη, το ονοματεπώνυμο και έναν αρχικό κωδικό πρόσβασης.</translation>
    </message>
    <message>
        <source>Choose the office first.</source>
        <translation>Επιλέξτε πρώτα το γραφείο.</translation>
    </message>
    <message>
        <source>Adding user %1…</source>
        <translation>Προσθήκη του χρήστη %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkQueuesPage</name>
    <message>
        <source>%1: the first %2 of %3</source>
        <translation>%1: οι πρώτες %2 από %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case(s)</source>
        <translation>
            <numerusform>%1: %n υπόθεση</numerusform>
            <numerusform>%1: %n υποθέσεις</numerusform>
        </translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Οι υποθέσεις μου</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>Λήγουν εντός %n εργάσιμης</numerusform>
            <numerusform>Λήγουν εντός %n εργάσιμων</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Εκπρόθεσμες</translation>
    </message>
    <message>
        <source>Awaiting the citizen</source>
        <translation>Αναμένουν τον πολίτη</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Γραφείο: %1</translation>
    </message>
    <message>
        <source>&amp;Work queues</source>
        <translation>Ουρές ε&amp;ργασίας</translation>
    </message>
    <message>
        <source>Work queues</source>
        <translation>Ουρές εργασίας</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Λήγουν σύντομα</translation>
    </message>
    <message>
        <source>Office: submitted cases</source>
        <translation>Γραφείο: υποβληθείσες υποθέσεις</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Αναμένει δικαιολογητικά</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Δίαυλος:</translation>
    </message>
    <message>
        <source>Ready to forward</source>
        <translation>Προς διαβίβαση</translation>
    </message>
    <message>
        <source>Up and Down choose a queue, Enter goes to its cases. Ctrl+1 to Ctrl+7 from anywhere.</source>
        <translation>Τα Πάνω και Κάτω επιλέγουν ουρά, το Enter πηγαίνει στις υποθέσεις της. Ctrl+1 ως Ctrl+7 από παντού.</translation>
    </message>
    <message>
        <source>Forwar&amp;d to the competent authority (Ctrl+Shift+Enter)</source>
        <translation>Δια&amp;βίβαση στην αρμόδια αρχή (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Forward the case to the competent authority</source>
        <translation>Διαβίβαση της υπόθεσης στην αρμόδια αρχή</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkQueuesTable</name>
    <message>
        <source>Draft</source>
        <translation>Πρόχειρη</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Υποβλήθηκε</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Αναμένει έγκριση</translation>
    </message>
    <message>
        <source>Returned to the clerk</source>
        <translation>Επιστράφηκε στον υπάλληλο</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Εγκρίθηκε</translation>
    </message>
    <message>
        <source>Forwarded to the authority</source>
        <translation>Διαβιβάστηκε στην αρμόδια αρχή</translation>
    </message>
    <message>
        <source>In progress at the authority</source>
        <translation>Σε επεξεργασία στην αρμόδια αρχή</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Αναμένει δικαιολογητικά</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Ολοκληρώθηκε</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Έτοιμη για παραλαβή</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Παραδόθηκε</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Απορρίφθηκε</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ανακλήθηκε</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · εκπρόθεσμη</translation>
    </message>
    <message>
        <source>%1 · clock stopped</source>
        <translation>%1 · η προθεσμία αναστέλλεται</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Αριθμός πρωτοκόλλου</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Επώνυμο</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Διαδικασία</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Προθεσμία</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>Καταχώριση από</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Υποθέσεις</translation>
    </message>
    <message>
        <source>Up and Down choose a case, Enter opens it.</source>
        <translation>Τα βέλη επιλέγουν υπόθεση, το Enter την ανοίγει.</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Στο γκισέ</translation>
    </message>
    <message>
        <source>Remote (myKEPlive)</source>
        <translation>Εξ αποστάσεως (myKEPlive)</translation>
    </message>
    <message>
        <source>gov.gr</source>
        <translation>gov.gr</translation>
    </message>
    <message>
        <source>EU-GO</source>
        <translation>EU-GO</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Δίαυλος</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Αιτία</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkloadTable</name>
    <message>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Ανοιχτές υποθέσεις</translation>
    </message>
    <message>
        <source>Filed this month</source>
        <translation>Καταχωρίσεις του μήνα</translation>
    </message>
    <message>
        <source>Workload per person, alphabetical</source>
        <translation>Φόρτος ανά πρόσωπο, αλφαβητικά</translation>
    </message>
    <message>
        <source>Left and Right choose open cases or filed this month, Enter lists those cases.</source>
        <translation>Αριστερά και Δεξιά επιλέγουν ανοιχτές ή καταχωρίσεις του μήνα, το Enter δείχνει τις υποθέσεις.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkstationsDialog</name>
    <message>
        <source>Asking the server for a code…</source>
        <translation>Αίτηση κωδικού από τον διακομιστή…</translation>
    </message>
    <message>
        <source>The workstation is revoked: it can no longer reach the server.</source>
        <translation>Ο σταθμός εργασίας ανακλήθηκε: δεν έχει πλέον πρόσβαση στον διακομιστή.</translation>
    </message>
    <message>
        <source>Workstations of office %1 — KEP Desk</source>
        <translation>Σταθμοί εργασίας του γραφείου %1 — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>&amp;Issue an enrolment code</source>
        <translation>&amp;Έκδοση κωδικού εγγραφής</translation>
    </message>
    <message>
        <source>Issue an enrolment code</source>
        <translation>Έκδοση κωδικού εγγραφής</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Κωδικός εγγραφής</translation>
    </message>
    <message>
        <source>Enter this code on the new workstation. It works once, until %1.</source>
        <translation>Πληκτρολογήστε αυτόν τον κωδικό στον νέο σταθμό εργασίας. Ισχύει για μία χρήση, έως %1.</translation>
    </message>
    <message>
        <source>A new counter PC of the office needs a one-time code to enrol.</source>
        <translation>Ένας νέος υπολογιστής γκισέ του γραφείου χρειάζεται κωδικό μίας χρήσης για να εγγραφεί.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Υπολογιστής</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Εγγραφή</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Workstations of the office</source>
        <translation>Σταθμοί εργασίας του γραφείου</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>Α&amp;νάκληση</translation>
    </message>
    <message>
        <source>Revoke the selected workstation</source>
        <translation>Ανάκληση του επιλεγμένου σταθμού εργασίας</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Ανακλήθηκε στις %1</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>Σε λειτουργία</translation>
    </message>
    <message>
        <source>Revoke the workstation %1? It will stop working within minutes and must be enrolled again with a new code.</source>
        <translation>Ανάκληση του σταθμού εργασίας %1; Θα σταματήσει να λειτουργεί μέσα σε λίγα λεπτά και θα χρειαστεί νέα εγγραφή με νέο κωδικό.</translation>
    </message>
    <message>
        <source>Revoking %1…</source>
        <translation>Ανάκληση του %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::help::HelpController</name>
    <message>
        <source>&amp;Help for this screen</source>
        <translation>Βοήθεια για αυτή την &amp;οθόνη</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::help::HelpViewer</name>
    <message>
        <source>This screen has no help page. Please tell IT support.</source>
        <translation>Αυτή η οθόνη δεν έχει σελίδα βοήθειας. Ενημερώστε την τεχνική υποστήριξη.</translation>
    </message>
    <message>
        <source>The help page &quot;%1&quot; is missing from this installation. Please tell IT support.</source>
        <translation>Η σελίδα βοήθειας «%1» λείπει από αυτή την εγκατάσταση. Ενημερώστε την τεχνική υποστήριξη.</translation>
    </message>
    <message>
        <source>Help — KEP Desk</source>
        <translation>Βοήθεια — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Help: %1 — KEP Desk</source>
        <translation>Βοήθεια: %1 — Γκισέ ΚΕΠ</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Κείμενο βοήθειας</translation>
    </message>
    <message>
        <source>The arrow keys and Page Up or Page Down scroll the text; Esc closes the help.</source>
        <translation>Τα βέλη και τα πλήκτρα Page Up ή Page Down μετακινούν το κείμενο· το Esc κλείνει τη βοήθεια.</translation>
    </message>
    <message>
        <source>Close the help</source>
        <translation>Κλείσιμο της βοήθειας</translation>
    </message>
</context>
</TS>
