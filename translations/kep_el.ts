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
        <source>&amp;Large text, high contrast</source>
        <translation>&amp;Μεγάλα γράμματα, υψηλή αντίθεση</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>Έ&amp;λεγχος σύνδεσης</translation>
    </message>
    <message>
        <source>&amp;About KEP Desk</source>
        <translation>&amp;Σχετικά με το Γκισέ ΚΕΠ</translation>
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
        <source>Server unreachable: signing in needs a connection to the server.</source>
        <translation>Ο διακομιστής δεν είναι προσβάσιμος: για τη σύνδεση χρειάζεται επικοινωνία με τον διακομιστή.</translation>
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
</context>
</TS>
