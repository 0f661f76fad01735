<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kep::desk::ui::AboutDialog</name>
    <message>
        <source>About KEP Desk</source>
        <translation>About KEP Desk</translation>
    </message>
    <message>
        <source>Server: not connected</source>
        <translation>Server: not connected</translation>
    </message>
    <message>
        <source>Server: version %1</source>
        <translation>Server: version %1</translation>
    </message>
    <message>
        <source>KEP Desk</source>
        <translation>KEP Desk</translation>
    </message>
    <message>
        <source>The counter workstation of the Citizens&apos; Service Centres (KEP) back office.</source>
        <translation>The counter workstation of the Citizens&apos; Service Centres (KEP) back office.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1</source>
        <translation>Built with Qt %1</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AdminMessages</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>The server cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The password was refused: %1</source>
        <translation>The password was refused: %1</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign out and sign in again.</source>
        <translation>Your session has ended. Sign out and sign in again.</translation>
    </message>
    <message>
        <source>This already exists (%1).</source>
        <translation>This already exists (%1).</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>The server did not accept this: %1</translation>
    </message>
    <message>
        <source>The server refused this (%1 %2).</source>
        <translation>The server refused this (%1 %2).</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ApprovalQueue</name>
    <message>
        <source>%1: you filed this case yourself, so another manager must approve or return it (four eyes).</source>
        <translation>%1: you filed this case yourself, so another manager must approve or return it (four eyes).</translation>
    </message>
    <message>
        <source>%1: not done (%2).</source>
        <translation>%1: not done (%2).</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 approved.</translation>
    </message>
    <message>
        <source>%1 returned to the clerk.</source>
        <translation>%1 returned to the clerk.</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Protocol number</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Cases awaiting approval</source>
        <translation>Cases awaiting approval</translation>
    </message>
    <message>
        <source>Documents missing or unreadable</source>
        <translation>Documents missing or unreadable</translation>
    </message>
    <message>
        <source>The citizen&apos;s details are wrong</source>
        <translation>The citizen&apos;s details are wrong</translation>
    </message>
    <message>
        <source>Filed under the wrong procedure</source>
        <translation>Filed under the wrong procedure</translation>
    </message>
    <message>
        <source>The fee is wrong</source>
        <translation>The fee is wrong</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>Re&amp;ason:</translation>
    </message>
    <message>
        <source>Reason for returning</source>
        <translation>Reason for returning</translation>
    </message>
    <message>
        <source>&amp;Approve (Ctrl+Enter)</source>
        <translation>&amp;Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Approve the case</source>
        <translation>Approve the case</translation>
    </message>
    <message>
        <source>Re&amp;turn to the clerk</source>
        <translation>Re&amp;turn to the clerk</translation>
    </message>
    <message>
        <source>Return the case to the clerk</source>
        <translation>Return the case to the clerk</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AuthorityInboxEntry</name>
    <message>
        <source>Authority &amp;inbox…</source>
        <translation>Authority &amp;inbox…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::AuthorityInboxWindow</name>
    <message>
        <source>The result document</source>
        <translation>The result document</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <source>Authority inbox — KEP Desk</source>
        <translation>Authority inbox — KEP Desk</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <source>Every case</source>
        <translation>Every case</translation>
    </message>
    <message>
        <source>Show the cases in status</source>
        <translation>Show the cases in status</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read the inbox again</source>
        <translation>Read the inbox again</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Protocol number</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Cases forwarded to the authority</source>
        <translation>Cases forwarded to the authority</translation>
    </message>
    <message>
        <source>Up and Down choose a case, Enter opens it.</source>
        <translation>Up and Down choose a case, Enter opens it.</translation>
    </message>
    <message>
        <source>The &amp;case:</source>
        <translation>The &amp;case:</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>The case</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>&amp;Documents:</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>Documents of the case</translation>
    </message>
    <message>
        <source>Enter opens the chosen document.</source>
        <translation>Enter opens the chosen document.</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>&amp;Open document</translation>
    </message>
    <message>
        <source>Open the chosen document</source>
        <translation>Open the chosen document</translation>
    </message>
    <message>
        <source>Sa&amp;ve document…</source>
        <translation>Sa&amp;ve document…</translation>
    </message>
    <message>
        <source>Save the chosen document</source>
        <translation>Save the chosen document</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;History:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation>History of the case</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Accept the case</source>
        <translation>Accept the case</translation>
    </message>
    <message>
        <source>As&amp;k for documents…</source>
        <translation>As&amp;k for documents…</translation>
    </message>
    <message>
        <source>Ask for more documents, with the reason</source>
        <translation>Ask for more documents, with the reason</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;ject…</translation>
    </message>
    <message>
        <source>Reject the case, with the reason</source>
        <translation>Reject the case, with the reason</translation>
    </message>
    <message>
        <source>Com&amp;plete…</source>
        <translation>Com&amp;plete…</translation>
    </message>
    <message>
        <source>Complete the case with the result document</source>
        <translation>Complete the case with the result document</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>Cases &amp;forwarded to the authority (%n):</source>
        <translation>
            <numerusform>Cases &amp;forwarded to the authority (%n):</numerusform>
            <numerusform>Cases &amp;forwarded to the authority (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>document %1 (%2)</source>
        <translation>document %1 (%2)</translation>
    </message>
    <message>
        <source>Accepting case %1…</source>
        <translation>Accepting case %1…</translation>
    </message>
    <message>
        <source>Why is case %1 rejected? The KEP and the citizen are told.</source>
        <translation>Why is case %1 rejected? The KEP and the citizen are told.</translation>
    </message>
    <message>
        <source>Which documents does case %1 need? The KEP asks the citizen for them.</source>
        <translation>Which documents does case %1 need? The KEP asks the citizen for them.</translation>
    </message>
    <message>
        <source>Nothing was sent: the reason is needed.</source>
        <translation>Nothing was sent: the reason is needed.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>Not sent: the file is empty.</source>
        <translation>Not sent: the file is empty.</translation>
    </message>
    <message>
        <source>Not sent: the result is larger than %1.</source>
        <translation>Not sent: the result is larger than %1.</translation>
    </message>
    <message>
        <source>Not sent: the result must be a PDF document.</source>
        <translation>Not sent: the result must be a PDF document.</translation>
    </message>
    <message>
        <source>Sending the result of case %1…</source>
        <translation>Sending the result of case %1…</translation>
    </message>
    <message>
        <source>Case accepted: it is in progress.</source>
        <translation>Case accepted: it is in progress.</translation>
    </message>
    <message>
        <source>Documents asked for: the KEP sees the request in its queue.</source>
        <translation>Documents asked for: the KEP sees the request in its queue.</translation>
    </message>
    <message>
        <source>Case rejected.</source>
        <translation>Case rejected.</translation>
    </message>
    <message>
        <source>Case completed: the KEP prints the result for the citizen.</source>
        <translation>Case completed: the KEP prints the result for the citizen.</translation>
    </message>
    <message>
        <source>Refused: the case is no longer where this decision fits (%1). The inbox is read again.</source>
        <translation>Refused: the case is no longer where this decision fits (%1). The inbox is read again.</translation>
    </message>
    <message>
        <source>This case or document is not in your authority&apos;s inbox.</source>
        <translation>This case or document is not in your authority&apos;s inbox.</translation>
    </message>
    <message>
        <source>The document could not be written to this desk.</source>
        <translation>The document could not be written to this desk.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Saved as %1.</translation>
    </message>
    <message>
        <source>The document is open in the system&apos;s viewer.</source>
        <translation>The document is open in the system&apos;s viewer.</translation>
    </message>
    <message>
        <source>The document is kept as %1; no viewer could open it.</source>
        <translation>The document is kept as %1; no viewer could open it.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CaseDetailsDialog</name>
    <message>
        <source>%1, by %2</source>
        <translation>%1, by %2</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Protocol number</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation>History of the case</translation>
    </message>
    <message>
        <source>Fetching the authority&apos;s result from the server…</source>
        <translation>Fetching the authority&apos;s result from the server…</translation>
    </message>
    <message>
        <source>The result could not be saved on this desk.</source>
        <translation>The result could not be saved on this desk.</translation>
    </message>
    <message>
        <source>The result is saved as %1 and opened for printing.</source>
        <translation>The result is saved as %1 and opened for printing.</translation>
    </message>
    <message>
        <source>The result is saved as %1; open it to print it.</source>
        <translation>The result is saved as %1; open it to print it.</translation>
    </message>
    <message>
        <source>The result could not be fetched: %1</source>
        <translation>The result could not be fetched: %1</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>&amp;Print result</source>
        <translation>&amp;Print result</translation>
    </message>
    <message>
        <source>Print the authority&apos;s result</source>
        <translation>Print the authority&apos;s result</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>Forwar&amp;d to the competent authority</source>
        <translation>Forwar&amp;d to the competent authority</translation>
    </message>
    <message>
        <source>Forward the case to the competent authority</source>
        <translation>Forward the case to the competent authority</translation>
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
        <translation>an authority this desk&apos;s catalogue does not name</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: not forwarded; sign in as a clerk or manager of the office.</source>
        <translation>%1: not forwarded; sign in as a clerk or manager of the office.</translation>
    </message>
    <message>
        <source>%1 forwarded to %2. It goes to the server with the next sync.</source>
        <translation>%1 forwarded to %2. It goes to the server with the next sync.</translation>
    </message>
    <message>
        <source>%1: the case is no longer on this desk.</source>
        <translation>%1: the case is no longer on this desk.</translation>
    </message>
    <message>
        <source>%1: not forwarded, because this desk&apos;s catalogue does not name the procedure&apos;s competent authority. Sync the catalogue and try again.</source>
        <translation>%1: not forwarded, because this desk&apos;s catalogue does not name the procedure&apos;s competent authority. Sync the catalogue and try again.</translation>
    </message>
    <message>
        <source>%1: the procedure needs the manager&apos;s approval before the case is forwarded.</source>
        <translation>%1: the procedure needs the manager&apos;s approval before the case is forwarded.</translation>
    </message>
    <message>
        <source>%1: only a clerk or a manager of the office forwards cases.</source>
        <translation>%1: only a clerk or a manager of the office forwards cases.</translation>
    </message>
    <message>
        <source>%1: a case that is «%2» cannot be forwarded.</source>
        <translation>%1: a case that is «%2» cannot be forwarded.</translation>
    </message>
    <message>
        <source>%1: not forwarded (%2).</source>
        <translation>%1: not forwarded (%2).</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CaseSearchPage</name>
    <message>
        <source>Find a &amp;case</source>
        <translation>Find a &amp;case</translation>
    </message>
    <message>
        <source>Find a &amp;case…</source>
        <translation>Find a &amp;case…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>Protocol number, ΑΦΜ, ΑΜΚΑ, surname or procedure. Down and Up choose a case, Enter opens it.</source>
        <translation>Protocol number, ΑΦΜ, ΑΜΚΑ, surname or procedure. Down and Up choose a case, Enter opens it.</translation>
    </message>
    <message>
        <source>Cases found</source>
        <translation>Cases found</translation>
    </message>
    <message>
        <source>Type to search this desk&apos;s cases.</source>
        <translation>Type to search this desk&apos;s cases.</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>No case matches.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found.</source>
        <translation>
            <numerusform>%n case found.</numerusform>
            <numerusform>%n cases found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CataloguePublishEntry</name>
    <message>
        <source>&amp;Catalogue publishing…</source>
        <translation>&amp;Catalogue publishing…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CataloguePublishWindow</name>
    <message numerus="yes">
        <source>Published %n procedure(s); desks receive them within seconds (catalogue sequence %1).</source>
        <translation>
            <numerusform>Published %n procedure; desks receive it within seconds (catalogue sequence %1).</numerusform>
            <numerusform>Published %n procedures; desks receive them within seconds (catalogue sequence %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Options of procedure %1 saved.</source>
        <translation>Options of procedure %1 saved.</translation>
    </message>
    <message>
        <source>Options of procedure %1 saved: it leaves every desk.</source>
        <translation>Options of procedure %1 saved: it leaves every desk.</translation>
    </message>
    <message>
        <source>Catalogue publishing — KEP Desk</source>
        <translation>Catalogue publishing — KEP Desk</translation>
    </message>
    <message>
        <source>&amp;Drafts not yet published:</source>
        <translation>&amp;Drafts not yet published:</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Tick a draft with Space to publish it; the selected draft&apos;s changes are shown beside the list.</source>
        <translation>Tick a draft with Space to publish it; the selected draft&apos;s changes are shown beside the list.</translation>
    </message>
    <message>
        <source>&amp;What the draft changes:</source>
        <translation>&amp;What the draft changes:</translation>
    </message>
    <message>
        <source>What the draft changes</source>
        <translation>What the draft changes</translation>
    </message>
    <message>
        <source>&amp;Tick all</source>
        <translation>&amp;Tick all</translation>
    </message>
    <message>
        <source>Tick or untick all drafts</source>
        <translation>Tick or untick all drafts</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Show &amp;more</translation>
    </message>
    <message>
        <source>Show more drafts</source>
        <translation>Show more drafts</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the drafts</source>
        <translation>Refresh the drafts</translation>
    </message>
    <message>
        <source>&amp;Publish ticked…</source>
        <translation>&amp;Publish ticked…</translation>
    </message>
    <message>
        <source>Publish the ticked drafts</source>
        <translation>Publish the ticked drafts</translation>
    </message>
    <message>
        <source>Publish every draft</source>
        <translation>Publish every draft</translation>
    </message>
    <message>
        <source>KEP options of a procedure</source>
        <translation>KEP options of a procedure</translation>
    </message>
    <message>
        <source>Procedure &amp;id:</source>
        <translation>Procedure &amp;id:</translation>
    </message>
    <message>
        <source>Procedure id</source>
        <translation>Procedure id</translation>
    </message>
    <message>
        <source>L&amp;oad</source>
        <translation>L&amp;oad</translation>
    </message>
    <message>
        <source>Load the procedure&apos;s options</source>
        <translation>Load the procedure&apos;s options</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s &amp;approval</source>
        <translation>Cases need the office manager&apos;s &amp;approval</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s approval</source>
        <translation>Cases need the office manager&apos;s approval</translation>
    </message>
    <message>
        <source>O&amp;ffered at KEPs</source>
        <translation>O&amp;ffered at KEPs</translation>
    </message>
    <message>
        <source>Offered at KEPs</source>
        <translation>Offered at KEPs</translation>
    </message>
    <message>
        <source>Competent a&amp;uthority:</source>
        <translation>Competent a&amp;uthority:</translation>
    </message>
    <message>
        <source>Competent authority id</source>
        <translation>Competent authority id</translation>
    </message>
    <message>
        <source>&amp;Save options</source>
        <translation>&amp;Save options</translation>
    </message>
    <message>
        <source>Save the procedure&apos;s options</source>
        <translation>Save the procedure&apos;s options</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>There are no drafts: the catalogue is as published.</source>
        <translation>There are no drafts: the catalogue is as published.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n draft(s) shown.</source>
        <translation>
            <numerusform>%1 of %n draft shown.</numerusform>
            <numerusform>%1 of %n drafts shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>A new procedure: desks have no version of it yet.</source>
        <translation>A new procedure: desks have no version of it yet.</translation>
    </message>
    <message>
        <source>Tick the drafts to publish first (Space ticks the selected one).</source>
        <translation>Tick the drafts to publish first (Space ticks the selected one).</translation>
    </message>
    <message numerus="yes">
        <source>Publish %n procedure(s)? Every desk receives the new version within seconds.</source>
        <translation>
            <numerusform>Publish %n procedure? Every desk receives the new version within seconds.</numerusform>
            <numerusform>Publish %n procedures? Every desk receives the new version within seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message numerus="yes">
        <source>Publish all %n draft(s), including those not shown? Every desk receives them within seconds.</source>
        <translation>
            <numerusform>Publish the %n draft? Every desk receives it within seconds.</numerusform>
            <numerusform>Publish all %n drafts, including those not shown? Every desk receives them within seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the procedure&apos;s id.</source>
        <translation>Enter the procedure&apos;s id.</translation>
    </message>
    <message>
        <source>Take procedure %1 off every KEP desk? Clerks can no longer find it or file cases for it.</source>
        <translation>Take procedure %1 off every KEP desk? Clerks can no longer find it or file cases for it.</translation>
    </message>
    <message>
        <source>Saving the options of procedure %1…</source>
        <translation>Saving the options of procedure %1…</translation>
    </message>
    <message>
        <source>Publish &amp;every draft…</source>
        <translation>Publish &amp;every draft…</translation>
    </message>
    <message>
        <source>Leave empty for the register&apos;s owner.</source>
        <translation>Leave empty for the register&apos;s owner.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ChannelFilter</name>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Every channel, or only the cases filed at the counter, at a myKEPlive call, or online through gov.gr or EU-GO.</source>
        <translation>Every channel, or only the cases filed at the counter, at a myKEPlive call, or online through gov.gr or EU-GO.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularComposer</name>
    <message>
        <source>Write the title in Greek.</source>
        <translation>Write the title in Greek.</translation>
    </message>
    <message>
        <source>Write the text in Greek.</source>
        <translation>Write the text in Greek.</translation>
    </message>
    <message>
        <source>Choose the region.</source>
        <translation>Choose the region.</translation>
    </message>
    <message>
        <source>Tick at least one office.</source>
        <translation>Tick at least one office.</translation>
    </message>
    <message>
        <source>Kin&amp;d:</source>
        <translation>Kin&amp;d:</translation>
    </message>
    <message>
        <source>&amp;Title in Greek:</source>
        <translation>&amp;Title in Greek:</translation>
    </message>
    <message>
        <source>Title in &amp;English (optional):</source>
        <translation>Title in &amp;English (optional):</translation>
    </message>
    <message>
        <source>Te&amp;xt in Greek:</source>
        <translation>Te&amp;xt in Greek:</translation>
    </message>
    <message>
        <source>Text in E&amp;nglish (optional):</source>
        <translation>Text in E&amp;nglish (optional):</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Every &amp;office</source>
        <translation>Every &amp;office</translation>
    </message>
    <message>
        <source>The offices of the &amp;region</source>
        <translation>The offices of the &amp;region</translation>
    </message>
    <message>
        <source>The offices &amp;chosen</source>
        <translation>The offices &amp;chosen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Offices to receive the circular</source>
        <translation>Offices to receive the circular</translation>
    </message>
    <message>
        <source>Send the circular</source>
        <translation>Send the circular</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularKinds</name>
    <message>
        <source>Procedure change</source>
        <translation>Procedure change</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Outage</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Announcement</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularSendingEntry</name>
    <message>
        <source>C&amp;irculars to the offices…</source>
        <translation>C&amp;irculars to the offices…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularsEntry</name>
    <message>
        <source>&amp;Circulars…</source>
        <translation>&amp;Circulars…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CircularsWindow</name>
    <message>
        <source>Sending the circular…</source>
        <translation>Sending the circular…</translation>
    </message>
    <message>
        <source>The circular is sent. The offices&apos; desks receive it with their next sync and show it at sign-in until it is read.</source>
        <translation>The circular is sent. The offices&apos; desks receive it with their next sync and show it at sign-in until it is read.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 of %2 read</source>
        <translation>%1 of %2 read</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>read %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>%1 of the %2 staff of the offices have read «%3».</source>
        <translation>%1 of the %2 staff of the offices have read «%3».</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <source>Offices: %1</source>
        <translation>Offices: %1</translation>
    </message>
    <message>
        <source>Every office</source>
        <translation>Every office</translation>
    </message>
    <message>
        <source>Circulars to the offices</source>
        <translation>Circulars to the offices</translation>
    </message>
    <message>
        <source>Sent circu&amp;lars:</source>
        <translation>Sent circu&amp;lars:</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Circulars sent from this window</source>
        <translation>Circulars sent from this window</translation>
    </message>
    <message>
        <source>Read recei&amp;pts, office by office:</source>
        <translation>Read recei&amp;pts, office by office:</translation>
    </message>
    <message>
        <source>Office and staff</source>
        <translation>Office and staff</translation>
    </message>
    <message>
        <source>Read receipts of the selected circular</source>
        <translation>Read receipts of the selected circular</translation>
    </message>
    <message>
        <source>Re&amp;fresh receipts</source>
        <translation>Re&amp;fresh receipts</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Ask the server again who has read the circular</source>
        <translation>Ask the server again who has read the circular</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CitizenPanel</name>
    <message>
        <source>Returning citizen: the record was filled in from this desk.</source>
        <translation>Returning citizen: the record was filled in from this desk.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>An ΑΜΚΑ has 11 digits</source>
        <translation>An ΑΜΚΑ has 11 digits</translation>
    </message>
    <message>
        <source>An ΑΦΜ has 9 digits</source>
        <translation>An ΑΦΜ has 9 digits</translation>
    </message>
    <message>
        <source>Digits only</source>
        <translation>Digits only</translation>
    </message>
    <message>
        <source>Cannot be all zeros</source>
        <translation>Cannot be all zeros</translation>
    </message>
    <message>
        <source>The check digit does not match: a digit is mistyped</source>
        <translation>The check digit does not match: a digit is mistyped</translation>
    </message>
    <message>
        <source>The first six digits are not a date of birth</source>
        <translation>The first six digits are not a date of birth</translation>
    </message>
    <message>
        <source>Unknown country: two letters of ISO 3166, such as DE</source>
        <translation>Unknown country: two letters of ISO 3166, such as DE</translation>
    </message>
    <message>
        <source>The nationality does not match the kind of citizen</source>
        <translation>The nationality does not match the kind of citizen</translation>
    </message>
    <message>
        <source>Not valid (%1)</source>
        <translation>Not valid (%1)</translation>
    </message>
    <message>
        <source>Greek citizen</source>
        <translation>Greek citizen</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation>EU citizen</translation>
    </message>
    <message>
        <source>Third-country citizen</source>
        <translation>Third-country citizen</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>National identity card</source>
        <translation>National identity card</translation>
    </message>
    <message>
        <source>Citizen of</source>
        <translation>Citizen of</translation>
    </message>
    <message>
        <source>&amp;ΑΦΜ</source>
        <translation>&amp;ΑΦΜ</translation>
    </message>
    <message>
        <source>ΑΜ&amp;ΚΑ (optional)</source>
        <translation>ΑΜ&amp;ΚΑ (optional)</translation>
    </message>
    <message>
        <source>&amp;Surname (Greek)</source>
        <translation>&amp;Surname (Greek)</translation>
    </message>
    <message>
        <source>&amp;Given name (Greek)</source>
        <translation>&amp;Given name (Greek)</translation>
    </message>
    <message>
        <source>Surname (&amp;Latin)</source>
        <translation>Surname (&amp;Latin)</translation>
    </message>
    <message>
        <source>Given name (La&amp;tin)</source>
        <translation>Given name (La&amp;tin)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>Document &amp;number</translation>
    </message>
    <message>
        <source>Nationalit&amp;y (ISO code)</source>
        <translation>Nationalit&amp;y (ISO code)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Digits only, with spaces or hyphens if you like, and + before a country code</source>
        <translation>Digits only, with spaces or hyphens if you like, and + before a country code</translation>
    </message>
    <message>
        <source>A character this field cannot have</source>
        <translation>A character this field cannot have</translation>
    </message>
    <message>
        <source>A Greek number has 10 digits and starts with 69 or 2</source>
        <translation>A Greek number has 10 digits and starts with 69 or 2</translation>
    </message>
    <message>
        <source>An international number has 8 to 15 digits after the +</source>
        <translation>An international number has 8 to 15 digits after the +</translation>
    </message>
    <message>
        <source>An e-mail address has an @, as in name@example.gr</source>
        <translation>An e-mail address has an @, as in name@example.gr</translation>
    </message>
    <message>
        <source>An e-mail address has only one @</source>
        <translation>An e-mail address has only one @</translation>
    </message>
    <message>
        <source>The part before the @ has a character an address cannot have</source>
        <translation>The part before the @ has a character an address cannot have</translation>
    </message>
    <message>
        <source>The part after the @ is not a domain, as in example.gr</source>
        <translation>The part after the @ is not a domain, as in example.gr</translation>
    </message>
    <message>
        <source>Latin letters only: not every authority&apos;s mail accepts others</source>
        <translation>Latin letters only: not every authority&apos;s mail accepts others</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Too long</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ConflictInbox</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Fee (cents)</source>
        <translation>Fee (cents)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Citizen&apos;s details</source>
        <translation>Citizen&apos;s details</translation>
    </message>
    <message>
        <source>%1 at workstation %2, %3</source>
        <translation>%1 at workstation %2, %3</translation>
    </message>
    <message>
        <source>No open conflicts: nothing waits for a decision.</source>
        <translation>No open conflicts: nothing waits for a decision.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision. Choose a row, then keep the current value (Alt+K) or use the other one (Alt+U).</source>
        <translation>
            <numerusform>%n conflict wait for a decision. Choose a row, then keep the current value (Alt+K) or use the other one (Alt+U).</numerusform>
            <numerusform>%n conflicts wait for a decision. Choose a row, then keep the current value (Alt+K) or use the other one (Alt+U).</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict inbox</source>
        <translation>Conflict inbox</translation>
    </message>
    <message>
        <source>Conflict inbox…</source>
        <translation>Conflict inbox…</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <source>Keep the current value (Alt+K)</source>
        <translation>Keep the current value (Alt+K)</translation>
    </message>
    <message>
        <source>Use the other value (Alt+U)</source>
        <translation>Use the other value (Alt+U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicts</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CountChart</name>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Enter or a click lists the cases behind a row.</source>
        <translation>Enter or a click lists the cases behind a row.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::CounterStepsPanel</name>
    <message>
        <source>%1: the step could not be recorded on this desk (%2).</source>
        <translation>%1: the step could not be recorded on this desk (%2).</translation>
    </message>
    <message>
        <source>%1: a case that is «%2» cannot take this step now.</source>
        <translation>%1: a case that is «%2» cannot take this step now.</translation>
    </message>
    <message>
        <source>%1: the citizen&apos;s documents are recorded as received and the authority continues. It goes to the server with the next sync.</source>
        <translation>%1: the citizen&apos;s documents are recorded as received and the authority continues. It goes to the server with the next sync.</translation>
    </message>
    <message>
        <source>%1 is ready for pickup: the citizen may collect the result.</source>
        <translation>%1 is ready for pickup: the citizen may collect the result.</translation>
    </message>
    <message>
        <source>%1 is handed over to the citizen.</source>
        <translation>%1 is handed over to the citizen.</translation>
    </message>
    <message>
        <source>Documents r&amp;eceived</source>
        <translation>Documents r&amp;eceived</translation>
    </message>
    <message>
        <source>The citizen&apos;s documents were received</source>
        <translation>The citizen&apos;s documents were received</translation>
    </message>
    <message>
        <source>Result arrived — &amp;ready for pickup</source>
        <translation>Result arrived — &amp;ready for pickup</translation>
    </message>
    <message>
        <source>The result arrived: ready for pickup</source>
        <translation>The result arrived: ready for pickup</translation>
    </message>
    <message>
        <source>Hand &amp;over to the citizen…</source>
        <translation>Hand &amp;over to the citizen…</translation>
    </message>
    <message>
        <source>Hand the result over to the citizen</source>
        <translation>Hand the result over to the citizen</translation>
    </message>
    <message>
        <source>Outcome of the step</source>
        <translation>Outcome of the step</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DashboardEntry</name>
    <message>
        <source>Office &amp;dashboard</source>
        <translation>Office &amp;dashboard</translation>
    </message>
    <message>
        <source>&amp;National dashboard</source>
        <translation>&amp;National dashboard</translation>
    </message>
    <message>
        <source>The national figures come from the server: sign in online to see them.</source>
        <translation>The national figures come from the server: sign in online to see them.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the national figures are not up to date.</source>
        <translation>The server cannot be reached: the national figures are not up to date.</translation>
    </message>
    <message>
        <source>The server did not give the figures: %1</source>
        <translation>The server did not give the figures: %1</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Save the monthly report</translation>
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
        <translation>Asking the server for the report…</translation>
    </message>
    <message>
        <source>The report is saved in %1.</source>
        <translation>The report is saved in %1.</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>The report could not be written to %1: %2</translation>
    </message>
    <message>
        <source>The server cannot be reached, or its answer was not a report: the report was not saved.</source>
        <translation>The server cannot be reached, or its answer was not a report: the report was not saved.</translation>
    </message>
    <message>
        <source>The server did not give the report: %1</source>
        <translation>The server did not give the report: %1</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DeliveryDialog</name>
    <message>
        <source>The delivery could not be recorded on this desk: %1</source>
        <translation>The delivery could not be recorded on this desk: %1</translation>
    </message>
    <message>
        <source>This case cannot be handed over now (%1).</source>
        <translation>This case cannot be handed over now (%1).</translation>
    </message>
    <message>
        <source>Hand over the result</source>
        <translation>Hand over the result</translation>
    </message>
    <message>
        <source>Case %1: the citizen receives the result.</source>
        <translation>Case %1: the citizen receives the result.</translation>
    </message>
    <message>
        <source>Citizen&apos;s rating (optional):</source>
        <translation>Citizen&apos;s rating (optional):</translation>
    </message>
    <message>
        <source>&amp;No rating</source>
        <translation>&amp;No rating</translation>
    </message>
    <message>
        <source>Rating %1 of 5</source>
        <translation>Rating %1 of 5</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>Citizen&apos;s comment</source>
        <translation>Citizen&apos;s comment</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Hand over</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DraftResumeOffer</name>
    <message>
        <source>Unfinished case</source>
        <translation>Unfinished case</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>A case you did not file was kept: «%1», last saved %2. Resume it now?</source>
        <translation>A case you did not file was kept: «%1», last saved %2. Resume it now?</translation>
    </message>
    <message>
        <source>Discard the unfinished case? What was typed cannot be brought back.</source>
        <translation>Discard the unfinished case? What was typed cannot be brought back.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DrillDownPanel</name>
    <message>
        <source>Choose a figure to list the cases behind it.</source>
        <translation>Choose a figure to list the cases behind it.</translation>
    </message>
    <message>
        <source>&amp;Cases: %1 — the first %2 of %3</source>
        <translation>&amp;Cases: %1 — the first %2 of %3</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cases: %1 — %n case(s)</source>
        <translation>
            <numerusform>&amp;Cases: %1 — %n case</numerusform>
            <numerusform>&amp;Cases: %1 — %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::DurationText</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>at once</source>
        <translation>at once</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::EnrolmentDialog</name>
    <message>
        <source>Enrol this workstation — KEP Desk</source>
        <translation>Enrol this workstation — KEP Desk</translation>
    </message>
    <message>
        <source>Enrol this workstation</source>
        <translation>Enrol this workstation</translation>
    </message>
    <message>
        <source>This computer is not yet registered with the KEP server. Enter the one-time enrolment code that your office manager or IT support issued for this office. It is needed only once.</source>
        <translation>This computer is not yet registered with the KEP server. Enter the one-time enrolment code that your office manager or IT support issued for this office. It is needed only once.</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>Enrolment &amp;code:</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Twelve letters or digits, for example ABCD-EFGH-JKLM</source>
        <translation>Twelve letters or digits, for example ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <source>Enrolment error</source>
        <translation>Enrolment error</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>This enrolment code is not valid: it may be mistyped, already used or expired. Ask your office manager or IT support for a new code.</source>
        <translation>This enrolment code is not valid: it may be mistyped, already used or expired. Ask your office manager or IT support for a new code.</translation>
    </message>
    <message>
        <source>The server did not accept this workstation&apos;s request (%1). Please tell IT support.</source>
        <translation>The server did not accept this workstation&apos;s request (%1). Please tell IT support.</translation>
    </message>
    <message numerus="yes">
        <source>Too many enrolment attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many enrolment attempts. Try again in %n second.</numerusform>
            <numerusform>Too many enrolment attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and try again.</source>
        <translation>The server cannot be reached. Check the network connection and try again.</translation>
    </message>
    <message>
        <source>The server refused the enrolment (%1).</source>
        <translation>The server refused the enrolment (%1).</translation>
    </message>
    <message>
        <source>The workstation&apos;s key or certificate could not be made or saved on this computer (%1). Please tell IT support.</source>
        <translation>The workstation&apos;s key or certificate could not be made or saved on this computer (%1). Please tell IT support.</translation>
    </message>
    <message>
        <source>The server gave an answer the desk cannot read. Please tell IT support.</source>
        <translation>The server gave an answer the desk cannot read. Please tell IT support.</translation>
    </message>
    <message>
        <source>An enrolment code has twelve letters or digits, for example ABCD-EFGH-JKLM.</source>
        <translation>An enrolment code has twelve letters or digits, for example ABCD-EFGH-JKLM.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::EvidencePanel</name>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Provided</source>
        <translation>Provided</translation>
    </message>
    <message>
        <source>To be obtained by the KEP</source>
        <translation>To be obtained by the KEP</translation>
    </message>
    <message>
        <source>%1 (or an alternative of group %2)</source>
        <translation>%1 (or an alternative of group %2)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FigureText</name>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FilingForm</name>
    <message>
        <source>No fee</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>The catalogue states no deadline for this procedure</source>
        <translation>The catalogue states no deadline for this procedure</translation>
    </message>
    <message>
        <source>The catalogue&apos;s deadline for this procedure cannot be counted</source>
        <translation>The catalogue&apos;s deadline for this procedure cannot be counted</translation>
    </message>
    <message>
        <source>Not filed: the due date cannot be counted (see above).</source>
        <translation>Not filed: the due date cannot be counted (see above).</translation>
    </message>
    <message>
        <source>Not filed: correct the citizen&apos;s details marked above.</source>
        <translation>Not filed: correct the citizen&apos;s details marked above.</translation>
    </message>
    <message>
        <source>Not filed: this workstation holds no protocol numbers. Connect to the server so that it can lease a block.</source>
        <translation>Not filed: this workstation holds no protocol numbers. Connect to the server so that it can lease a block.</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>Not filed: %1</translation>
    </message>
    <message>
        <source>Filed as %1. The receipt is saved; print it with Print receipt.</source>
        <translation>Filed as %1. The receipt is saved; print it with Print receipt.</translation>
    </message>
    <message>
        <source>Filed as %1, but the receipt could not be saved.</source>
        <translation>Filed as %1, but the receipt could not be saved.</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;File (Ctrl+Enter)</source>
        <translation>&amp;File (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>File the case</source>
        <translation>File the case</translation>
    </message>
    <message>
        <source>&amp;Print receipt</source>
        <translation>&amp;Print receipt</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Not filed: correct the citizen&apos;s details: %1</source>
        <translation>Not filed: correct the citizen&apos;s details: %1</translation>
    </message>
    <message>
        <source>An unfinished case, as it was saved at %1.</source>
        <translation>An unfinished case, as it was saved at %1.</translation>
    </message>
    <message>
        <source>Attached.</source>
        <translation>Attached.</translation>
    </message>
    <message>
        <source>Not attached: the file cannot be read.</source>
        <translation>Not attached: the file cannot be read.</translation>
    </message>
    <message>
        <source>Not attached: the file is empty.</source>
        <translation>Not attached: the file is empty.</translation>
    </message>
    <message>
        <source>Not attached: the file is larger than %1.</source>
        <translation>Not attached: the file is larger than %1.</translation>
    </message>
    <message>
        <source>Not attached: only PDF, JPEG and PNG files are accepted.</source>
        <translation>Not attached: only PDF, JPEG and PNG files are accepted.</translation>
    </message>
    <message>
        <source>Not attached: the desk could not keep a copy of the file.</source>
        <translation>Not attached: the desk could not keep a copy of the file.</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Attach file… (Ctrl+O)</source>
        <translation>&amp;Attach file… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach a document from a file</source>
        <translation>Attach a document from a file</translation>
    </message>
    <message>
        <source>Print the missing-documents slip</source>
        <translation>Print the missing-documents slip</translation>
    </message>
    <message>
        <source>Save the draft now</source>
        <translation>Save the draft now</translation>
    </message>
    <message>
        <source>Scanned and attached.</source>
        <translation>Scanned and attached.</translation>
    </message>
    <message>
        <source>S&amp;can… (Ctrl+Shift+O)</source>
        <translation>S&amp;can… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Scan a document at the counter&apos;s scanner</source>
        <translation>Scan a document at the counter&apos;s scanner</translation>
    </message>
    <message>
        <source>Appl&amp;ied through</source>
        <translation>Appl&amp;ied through</translation>
    </message>
    <message>
        <source>Applied through</source>
        <translation>Applied through</translation>
    </message>
    <message>
        <source>At the counter, or at a myKEPlive video call for procedures offered remotely.</source>
        <translation>At the counter, or at a myKEPlive video call for procedures offered remotely.</translation>
    </message>
    <message>
        <source>The receipt could not be saved in this language.</source>
        <translation>The receipt could not be saved in this language.</translation>
    </message>
    <message>
        <source>Receipt lang&amp;uage</source>
        <translation>Receipt lang&amp;uage</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FlagReviewEntry</name>
    <message>
        <source>Clerks&apos; &amp;flags on the catalogue…</source>
        <translation>Clerks&apos; &amp;flags on the catalogue…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::FlagReviewWindow</name>
    <message>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
    <message>
        <source>Loading the open flags…</source>
        <translation>Loading the open flags…</translation>
    </message>
    <message>
        <source>Select a flag first.</source>
        <translation>Select a flag first.</translation>
    </message>
    <message>
        <source>Write a note on what was fixed.</source>
        <translation>Write a note on what was fixed.</translation>
    </message>
    <message numerus="yes">
        <source>%n open flag(s)</source>
        <translation>
            <numerusform>%n open flag</numerusform>
            <numerusform>%n open flags</numerusform>
        </translation>
    </message>
    <message>
        <source>Outdated fee</source>
        <translation>Outdated fee</translation>
    </message>
    <message>
        <source>Missing document</source>
        <translation>Missing document</translation>
    </message>
    <message>
        <source>Wrong authority</source>
        <translation>Wrong authority</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Clerks&apos; flags on the catalogue</source>
        <translation>Clerks&apos; flags on the catalogue</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>Open flags</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Closing note</translation>
    </message>
    <message>
        <source>&amp;Close flag</source>
        <translation>&amp;Close flag</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::HomePage</name>
    <message>
        <source>Counter clerk</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>Office manager</source>
        <translation>Office manager</translation>
    </message>
    <message>
        <source>Central administrator</source>
        <translation>Central administrator</translation>
    </message>
    <message>
        <source>Competent authority</source>
        <translation>Competent authority</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>IT support</translation>
    </message>
    <message>
        <source>KEP Desk</source>
        <translation>KEP Desk</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>No office (central or authority user)</source>
        <translation>No office (central or authority user)</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Nobody is signed in</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Online, version %1</source>
        <translation>Online, version %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::MainWindow</name>
    <message>
        <source>KEP Desk</source>
        <translation>KEP Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>&amp;Check the connection</translation>
    </message>
    <message>
        <source>&amp;About KEP Desk</source>
        <translation>&amp;About KEP Desk</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Offices…</source>
        <translation>&amp;Offices…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>&amp;Workstations…</source>
        <translation>&amp;Workstations…</translation>
    </message>
    <message>
        <source>Offline session until %1</source>
        <translation>Offline session until %1</translation>
    </message>
    <message>
        <source>Online session</source>
        <translation>Online session</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Session mode</translation>
    </message>
    <message>
        <source>&amp;Find a procedure…</source>
        <translation>&amp;Find a procedure…</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>P&amp;rocedures</source>
        <translation>P&amp;rocedures</translation>
    </message>
    <message numerus="yes">
        <source>Catalogue updated (%n procedure(s) changed)</source>
        <translation>
            <numerusform>Catalogue updated (%n procedure changed)</numerusform>
            <numerusform>Catalogue updated (%n procedures changed)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New case on the selected procedure</source>
        <translation>&amp;New case on the selected procedure</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>Find the procedure first, then press Ctrl+N.</source>
        <translation>Find the procedure first, then press Ctrl+N.</translation>
    </message>
    <message>
        <source>Approval &amp;queue</source>
        <translation>Approval &amp;queue</translation>
    </message>
    <message>
        <source>&amp;Large text</source>
        <translation>&amp;Large text</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::MonthlyReportBar</name>
    <message>
        <source>Monthl&amp;y report:</source>
        <translation>Monthl&amp;y report:</translation>
    </message>
    <message>
        <source>Month of the report</source>
        <translation>Month of the report</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Save the office&apos;s report of this month from the server, as PDF or CSV, in the language of the screen (Ctrl+Shift+S)</source>
        <translation>Save the office&apos;s report of this month from the server, as PDF or CSV, in the language of the screen (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Save the monthly report</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::NationalDashboard</name>
    <message>
        <source>&amp;National dashboard</source>
        <translation>&amp;National dashboard</translation>
    </message>
    <message>
        <source>National figures, the last 30 days</source>
        <translation>National figures, the last 30 days</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <source>All of Greece</source>
        <translation>All of Greece</translation>
    </message>
    <message>
        <source>Region shown</source>
        <translation>Region shown</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Processing time, median</source>
        <translation>Processing time, median</translation>
    </message>
    <message>
        <source>Processing time, 90th percentile</source>
        <translation>Processing time, 90th percentile</translation>
    </message>
    <message>
        <source>Completed within the deadline</source>
        <translation>Completed within the deadline</translation>
    </message>
    <message>
        <source>Filed online</source>
        <translation>Filed online</translation>
    </message>
    <message>
        <source>&amp;Top procedures (most filed)</source>
        <translation>&amp;Top procedures (most filed)</translation>
    </message>
    <message>
        <source>Slo&amp;west procedures (median time, at least 5 completed)</source>
        <translation>Slo&amp;west procedures (median time, at least 5 completed)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Median time</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Within deadline</translation>
    </message>
    <message>
        <source>Top procedures</source>
        <translation>Top procedures</translation>
    </message>
    <message>
        <source>Slowest procedures</source>
        <translation>Slowest procedures</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Ask the server again (Ctrl+R)</source>
        <translation>Ask the server again (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Refresh the figures</translation>
    </message>
    <message>
        <source>National dashboard</source>
        <translation>National dashboard</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::OfficeDashboard</name>
    <message>
        <source>Filed today</source>
        <translation>Filed today</translation>
    </message>
    <message>
        <source>Filed on %1</source>
        <translation>Filed on %1</translation>
    </message>
    <message numerus="yes">
        <source>Filed in the last %n day(s): %1</source>
        <translation>
            <numerusform>Filed in the last %n day: %1</numerusform>
            <numerusform>Filed in the last %n days: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Now: %1</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Due in the next 6 days</source>
        <translation>Due in the next 6 days</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open cases filed by %1</source>
        <translation>Open cases filed by %1</translation>
    </message>
    <message>
        <source>Filed this month by %1</source>
        <translation>Filed this month by %1</translation>
    </message>
    <message>
        <source>Office figures of %1</source>
        <translation>Office figures of %1</translation>
    </message>
    <message>
        <source>Office figures</source>
        <translation>Office figures</translation>
    </message>
    <message>
        <source>Office &amp;dashboard</source>
        <translation>Office &amp;dashboard</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Deadline radar (awaiting documents does not count)</source>
        <translation>Deadline radar (awaiting documents does not count)</translation>
    </message>
    <message>
        <source>From the server (— when offline)</source>
        <translation>From the server (— when offline)</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>The last 30 days</translation>
    </message>
    <message>
        <source>&amp;Workload per person (alphabetical)</source>
        <translation>&amp;Workload per person (alphabetical)</translation>
    </message>
    <message>
        <source>Processing time, &amp;median:</source>
        <translation>Processing time, &amp;median:</translation>
    </message>
    <message>
        <source>Processing time, &amp;90th percentile:</source>
        <translation>Processing time, &amp;90th percentile:</translation>
    </message>
    <message>
        <source>Completed within the deadline:</source>
        <translation>Completed within the deadline:</translation>
    </message>
    <message>
        <source>Returned to the clerk:</source>
        <translation>Returned to the clerk:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejected:</translation>
    </message>
    <message>
        <source>Filed online:</source>
        <translation>Filed online:</translation>
    </message>
    <message>
        <source>Filed &amp;per day</source>
        <translation>Filed &amp;per day</translation>
    </message>
    <message>
        <source>By &amp;status, now</source>
        <translation>By &amp;status, now</translation>
    </message>
    <message>
        <source>By cha&amp;nnel</source>
        <translation>By cha&amp;nnel</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read the figures again (Ctrl+R)</source>
        <translation>Read the figures again (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Refresh the figures</translation>
    </message>
    <message>
        <source>Office dashboard</source>
        <translation>Office dashboard</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::OfficesDialog</name>
    <message>
        <source>Office %1 added.</source>
        <translation>Office %1 added.</translation>
    </message>
    <message>
        <source>Offices — KEP Desk</source>
        <translation>Offices — KEP Desk</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>New office code</source>
        <translation>New office code</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>New office name</source>
        <translation>New office name</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>New office region</source>
        <translation>New office region</translation>
    </message>
    <message>
        <source>&amp;Add office</source>
        <translation>&amp;Add office</translation>
    </message>
    <message>
        <source>Add office</source>
        <translation>Add office</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enter at least the office&apos;s code and name.</source>
        <translation>Enter at least the office&apos;s code and name.</translation>
    </message>
    <message>
        <source>Adding office %1…</source>
        <translation>Adding office %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::PracticeCitizensDialog</name>
    <message>
        <source>Practice citizens</source>
        <translation>Practice citizens</translation>
    </message>
    <message>
        <source>Invented people for practice: file their applications in training as you would a citizen&apos;s at the counter. Their ΑΦΜ numbers are valid.</source>
        <translation>Invented people for practice: file their applications in training as you would a citizen&apos;s at the counter. Their ΑΦΜ numbers are valid.</translation>
    </message>
    <message>
        <source>ΑΦΜ</source>
        <translation>ΑΦΜ</translation>
    </message>
    <message>
        <source>Name (Greek)</source>
        <translation>Name (Greek)</translation>
    </message>
    <message>
        <source>Name (Latin characters)</source>
        <translation>Name (Latin characters)</translation>
    </message>
    <message>
        <source>&amp;Practice citizens…</source>
        <translation>&amp;Practice citizens…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFinder</name>
    <message>
        <source>Find a procedure: Greek, English or Greeklish</source>
        <translation>Find a procedure: Greek, English or Greeklish</translation>
    </message>
    <message>
        <source>Search procedures</source>
        <translation>Search procedures</translation>
    </message>
    <message>
        <source>Filters as you type. Down and Up choose a result, Enter opens it.</source>
        <translation>Filters as you type. Down and Up choose a result, Enter opens it.</translation>
    </message>
    <message>
        <source>Procedures found</source>
        <translation>Procedures found</translation>
    </message>
    <message>
        <source>The catalogue has not reached this desk yet.</source>
        <translation>The catalogue has not reached this desk yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) in the catalogue.</source>
        <translation>
            <numerusform>%n procedure in the catalogue.</numerusform>
            <numerusform>%n procedures in the catalogue.</numerusform>
        </translation>
    </message>
    <message>
        <source>No procedure matches.</source>
        <translation>No procedure matches.</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) found.</source>
        <translation>
            <numerusform>%n procedure found.</numerusform>
            <numerusform>%n procedures found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFlagDialog</name>
    <message>
        <source>Procedure %1: %2</source>
        <translation>Procedure %1: %2</translation>
    </message>
    <message>
        <source>Say what is wrong with the entry.</source>
        <translation>Say what is wrong with the entry.</translation>
    </message>
    <message>
        <source>The flag could not be kept on this desk: %1</source>
        <translation>The flag could not be kept on this desk: %1</translation>
    </message>
    <message>
        <source>Report a problem with the procedure</source>
        <translation>Report a problem with the procedure</translation>
    </message>
    <message>
        <source>Outdated fee</source>
        <translation>Outdated fee</translation>
    </message>
    <message>
        <source>Missing document</source>
        <translation>Missing document</translation>
    </message>
    <message>
        <source>Wrong authority</source>
        <translation>Wrong authority</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>&amp;What is wrong:</source>
        <translation>&amp;What is wrong:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Send to the central administration</source>
        <translation>&amp;Send to the central administration</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureFlagEntry</name>
    <message>
        <source>&amp;Report a problem with the procedure…</source>
        <translation>&amp;Report a problem with the procedure…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureHtml</name>
    <message>
        <source>Procedure %1, version %2</source>
        <translation>Procedure %1, version %2</translation>
    </message>
    <message>
        <source>Also served by video call (myKEPlive)</source>
        <translation>Also served by video call (myKEPlive)</translation>
    </message>
    <message>
        <source>Not offered at KEPs</source>
        <translation>Not offered at KEPs</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Eligibility conditions</source>
        <translation>Eligibility conditions</translation>
    </message>
    <message>
        <source>No special conditions.</source>
        <translation>No special conditions.</translation>
    </message>
    <message>
        <source>or instead condition %1</source>
        <translation>or instead condition %1</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>Required documents</translation>
    </message>
    <message>
        <source>No documents are required.</source>
        <translation>No documents are required.</translation>
    </message>
    <message>
        <source>Alternative: may replace document %1</source>
        <translation>Alternative: may replace document %1</translation>
    </message>
    <message>
        <source>Conditional:</source>
        <translation>Conditional:</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>No fee.</source>
        <translation>No fee.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>amount not stated</source>
        <translation>amount not stated</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Statutory deadline</source>
        <translation>Statutory deadline</translation>
    </message>
    <message>
        <source>Not set by the register.</source>
        <translation>Not set by the register.</translation>
    </message>
    <message>
        <source>Valid for %1</source>
        <translation>Valid for %1</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Not stated.</source>
        <translation>Not stated.</translation>
    </message>
    <message>
        <source>article %1</source>
        <translation>article %1</translation>
    </message>
    <message>
        <source>ADA %1</source>
        <translation>ADA %1</translation>
    </message>
    <message>
        <source>Competent authority</source>
        <translation>Competent authority</translation>
    </message>
    <message>
        <source>Cases are forwarded to authority %1.</source>
        <translation>Cases are forwarded to authority %1.</translation>
    </message>
    <message>
        <source>Cases need the office manager&apos;s approval before forwarding.</source>
        <translation>Cases need the office manager&apos;s approval before forwarding.</translation>
    </message>
    <message>
        <source>Cases are forwarded without the office manager&apos;s approval.</source>
        <translation>Cases are forwarded without the office manager&apos;s approval.</translation>
    </message>
    <message>
        <source>Remote service (myKEPlive)</source>
        <translation>Remote service (myKEPlive)</translation>
    </message>
    <message>
        <source>Yes: the citizen can be served by video call.</source>
        <translation>Yes: the citizen can be served by video call.</translation>
    </message>
    <message>
        <source>No: at the counter only.</source>
        <translation>No: at the counter only.</translation>
    </message>
    <message>
        <source>What changed from version %1 to %2</source>
        <translation>What changed from version %1 to %2</translation>
    </message>
    <message>
        <source>Nothing the desk shows has changed.</source>
        <translation>Nothing the desk shows has changed.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProcedureView</name>
    <message>
        <source>Find a procedure and press Enter to see it here.</source>
        <translation>Find a procedure and press Enter to see it here.</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>&amp;Procedure</translation>
    </message>
    <message>
        <source>What &amp;changed</source>
        <translation>What &amp;changed</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Procedure details</source>
        <translation>Procedure details</translation>
    </message>
    <message>
        <source>What changed since the previous version</source>
        <translation>What changed since the previous version</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ProtocolStockIndicator</name>
    <message>
        <source>No protocol numbers left: connect to the server</source>
        <translation>No protocol numbers left: connect to the server</translation>
    </message>
    <message numerus="yes">
        <source>Protocol numbers running low: %n left</source>
        <translation>
            <numerusform>Protocol numbers running low: %n left</numerusform>
            <numerusform>Protocol numbers running low: %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol numbers: %n left</source>
        <translation>
            <numerusform>Protocol numbers: %n left</numerusform>
            <numerusform>Protocol numbers: %n left</numerusform>
        </translation>
    </message>
    <message>
        <source>Protocol numbers</source>
        <translation>Protocol numbers</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ReceiptLanguageChoice</name>
    <message>
        <source>Receipt language</source>
        <translation>Receipt language</translation>
    </message>
    <message>
        <source>The language of the citizen&apos;s receipt and missing-documents slip, whatever the language of the screen.</source>
        <translation>The language of the citizen&apos;s receipt and missing-documents slip, whatever the language of the screen.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::RegionOfficeTables</name>
    <message>
        <source>%1 · lagging</source>
        <translation>%1 · lagging</translation>
    </message>
    <message>
        <source>%1 %2 (%3): last synced %4 ago</source>
        <translation>%1 %2 (%3): last synced %4 ago</translation>
    </message>
    <message>
        <source>Every office&apos;s desks synced within the last 30 minutes.</source>
        <translation>Every office&apos;s desks synced within the last 30 minutes.</translation>
    </message>
    <message>
        <source>By re&amp;gion (Enter shows a region&apos;s offices)</source>
        <translation>By re&amp;gion (Enter shows a region&apos;s offices)</translation>
    </message>
    <message>
        <source>By &amp;office</source>
        <translation>By &amp;office</translation>
    </message>
    <message>
        <source>Offices whose desks &amp;lag in sync (over 30 minutes)</source>
        <translation>Offices whose desks &amp;lag in sync (over 30 minutes)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Lagging offices</source>
        <translation>Lagging offices</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Median time</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Within deadline</translation>
    </message>
    <message>
        <source>Sync lag</source>
        <translation>Sync lag</translation>
    </message>
    <message>
        <source>Figures by region</source>
        <translation>Figures by region</translation>
    </message>
    <message>
        <source>Figures by office</source>
        <translation>Figures by office</translation>
    </message>
    <message>
        <source>Offices whose desks lag in sync</source>
        <translation>Offices whose desks lag in sync</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it.</source>
        <translation>Click a column heading to sort by it.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::ScanDialog</name>
    <message>
        <source>Scan a document — KEP Desk</source>
        <translation>Scan a document — KEP Desk</translation>
    </message>
    <message>
        <source>Scann&amp;er:</source>
        <translation>Scann&amp;er:</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>&amp;Find scanners</source>
        <translation>&amp;Find scanners</translation>
    </message>
    <message>
        <source>Find scanners</source>
        <translation>Find scanners</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolution:</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;olour:</translation>
    </message>
    <message>
        <source>Colour mode</source>
        <translation>Colour mode</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>&amp;Pages to scan:</source>
        <translation>&amp;Pages to scan:</translation>
    </message>
    <message>
        <source>Pages to scan</source>
        <translation>Pages to scan</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Scan</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Stop scanning</translation>
    </message>
    <message>
        <source>Scanning progress</source>
        <translation>Scanning progress</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation>Remove page</translation>
    </message>
    <message>
        <source>Re&amp;move page</source>
        <translation>Re&amp;move page</translation>
    </message>
    <message>
        <source>Remove the selected page</source>
        <translation>Remove the selected page</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Attach</translation>
    </message>
    <message>
        <source>Attach the scanned pages</source>
        <translation>Attach the scanned pages</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close without attaching</source>
        <translation>Close without attaching</translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No scanner found. Check that the scanner is connected and switched on, then press Find scanners.</source>
        <translation>No scanner found. Check that the scanner is connected and switched on, then press Find scanners.</translation>
    </message>
    <message>
        <source>Scanning page %1 of %2…</source>
        <translation>Scanning page %1 of %2…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) scanned. Check them, then press Attach.</source>
        <translation>
            <numerusform>%n page scanned. Check it, then press Attach.</numerusform>
            <numerusform>%n pages scanned. Check them, then press Attach.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 The %n page(s) scanned before it are kept.</source>
        <translation>
            <numerusform>%1 The %n page scanned before it is kept.</numerusform>
            <numerusform>%1 The %n pages scanned before it are kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1 removed.</source>
        <translation>Page %1 removed.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Scanned page %1 of %2</source>
        <translation>Scanned page %1 of %2</translation>
    </message>
    <message>
        <source>Scan at least one page first.</source>
        <translation>Scan at least one page first.</translation>
    </message>
    <message>
        <source>The scanner cannot be found. Check that it is connected and switched on, then press Find scanners.</source>
        <translation>The scanner cannot be found. Check that it is connected and switched on, then press Find scanners.</translation>
    </message>
    <message>
        <source>The scanner is busy with another program. Wait for it to finish and try again.</source>
        <translation>The scanner is busy with another program. Wait for it to finish and try again.</translation>
    </message>
    <message>
        <source>The paper is jammed in the scanner. Remove the paper and scan again.</source>
        <translation>The paper is jammed in the scanner. Remove the paper and scan again.</translation>
    </message>
    <message>
        <source>The document feeder is empty. Put the pages in the feeder and scan again.</source>
        <translation>The document feeder is empty. Put the pages in the feeder and scan again.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it and scan again.</source>
        <translation>The scanner&apos;s cover is open. Close it and scan again.</translation>
    </message>
    <message>
        <source>This computer&apos;s user may not use the scanner. Ask IT for access.</source>
        <translation>This computer&apos;s user may not use the scanner. Ask IT for access.</translation>
    </message>
    <message>
        <source>Scanning stopped.</source>
        <translation>Scanning stopped.</translation>
    </message>
    <message>
        <source>The scanner sends images the desk cannot read. Choose Grey or Colour and try again.</source>
        <translation>The scanner sends images the desk cannot read. Choose Grey or Colour and try again.</translation>
    </message>
    <message>
        <source>The scanner reported an error. Switch it off and on again, then scan again.</source>
        <translation>The scanner reported an error. Switch it off and on again, then scan again.</translation>
    </message>
    <message>
        <source>The scanned document is larger than %1 MB. Scan at a lower resolution or in grey, or split it into two attachments.</source>
        <translation>The scanned document is larger than %1 MB. Scan at a lower resolution or in grey, or split it into two attachments.</translation>
    </message>
    <message>
        <source>The scanned document could not be saved on this computer. Check the free disk space and try again.</source>
        <translation>The scanned document could not be saved on this computer. Check the free disk space and try again.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SignInDialog</name>
    <message>
        <source>Sign in — KEP Desk</source>
        <translation>Sign in — KEP Desk</translation>
    </message>
    <message>
        <source>Sign in to KEP Desk</source>
        <translation>Sign in to KEP Desk</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Server connection</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Checking the connection to the server…</source>
        <translation>Checking the connection to the server…</translation>
    </message>
    <message>
        <source>Server online</source>
        <translation>Server online</translation>
    </message>
    <message>
        <source>Server online (version %1)</source>
        <translation>Server online (version %1)</translation>
    </message>
    <message>
        <source>The username or the password is not correct.</source>
        <translation>The username or the password is not correct.</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many sign-in attempts. Try again in %n minute.</numerusform>
            <numerusform>Too many sign-in attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many sign-in attempts. Try again in %n second.</numerusform>
            <numerusform>Too many sign-in attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and try again.</source>
        <translation>The server cannot be reached. Check the network connection and try again.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1).</source>
        <translation>The server refused the sign-in (%1).</translation>
    </message>
    <message>
        <source>The server gave an answer the desk cannot read. Please tell IT support.</source>
        <translation>The server gave an answer the desk cannot read. Please tell IT support.</translation>
    </message>
    <message>
        <source>Enter your username and your password.</source>
        <translation>Enter your username and your password.</translation>
    </message>
    <message>
        <source>Sign in offline</source>
        <translation>Sign in offline</translation>
    </message>
    <message numerus="yes">
        <source>Offline mode: the server cannot be reached. Users who signed in online on this desk in the last %n day(s) can sign in with the same password.</source>
        <translation>
            <numerusform>Offline mode: the server cannot be reached. Users who signed in online on this desk in the last %n day can sign in with the same password.</numerusform>
            <numerusform>Offline mode: the server cannot be reached. Users who signed in online on this desk in the last %n days can sign in with the same password.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline sign-in is not possible with this username and password. Only users who signed in online on this desk can sign in offline, with the same password.</source>
        <translation>Offline sign-in is not possible with this username and password. Only users who signed in online on this desk can sign in offline, with the same password.</translation>
    </message>
    <message numerus="yes">
        <source>Offline sign-in has expired: the last online sign-in on this desk was on %1, and offline sign-in lasts %n day(s). Sign in when the server can be reached.</source>
        <translation>
            <numerusform>Offline sign-in has expired: the last online sign-in on this desk was on %1, and offline sign-in lasts %n day. Sign in when the server can be reached.</numerusform>
            <numerusform>Offline sign-in has expired: the last online sign-in on this desk was on %1, and offline sign-in lasts %n days. Sign in when the server can be reached.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s clock is earlier than the last online sign-in (%1), so offline sign-in is refused. Please tell IT support.</source>
        <translation>This computer&apos;s clock is earlier than the last online sign-in (%1), so offline sign-in is refused. Please tell IT support.</translation>
    </message>
    <message>
        <source>&amp;Training mode</source>
        <translation>&amp;Training mode</translation>
    </message>
    <message>
        <source>Restarts the desk on practice data, apart from real cases and the server.</source>
        <translation>Restarts the desk on practice data, apart from real cases and the server.</translation>
    </message>
    <message>
        <source>&amp;Reset training data…</source>
        <translation>&amp;Reset training data…</translation>
    </message>
    <message>
        <source>Reset training data</source>
        <translation>Reset training data</translation>
    </message>
    <message>
        <source>Restore the training data to how it was shipped? Every practice case, draft and receipt of training mode is deleted, and the desk starts again.</source>
        <translation>Restore the training data to how it was shipped? Every practice case, draft and receipt of training mode is deleted, and the desk starts again.</translation>
    </message>
    <message>
        <source>Training mode: practice data only; nothing reaches the server. Sign in with a training account:</source>
        <translation>Training mode: practice data only; nothing reaches the server. Sign in with a training account:</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncControls</name>
    <message>
        <source>The server did not take a change as it was: see Synchronisation (Ctrl+Shift+Y)</source>
        <translation>The server did not take a change as it was: see Synchronisation (Ctrl+Shift+Y)</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncIndicator</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <comment>changes waiting to be sent</comment>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet synchronised</source>
        <translation>not yet synchronised</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <source>Synchronisation status</source>
        <translation>Synchronisation status</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <comment>open conflicts in the inbox</comment>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%n needing attention</numerusform>
            <numerusform>%n needing attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::SyncPanel</name>
    <message>
        <source>Export stuck ops</source>
        <translation>Export stuck ops</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>sending changes</source>
        <translation>sending changes</translation>
    </message>
    <message>
        <source>receiving changes</source>
        <translation>receiving changes</translation>
    </message>
    <message>
        <source>waiting to retry at %1</source>
        <translation>waiting to retry at %1</translation>
    </message>
    <message>
        <source>State: %1 · %2</source>
        <translation>State: %1 · %2</translation>
    </message>
    <message>
        <source>live updates on</source>
        <translation>live updates on</translation>
    </message>
    <message>
        <source>live updates off</source>
        <translation>live updates off</translation>
    </message>
    <message>
        <source>Nothing waits to be sent</source>
        <translation>Nothing waits to be sent</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent, the oldest for %1</source>
        <translation>
            <numerusform>%n change waiting to be sent, the oldest for %1</numerusform>
            <numerusform>%n changes waiting to be sent, the oldest for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last push: %1</source>
        <translation>Last push: %1</translation>
    </message>
    <message>
        <source>Last pull: %1</source>
        <translation>Last pull: %1</translation>
    </message>
    <message>
        <source>Up to date as of %1</source>
        <translation>Up to date as of %1</translation>
    </message>
    <message>
        <source>Not yet up to date</source>
        <translation>Not yet up to date</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>No errors</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes needing attention (%n)</source>
        <translation>
            <numerusform>Changes needing attention (%n)</numerusform>
            <numerusform>Changes needing attention (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n op(s) to %1</source>
        <translation>
            <numerusform>Exported %n op to %1</numerusform>
            <numerusform>Exported %n ops to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Export stuck ops…</source>
        <translation>Export stuck ops…</translation>
    </message>
    <message>
        <source>&amp;Sync now (F9)</source>
        <translation>&amp;Sync now (F9)</translation>
    </message>
    <message>
        <source>&amp;Export stuck ops…</source>
        <translation>&amp;Export stuck ops…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Server&apos;s reason</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Changes needing attention</source>
        <translation>Changes needing attention</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::TrainingDesk</name>
    <message>
        <source>office manager</source>
        <translation>office manager</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::TrainingWatermark</name>
    <message>
        <source>Training mode: practice data only. Nothing done in this window reaches the server or a real case.</source>
        <translation>Training mode: practice data only. Nothing done in this window reaches the server or a real case.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::UnreadCircularsDialog</name>
    <message>
        <source>Central administration</source>
        <translation>Central administration</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <source>Unread circulars</source>
        <translation>Unread circulars</translation>
    </message>
    <message>
        <source>The central administration has sent circulars you have not read. Read each and mark it read; &quot;Later&quot; shows them again at your next sign-in.</source>
        <translation>The central administration has sent circulars you have not read. Read each and mark it read; &quot;Later&quot; shows them again at your next sign-in.</translation>
    </message>
    <message>
        <source>&amp;Mark read</source>
        <translation>&amp;Mark read</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Circular text</source>
        <translation>Circular text</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::UsersDialog</name>
    <message>
        <source>User %1 added.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Users — KEP Desk</source>
        <translation>Users — KEP Desk</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Users of the office</source>
        <translation>Users of the office</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>New user&apos;s username</source>
        <translation>New user&apos;s username</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>New user&apos;s full name</source>
        <translation>New user&apos;s full name</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>New user&apos;s role</source>
        <translation>New user&apos;s role</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <source>New user&apos;s initial password</source>
        <translation>New user&apos;s initial password</translation>
    </message>
    <message>
        <source>12 to 128 characters</source>
        <translation>12 to 128 characters</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Add user</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Enabling %1…</source>
        <translation>Enabling %1…</translation>
    </message>
    <message>
        <source>Disabling %1…</source>
        <translation>Disabling %1…</translation>
    </message>
    <message>
        <source>Enter the username, the full name and an initial password.</source>
        <translation>Enter the username, the full name and an initial password.</translation>
    </message>
    <message>
        <source>Choose the office first.</source>
        <translation>Choose the office first.</translation>
    </message>
    <message>
        <source>Adding user %1…</source>
        <translation>Adding user %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkQueuesPage</name>
    <message>
        <source>%1: the first %2 of %3</source>
        <translation>%1: the first %2 of %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case(s)</source>
        <translation>
            <numerusform>%1: %n case</numerusform>
            <numerusform>%1: %n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>My cases</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>Due within %n working day</numerusform>
            <numerusform>Due within %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Awaiting the citizen</source>
        <translation>Awaiting the citizen</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>&amp;Work queues</source>
        <translation>&amp;Work queues</translation>
    </message>
    <message>
        <source>Work queues</source>
        <translation>Work queues</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Office: submitted cases</source>
        <translation>Office: submitted cases</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
    <message>
        <source>Ready to forward</source>
        <translation>Ready to forward</translation>
    </message>
    <message>
        <source>Up and Down choose a queue, Enter goes to its cases. Ctrl+1 to Ctrl+7 from anywhere.</source>
        <translation>Up and Down choose a queue, Enter goes to its cases. Ctrl+1 to Ctrl+7 from anywhere.</translation>
    </message>
    <message>
        <source>Forwar&amp;d to the competent authority (Ctrl+Shift+Enter)</source>
        <translation>Forwar&amp;d to the competent authority (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Forward the case to the competent authority</source>
        <translation>Forward the case to the competent authority</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkQueuesTable</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Returned to the clerk</source>
        <translation>Returned to the clerk</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Forwarded to the authority</source>
        <translation>Forwarded to the authority</translation>
    </message>
    <message>
        <source>In progress at the authority</source>
        <translation>In progress at the authority</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Ready for pickup</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · overdue</translation>
    </message>
    <message>
        <source>%1 · clock stopped</source>
        <translation>%1 · clock stopped</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Protocol number</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Up and Down choose a case, Enter opens it.</source>
        <translation>Up and Down choose a case, Enter opens it.</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Remote (myKEPlive)</source>
        <translation>Remote (myKEPlive)</translation>
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
        <translation>Channel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkloadTable</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Filed this month</source>
        <translation>Filed this month</translation>
    </message>
    <message>
        <source>Workload per person, alphabetical</source>
        <translation>Workload per person, alphabetical</translation>
    </message>
    <message>
        <source>Left and Right choose open cases or filed this month, Enter lists those cases.</source>
        <translation>Left and Right choose open cases or filed this month, Enter lists those cases.</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::WorkstationsDialog</name>
    <message>
        <source>Asking the server for a code…</source>
        <translation>Asking the server for a code…</translation>
    </message>
    <message>
        <source>The workstation is revoked: it can no longer reach the server.</source>
        <translation>The workstation is revoked: it can no longer reach the server.</translation>
    </message>
    <message>
        <source>Workstations of office %1 — KEP Desk</source>
        <translation>Workstations of office %1 — KEP Desk</translation>
    </message>
    <message>
        <source>&amp;Issue an enrolment code</source>
        <translation>&amp;Issue an enrolment code</translation>
    </message>
    <message>
        <source>Issue an enrolment code</source>
        <translation>Issue an enrolment code</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Enter this code on the new workstation. It works once, until %1.</source>
        <translation>Enter this code on the new workstation. It works once, until %1.</translation>
    </message>
    <message>
        <source>A new counter PC of the office needs a one-time code to enrol.</source>
        <translation>A new counter PC of the office needs a one-time code to enrol.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Workstations of the office</source>
        <translation>Workstations of the office</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Revoke</translation>
    </message>
    <message>
        <source>Revoke the selected workstation</source>
        <translation>Revoke the selected workstation</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Revoked on %1</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Revoke the workstation %1? It will stop working within minutes and must be enrolled again with a new code.</source>
        <translation>Revoke the workstation %1? It will stop working within minutes and must be enrolled again with a new code.</translation>
    </message>
    <message>
        <source>Revoking %1…</source>
        <translation>Revoking %1…</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::help::HelpController</name>
    <message>
        <source>&amp;Help for this screen</source>
        <translation>&amp;Help for this screen</translation>
    </message>
</context>
<context>
    <name>kep::desk::ui::help::HelpViewer</name>
    <message>
        <source>This screen has no help page. Please tell IT support.</source>
        <translation>This screen has no help page. Please tell IT support.</translation>
    </message>
    <message>
        <source>The help page &quot;%1&quot; is missing from this installation. Please tell IT support.</source>
        <translation>The help page &quot;%1&quot; is missing from this installation. Please tell IT support.</translation>
    </message>
    <message>
        <source>Help — KEP Desk</source>
        <translation>Help — KEP Desk</translation>
    </message>
    <message>
        <source>Help: %1 — KEP Desk</source>
        <translation>Help: %1 — KEP Desk</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Help text</translation>
    </message>
    <message>
        <source>The arrow keys and Page Up or Page Down scroll the text; Esc closes the help.</source>
        <translation>The arrow keys and Page Up or Page Down scroll the text; Esc closes the help.</translation>
    </message>
    <message>
        <source>Close the help</source>
        <translation>Close the help</translation>
    </message>
</context>
</TS>
