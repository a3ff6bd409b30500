<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
<context>
    <name>AcquisitionDialog</name>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="33"/>
        <source>How were these files obtained?</source>
        <translation>Cum au fost obținute aceste fișiere?</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="35"/>
        <source>Date and time known</source>
        <translation>Data și ora sunt cunoscute</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="40"/>
        <source>Acquired at</source>
        <translation>Obținut la</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="43"/>
        <source>Acquired by</source>
        <translation>Obținut de</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="45"/>
        <source>Acquired from</source>
        <translation>Obținut de la</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="47"/>
        <source>Acquired from person</source>
        <translation>Obținut de la persoana</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="48"/>
        <source>(no person in this case)</source>
        <translation>(nicio persoană din acest caz)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="52"/>
        <source>Location</source>
        <translation>Locul</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="54"/>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="55"/>
        <source>e.g. handed over on USB, screenshot</source>
        <translation>de ex. predat pe stick USB, captură de ecran</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="57"/>
        <source>Tool</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="59"/>
        <source>Tool version</source>
        <translation>Versiunea instrumentului</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="61"/>
        <source>Source URL</source>
        <translation>Adresa URL a sursei</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="63"/>
        <source>Kind of evidence</source>
        <translation>Tipul probei</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="64"/>
        <source>e.g. photo, chat export, contract</source>
        <translation>de ex. fotografie, export de conversație, contract</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="68"/>
        <source>&amp;When:</source>
        <translation>&amp;Când:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="69"/>
        <source>&amp;By:</source>
        <translation>&amp;De către:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="70"/>
        <source>&amp;From (person or body):</source>
        <translation>De &amp;la (persoană sau instituție):</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="71"/>
        <source>From &amp;person in case:</source>
        <translation>De la &amp;persoana din caz:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="72"/>
        <source>&amp;Where:</source>
        <translation>&amp;Unde:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="73"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metoda:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="74"/>
        <source>&amp;Tool:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="75"/>
        <source>Tool &amp;version:</source>
        <translation>&amp;Versiunea instrumentului:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="76"/>
        <source>Source &amp;URL:</source>
        <translation>Adresa &amp;URL a sursei:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="77"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tip:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="81"/>
        <source>Add to the vault</source>
        <translation>Adaugă în seif</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/acquisition_dialog.py" line="87"/>
        <source>%n file(s) will be encrypted into the vault unchanged.</source>
        <translation>
            <numerusform>%n fișier va fi criptat în seif, nemodificat.</numerusform>
            <numerusform>%n fișiere vor fi criptate în seif, nemodificate.</numerusform>
            <numerusform>%n de fișiere vor fi criptate în seif, nemodificate.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="36"/>
        <source>Add person</source>
        <translation>Adaugă o persoană</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="39"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="43"/>
        <source>Pseudonym</source>
        <translation>Pseudonim</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="44"/>
        <source>e.g. Witness A</source>
        <translation>de ex. Martorul A</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="46"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="51"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="52"/>
        <source>&amp;Pseudonym:</source>
        <translation>&amp;Pseudonim:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="53"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="55"/>
        <source>Protected identity (revealed only with a reason)</source>
        <translation>Identitate protejată (dezvăluită doar cu un motiv)</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="37"/>
        <source>Add a user</source>
        <translation>Adaugă un utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="41"/>
        <source>The new user opens the vault with their own passphrase. Let them type it themselves; nobody else needs to know it.</source>
        <translation>Noul utilizator deschide seiful cu propria frază de acces. Lasă-l să o tasteze singur; nimeni altcineva nu trebuie să o cunoască.</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="47"/>
        <source>User name</source>
        <translation>Nume de utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="50"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="52"/>
        <source>Lawyer</source>
        <translation>Avocat</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="53"/>
        <source>Investigator</source>
        <translation>Investigator</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="54"/>
        <source>Social worker</source>
        <translation>Asistent social</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="55"/>
        <source>Interpreter</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="56"/>
        <source>Coordinator</source>
        <translation>Coordonator</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="57"/>
        <source>Other</source>
        <translation>Altul</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="62"/>
        <source>Organisation</source>
        <translation>Organizația</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="66"/>
        <source>Passphrase of the new user</source>
        <translation>Fraza de acces a noului utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="67"/>
        <source>Confirm the passphrase</source>
        <translation>Confirmă fraza de acces</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="75"/>
        <source>Adding the user</source>
        <translation>Se adaugă utilizatorul</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="79"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nume de utilizator:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="80"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="81"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organizația:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="82"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Fraza de acces:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="83"/>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmare:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="108"/>
        <source>Enter the new user&apos;s name.</source>
        <translation>Introdu numele noului utilizator.</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="30"/>
        <source>Add an addendum</source>
        <translation>Adaugă un addendum</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="33"/>
        <source>Reason for the addendum</source>
        <translation>Motivul addendumului</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="35"/>
        <source>Addendum text</source>
        <translation>Textul addendumului</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="40"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motiv:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="41"/>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="49"/>
        <source>An addendum is permanent once added; it cannot be edited.</source>
        <translation>Un addendum este definitiv după adăugare; nu mai poate fi modificat.</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="45"/>
        <source>Action begins with… (e.g. case.)</source>
        <translation>Acțiunea începe cu… (de ex. case.)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="46"/>
        <source>Filter by action</source>
        <translation>Filtrează după acțiune</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="48"/>
        <source>Subject id</source>
        <translation>ID-ul subiectului</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="49"/>
        <source>Filter by subject id</source>
        <translation>Filtrează după ID-ul subiectului</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="52"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrează</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="53"/>
        <source>Apply the filter</source>
        <translation>Aplică filtrul</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="55"/>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verifică lanțul</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="56"/>
        <source>Verify the audit chain</source>
        <translation>Verifică lanțul jurnalului de audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="59"/>
        <source>Verification progress</source>
        <translation>Progresul verificării</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="63"/>
        <source>Verification result</source>
        <translation>Rezultatul verificării</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="68"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="69"/>
        <source>When (UTC)</source>
        <translation>Când (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="70"/>
        <source>Who</source>
        <translation>Cine</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="71"/>
        <source>Action</source>
        <translation>Acțiune</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="72"/>
        <source>Subject</source>
        <translation>Subiect</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="75"/>
        <source>Audit entries</source>
        <translation>Înregistrări de audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="86"/>
        <source>Entry details</source>
        <translation>Detaliile înregistrării</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="136"/>
        <source>Entry hash: %1</source>
        <translation>Hash-ul înregistrării: %1</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="150"/>
        <source>Verifying the audit chain…</source>
        <translation>Se verifică lanțul de audit…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audit/audit_log_view.py" line="162"/>
        <source>The audit chain is intact: %n entries verified.</source>
        <translation>
            <numerusform>Lanțul de audit este intact: %n înregistrare verificată.</numerusform>
            <numerusform>Lanțul de audit este intact: %n înregistrări verificate.</numerusform>
            <numerusform>Lanțul de audit este intact: %n de înregistrări verificate.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="169"/>
        <source>The audit chain is BROKEN: the first bad entry is number %1.</source>
        <translation>Lanțul de audit este COMPROMIS: prima înregistrare greșită are numărul %1.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="67"/>
        <location filename="../../ui/backup/backup_dialog.py" line="69"/>
        <source>Back up the vault</source>
        <translation>Copie de siguranță a seifului</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="72"/>
        <source>Choose a folder on an external drive or a shared folder. The backup stays encrypted: it opens only with a passphrase or the recovery key. A second backup to the same folder copies only what is new.</source>
        <translation>Alegeți un dosar pe o unitate externă sau un dosar partajat. Copia de siguranță rămâne criptată: se deschide doar cu o frază de acces sau cu cheia de recuperare. O a doua copie în același dosar copiază doar ce este nou.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="79"/>
        <source>Backup folder</source>
        <translation>Dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="83"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Răsfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="84"/>
        <location filename="../../ui/backup/backup_dialog.py" line="126"/>
        <source>Choose the backup folder</source>
        <translation>Alegeți dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="88"/>
        <source>Backup progress</source>
        <translation>Progresul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="92"/>
        <source>Backup status</source>
        <translation>Starea copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="98"/>
        <source>Back up &amp;to:</source>
        <translation>Copiază î&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="100"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Fă copia acum</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="101"/>
        <source>Start the backup</source>
        <translation>Pornește copia de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="105"/>
        <location filename="../../ui/backup/backup_dialog.py" line="106"/>
        <location filename="../../ui/backup/backup_dialog.py" line="158"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="146"/>
        <source>Choose a folder outside the vault, ideally on another drive.</source>
        <translation>Alegeți un dosar din afara seifului, ideal pe altă unitate.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="157"/>
        <source>Backing up…</source>
        <translation>Se face copia de siguranță…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="180"/>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="202"/>
        <source>Backup complete: %1 new evidence file(s) copied, %2 already there; %3 written.</source>
        <translation>Copie de siguranță încheiată: %1 fișier(e) de probă noi copiate, %2 existau deja; %3 scriși.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="217"/>
        <source>The previous backup in this folder is unchanged.</source>
        <translation>Copia de siguranță anterioară din acest dosar a rămas neschimbată.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="224"/>
        <source>Backup cancelled. The previous backup in this folder is unchanged.</source>
        <translation>Copia de siguranță a fost anulată. Copia anterioară din acest dosar a rămas neschimbată.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="232"/>
        <location filename="../../ui/backup/backup_dialog.py" line="233"/>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="40"/>
        <source>No backup yet</source>
        <translation>Nicio copie de siguranță încă</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="43"/>
        <source>today</source>
        <translation>azi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/backup_status.py" line="45"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>acum %n zi</numerusform>
            <numerusform>acum %n zile</numerusform>
            <numerusform>acum %n de zile</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="47"/>
        <source>Last backup: %1 (%2)</source>
        <translation>Ultima copie de siguranță: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="55"/>
        <source>This vault has never been backed up. If this computer is lost, stolen or broken, everything in it is lost too.</source>
        <translation>Pentru acest seif nu s-a făcut niciodată o copie de siguranță. Dacă acest calculator este pierdut, furat sau stricat, tot ce conține se pierde și el.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/backup_status.py" line="61"/>
        <source>The last backup is %n day(s) old. Back up now so that a lost or broken computer does not take the only copy with it.</source>
        <translation>
            <numerusform>Ultima copie de siguranță are %n zi. Faceți acum o copie, ca un calculator pierdut sau stricat să nu ia cu el singurul exemplar.</numerusform>
            <numerusform>Ultima copie de siguranță are %n zile. Faceți acum o copie, ca un calculator pierdut sau stricat să nu ia cu el singurul exemplar.</numerusform>
            <numerusform>Ultima copie de siguranță are %n de zile. Faceți acum o copie, ca un calculator pierdut sau stricat să nu ia cu el singurul exemplar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="40"/>
        <source>Record a break</source>
        <translation>Înregistrarea unei pauze</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="46"/>
        <source>Break started at</source>
        <translation>Începutul pauzei</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="47"/>
        <source>The break has &amp;ended</source>
        <translation>Pauza s-a înch&amp;eiat</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="52"/>
        <source>Break ended at</source>
        <translation>Sfârșitul pauzei</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="55"/>
        <source>Reason for the break</source>
        <translation>Motivul pauzei</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="56"/>
        <source>e.g. the interviewee asked to rest</source>
        <translation>de ex. persoana intervievată a cerut să se odihnească</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="60"/>
        <source>&amp;Started:</source>
        <translation>Î&amp;nceput:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="62"/>
        <source>E&amp;nded:</source>
        <translation>Înch&amp;eiată la:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="63"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motiv:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="82"/>
        <source>The break cannot end before it started.</source>
        <translation>Pauza nu se poate încheia înainte de a începe.</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="50"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="51"/>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="52"/>
        <source>Yes</source>
        <translation>Da</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="53"/>
        <source>No</source>
        <translation>Nu</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="52"/>
        <source>Filter cases…</source>
        <translation>Filtrează cazurile…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="53"/>
        <source>Filter cases</source>
        <translation>Filtrează cazurile</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="57"/>
        <source>Case status</source>
        <translation>Starea cazului</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="58"/>
        <source>Open cases</source>
        <translation>Cazuri deschise</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="59"/>
        <source>Closed cases</source>
        <translation>Cazuri închise</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="60"/>
        <source>All cases</source>
        <translation>Toate cazurile</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="63"/>
        <source>Cases</source>
        <translation>Cazuri</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="66"/>
        <source>&amp;New case…</source>
        <translation>Caz &amp;nou…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="67"/>
        <source>Create a new case</source>
        <translation>Creează un caz nou</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="131"/>
        <source>%1 people, %2 statements, %3 evidence items</source>
        <translation>%1 persoane, %2 declarații, %3 probe</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="45"/>
        <source>E&amp;xport bundle…</source>
        <translation>E&amp;xportă pachetul…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="47"/>
        <source>Export this case as a signed bundle for a recipient</source>
        <translation>Exportă acest caz ca pachet semnat pentru un destinatar</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="67"/>
        <source>Case sections</source>
        <translation>Secțiunile cazului</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="68"/>
        <source>&amp;Overview</source>
        <translation>&amp;Prezentare</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="69"/>
        <source>&amp;People</source>
        <translation>P&amp;ersoane</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="70"/>
        <source>Co&amp;nsent</source>
        <translation>&amp;Consimțământ</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="71"/>
        <source>&amp;Interviews &amp;&amp; statements</source>
        <translation>&amp;Interviuri și declarații</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="72"/>
        <source>E&amp;vidence</source>
        <translation>Pro&amp;be</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="73"/>
        <source>En&amp;tities</source>
        <translation>En&amp;tități</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="34"/>
        <source>Change my passphrase</source>
        <translation>Schimbarea frazei mele de acces</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="38"/>
        <source>Changing the passphrase of %1. Type the current passphrase again first; the recovery key keeps working.</source>
        <translation>Se schimbă fraza de acces a utilizatorului %1. Tastează mai întâi din nou fraza de acces actuală; cheia de recuperare rămâne valabilă.</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="45"/>
        <source>Current passphrase</source>
        <translation>Fraza de acces actuală</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="48"/>
        <source>New passphrase</source>
        <translation>Fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="49"/>
        <source>Confirm the new passphrase</source>
        <translation>Confirmați fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="58"/>
        <source>Saving the new passphrase</source>
        <translation>Se salvează fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="62"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>Fraza &amp;actuală:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="63"/>
        <source>&amp;New passphrase:</source>
        <translation>Fraza de acces &amp;nouă:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="64"/>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmare:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="84"/>
        <source>Type your current passphrase.</source>
        <translation>Tastează fraza de acces actuală.</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="88"/>
        <source>The new passphrase is the same as the current one.</source>
        <translation>Noua frază de acces este identică cu cea actuală.</translation>
    </message>
</context>
<context>
    <name>CheckBackupDialog</name>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="46"/>
        <source>missing</source>
        <translation>lipsește</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="48"/>
        <source>content does not match the manifest (changed or damaged)</source>
        <translation>conținutul nu corespunde manifestului (modificat sau deteriorat)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="52"/>
        <source>not listed in the manifest</source>
        <translation>nu figurează în manifest</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="54"/>
        <source>the manifest&apos;s signature does not verify</source>
        <translation>semnătura manifestului nu se verifică</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="69"/>
        <location filename="../../ui/backup/check_backup_dialog.py" line="71"/>
        <source>Check a backup</source>
        <translation>Verifică o copie de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="74"/>
        <source>Reads every file of the newest backup in a folder and compares it with the backup&apos;s signed manifest. Nothing is restored or changed.</source>
        <translation>Citește fiecare fișier al celei mai noi copii de siguranță dintr-un dosar și îl compară cu manifestul semnat al copiei. Nimic nu este restaurat sau modificat.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="80"/>
        <source>Backup folder</source>
        <translation>Dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="84"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Răsfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="85"/>
        <location filename="../../ui/backup/check_backup_dialog.py" line="134"/>
        <source>Choose the backup folder</source>
        <translation>Alegeți dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="87"/>
        <source>C&amp;heck</source>
        <translation>&amp;Verifică</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="88"/>
        <source>Check the backup</source>
        <translation>Verifică copia de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="95"/>
        <source>Check progress</source>
        <translation>Progresul verificării</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="97"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="98"/>
        <source>Cancel the check</source>
        <translation>Anulează verificarea</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="103"/>
        <source>Check result</source>
        <translation>Rezultatul verificării</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="105"/>
        <source>Problems found</source>
        <translation>Probleme găsite</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="160"/>
        <source>Checking every file…</source>
        <translation>Se verifică fiecare fișier…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/check_backup_dialog.py" line="184"/>
        <source>The backup taken %1 is intact: %n file(s) checked.</source>
        <translation>
            <numerusform>Copia de siguranță din %1 este intactă: %n fișier verificat.</numerusform>
            <numerusform>Copia de siguranță din %1 este intactă: %n fișiere verificate.</numerusform>
            <numerusform>Copia de siguranță din %1 este intactă: %n de fișiere verificate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/check_backup_dialog.py" line="192"/>
        <source>The backup taken %1 is NOT intact: %n problem(s) found.</source>
        <translation>
            <numerusform>Copia de siguranță din %1 NU este intactă: %n problemă găsită.</numerusform>
            <numerusform>Copia de siguranță din %1 NU este intactă: %n probleme găsite.</numerusform>
            <numerusform>Copia de siguranță din %1 NU este intactă: %n de probleme găsite.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="212"/>
        <source>Check cancelled: no verdict.</source>
        <translation>Verificare anulată: niciun verdict.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="48"/>
        <source>Record withdrawal</source>
        <translation>Înregistrează retragerea</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="48"/>
        <source>Record consent</source>
        <translation>Înregistrează consimțământul</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="51"/>
        <source>Whose consent</source>
        <translation>Al cui consimțământ</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="52"/>
        <source>Whole case</source>
        <translation>Întregul caz</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="58"/>
        <source>Given at</source>
        <translation>Dat la</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="60"/>
        <source>Language</source>
        <translation>Limba</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="62"/>
        <source>Interpreter</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="64"/>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="68"/>
        <source>Witness</source>
        <translation>Martor</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="70"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="75"/>
        <source>&amp;Person:</source>
        <translation>&amp;Persoana:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="76"/>
        <source>&amp;Given at:</source>
        <translation>&amp;Dat la:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="77"/>
        <source>&amp;Language:</source>
        <translation>&amp;Limba:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="78"/>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Interpret:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="79"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metoda:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="80"/>
        <source>&amp;Witness:</source>
        <translation>&amp;Martor:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="81"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="83"/>
        <source>May be shared with</source>
        <translation>Poate fi comunicat către</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="103"/>
        <source>A withdrawal is a new version: nothing may be shared from then on.</source>
        <translation>O retragere este o versiune nouă: din acel moment nu mai poate fi comunicat nimic.</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="41"/>
        <source>Current consent</source>
        <translation>Consimțământul în vigoare</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="45"/>
        <source>Version</source>
        <translation>Versiunea</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="46"/>
        <source>Given</source>
        <translation>Dat</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="47"/>
        <source>Person</source>
        <translation>Persoana</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="48"/>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="49"/>
        <source>Language</source>
        <translation>Limba</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="50"/>
        <source>May be shared with</source>
        <translation>Poate fi comunicat către</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="53"/>
        <source>Consent versions</source>
        <translation>Versiunile consimțământului</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="60"/>
        <source>&amp;Record consent…</source>
        <translation>Înregist&amp;rează consimțământul…</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="61"/>
        <source>Record a new consent version</source>
        <translation>Înregistrează o versiune nouă a consimțământului</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="63"/>
        <source>Record &amp;withdrawal…</source>
        <translation>Înregistrează re&amp;tragerea…</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="64"/>
        <source>Record that consent was withdrawn</source>
        <translation>Înregistrează că s-a retras consimțământul</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="78"/>
        <source>WITHDRAWN: no one</source>
        <translation>RETRAS: nimănui</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="91"/>
        <source>whole case</source>
        <translation>întregul caz</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="100"/>
        <source>No consent recorded yet: nothing may be exported.</source>
        <translation>Niciun consimțământ înregistrat încă: nu se poate exporta nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="103"/>
        <source>In force: %1</source>
        <translation>În vigoare: %1</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="49"/>
        <source>Create a Custodia vault</source>
        <translation>Creează un seif Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="55"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Î&amp;napoi</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="56"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Înainte &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="57"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizează</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="62"/>
        <source>&amp;Verify a bundle…</source>
        <translation>&amp;Verifică un pachet…</translation>
    </message>
</context>
<context>
    <name>CustodyEventDialog</name>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="49"/>
        <source>Custody event for %1</source>
        <translation>Eveniment de custodie pentru %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="52"/>
        <source>Event</source>
        <translation>Eveniment</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="58"/>
        <source>When</source>
        <translation>Când</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="60"/>
        <source>Who</source>
        <translation>Cine</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="62"/>
        <source>From</source>
        <translation>De la</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="64"/>
        <source>To</source>
        <translation>Către</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="66"/>
        <source>Purpose</source>
        <translation>Scop</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="68"/>
        <source>Authority reference</source>
        <translation>Referința autorității</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="70"/>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="73"/>
        <source>&amp;Event:</source>
        <translation>&amp;Eveniment:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="74"/>
        <source>W&amp;hen:</source>
        <translation>&amp;Când:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="75"/>
        <source>&amp;Who:</source>
        <translation>C&amp;ine:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="76"/>
        <source>&amp;From:</source>
        <translation>De &amp;la:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="77"/>
        <source>&amp;To:</source>
        <translation>Că&amp;tre:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="78"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Scop:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="79"/>
        <source>&amp;Authority reference:</source>
        <translation>Referința &amp;autorității:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="80"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metoda:</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../ui/evidence/custody_timeline.py" line="16"/>
        <source>Chain of custody</source>
        <translation>Lanțul de custodie</translation>
    </message>
</context>
<context>
    <name>DescriptionDialog</name>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="30"/>
        <source>Describe %1</source>
        <translation>Descrierea probei %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="33"/>
        <source>Kind of evidence</source>
        <translation>Tipul probei</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="35"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="39"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tip:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="40"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="32"/>
        <source>Edit case %1</source>
        <translation>Modifică cazul %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="35"/>
        <source>Case title</source>
        <translation>Titlul cazului</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="37"/>
        <source>Jurisdiction</source>
        <translation>Jurisdicția</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="39"/>
        <source>Description</source>
        <translation>Descrierea</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="41"/>
        <source>Keep until a date</source>
        <translation>Se păstrează până la o dată</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="43"/>
        <source>Keep until</source>
        <translation>Se păstrează până la</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="55"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titlu:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="56"/>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Jurisdicție:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="57"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descriere:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="59"/>
        <source>&amp;Keep until:</source>
        <translation>Se &amp;păstrează până la:</translation>
    </message>
</context>
<context>
    <name>EditIdentityDialog</name>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="41"/>
        <source>Protected identity</source>
        <translation>Identitate protejată</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="44"/>
        <source>Identity of %1. This reveal was recorded in the audit log.</source>
        <translation>Identitatea persoanei %1. Această dezvăluire a fost înregistrată în jurnalul de audit.</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="46"/>
        <source>No identity is recorded for %1 yet.</source>
        <translation>Nu este încă înregistrată nicio identitate pentru %1.</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="36"/>
        <source>Edit person</source>
        <translation>Modificarea persoanei</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="39"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="44"/>
        <source>Pseudonym</source>
        <translation>Pseudonim</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="46"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="52"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="53"/>
        <source>&amp;Pseudonym:</source>
        <translation>&amp;Pseudonim:</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="54"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>EntitiesTab</name>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="46"/>
        <source>Kind of entity</source>
        <translation>Tipul entității</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="50"/>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Value</source>
        <translation>Valoare</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="51"/>
        <source>e.g. +40 712 345 678</source>
        <translation>de ex. +40 712 345 678</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="54"/>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Note</source>
        <translation>Notă</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="55"/>
        <source>Note (optional)</source>
        <translation>Notă (opțional)</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="56"/>
        <source>&amp;Add</source>
        <translation>&amp;Adaugă</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="57"/>
        <source>Add the entity to the case</source>
        <translation>Adaugă entitatea la caz</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Added</source>
        <translation>Adăugat</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="70"/>
        <source>Entities in the case</source>
        <translation>Entitățile din caz</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="79"/>
        <source>&amp;Remove from case…</source>
        <translation>&amp;Elimină din caz…</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="80"/>
        <source>Remove the chosen entity from the case</source>
        <translation>Elimină din caz entitatea aleasă</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="82"/>
        <source>For an entry made by mistake; the removal and its reason are audited.</source>
        <translation>Pentru o înregistrare făcută din greșeală; eliminarea și motivul ei sunt consemnate în jurnalul de audit.</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="94"/>
        <source>Links to other cases</source>
        <translation>Legături cu alte cazuri</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="100"/>
        <source>Also found in other cases</source>
        <translation>Apar și în alte cazuri</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="128"/>
        <source>%1 %2 also appears in case %3</source>
        <translation>%1 %2 apare și în cazul %3</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="136"/>
        <source>No links to other cases.</source>
        <translation>Nicio legătură cu alte cazuri.</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="156"/>
        <source>Remove from case</source>
        <translation>Eliminare din caz</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="157"/>
        <source>Why should %1 be removed from this case? The reason is recorded.</source>
        <translation>De ce trebuie eliminat %1 din acest caz? Motivul este consemnat.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>The vault could not complete the operation.</source>
        <translation>Seiful nu a putut finaliza operațiunea.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>No vault was found at this location.</source>
        <translation>Nu există niciun seif în acest loc.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="38"/>
        <source>A vault already exists at this location. Choose an empty folder.</source>
        <translation>Există deja un seif în acest loc. Alegeți un dosar gol.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>The vault is already open in another Custodia window or program.</source>
        <translation>Seiful este deja deschis în altă fereastră sau alt program Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>Seiful este blocat. Deblocați-l pentru a continua.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The vault could not be unlocked.</source>
        <translation>Seiful nu a putut fi deblocat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Fraza de acces este greșită. Verificați aranjamentul tastaturii și Caps Lock, apoi încercați din nou.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>This recovery key does not open this vault.</source>
        <translation>Această cheie de recuperare nu deschide acest seif.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>That is not a recovery key: it has 32 letters and digits in groups of four.</source>
        <translation>Aceasta nu este o cheie de recuperare: are 32 de litere și cifre, în grupuri de câte patru.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>This vault has no user of that name.</source>
        <translation>Acest seif nu are niciun utilizator cu acest nume.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>This vault already has a user of that name.</source>
        <translation>Acest seif are deja un utilizator cu acest nume.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57"/>
        <source>This vault asks for unsafe key settings and was not opened.</source>
        <translation>Acest seif cere setări nesigure pentru chei și nu a fost deschis.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>Fraza de acces este prea scurtă: folosiți cel puțin 8 caractere.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>No secure system keyring is available on this computer.</source>
        <translation>Pe acest calculator nu există un depozit de chei securizat al sistemului.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66"/>
        <source>The system keyring no longer holds this vault&apos;s secret. Use your passphrase.</source>
        <translation>Depozitul de chei al sistemului nu mai conține secretul acestui seif. Folosiți fraza de acces.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>The vault&apos;s header file is damaged. Restore the vault from a backup.</source>
        <translation>Fișierul antet al seifului este deteriorat. Restaurați seiful dintr-o copie de siguranță.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>The vault&apos;s header was damaged or tampered with. Restore it from a backup.</source>
        <translation>Antetul seifului a fost deteriorat sau modificat. Restaurați-l dintr-o copie de siguranță.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>This vault was made by a newer version of Custodia. Update Custodia.</source>
        <translation>Acest seif a fost creat de o versiune mai nouă de Custodia. Actualizați Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>The vault database is damaged or belongs to another vault.</source>
        <translation>Baza de date a seifului este deteriorată sau aparține altui seif.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81"/>
        <source>This installation&apos;s encryption library is not safe to use. Reinstall Custodia.</source>
        <translation>Biblioteca de criptare a acestei instalări nu este sigură. Reinstalați Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>The vault is older than its last signed checkpoint: it may have been replaced. It was not opened.</source>
        <translation>Seiful este mai vechi decât ultimul său punct de control semnat: este posibil să fi fost înlocuit. Nu a fost deschis.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="89"/>
        <source>The audit log does not verify: an entry was altered or removed.</source>
        <translation>Jurnalul de audit nu trece verificarea: o înregistrare a fost modificată sau ștearsă.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>The vault could not be upgraded to this version of Custodia.</source>
        <translation>Seiful nu a putut fi actualizat la această versiune de Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>An evidence file could not be read.</source>
        <translation>Un fișier probă nu a putut fi citit.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>An encrypted evidence file is damaged or was tampered with.</source>
        <translation>Un fișier probă criptat este deteriorat sau a fost modificat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="99"/>
        <source>An encrypted evidence file is missing from the vault.</source>
        <translation>Un fișier probă criptat lipsește din seif.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>The file to add could not be read.</source>
        <translation>Fișierul de adăugat nu a putut fi citit.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="103"/>
        <source>The file changed while it was being added; nothing was stored.</source>
        <translation>Fișierul s-a modificat în timpul adăugării; nu s-a salvat nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="106"/>
        <source>Cancelled; nothing was stored.</source>
        <translation>Anulat; nu s-a salvat nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="107"/>
        <source>The disk is full; nothing was stored.</source>
        <translation>Discul este plin; nu s-a salvat nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="108"/>
        <source>The vault is on a read-only disk.</source>
        <translation>Seiful se află pe un disc protejat la scriere.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>The case data could not be changed or read.</source>
        <translation>Datele cazului nu au putut fi modificate sau citite.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="111"/>
        <source>This record no longer exists.</source>
        <translation>Această înregistrare nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>No case with this reference exists.</source>
        <translation>Nu există niciun caz cu acest număr de referință.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="113"/>
        <source>This person no longer exists.</source>
        <translation>Această persoană nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="114"/>
        <source>This interview no longer exists.</source>
        <translation>Acest interviu nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="115"/>
        <source>This statement no longer exists.</source>
        <translation>Această declarație nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="116"/>
        <source>This evidence item no longer exists.</source>
        <translation>Această probă nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="119"/>
        <source>This entity no longer exists.</source>
        <translation>Această entitate nu mai există.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="120"/>
        <source>The indicator catalogue has no such indicator.</source>
        <translation>Catalogul de indicatori nu conține acest indicator.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="123"/>
        <source>A required value is missing or not valid.</source>
        <translation>O valoare obligatorie lipsește sau nu este validă.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="124"/>
        <source>Another case already uses this reference.</source>
        <translation>Alt caz folosește deja acest număr de referință.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="127"/>
        <source>A case reference may use letters, digits, - _ . and /, at most 64 characters.</source>
        <translation>Numărul de referință poate conține litere, cifre, - _ . și /, cel mult 64 de caractere.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>A minor must have a guardian recorded.</source>
        <translation>Pentru un minor trebuie înregistrat un tutore.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="134"/>
        <source>This value is not valid for the chosen kind of entity.</source>
        <translation>Această valoare nu este validă pentru tipul de entitate ales.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="137"/>
        <source>Please give a reason for this action.</source>
        <translation>Indicați un motiv pentru această acțiune.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="138"/>
        <source>The case is closed; reopen it before adding to it.</source>
        <translation>Cazul este închis; redeschideți-l înainte de a adăuga ceva.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>The statement is finalised and cannot be changed; add an addendum instead.</source>
        <translation>Declarația este finalizată și nu mai poate fi modificată; adăugați un addendum.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="144"/>
        <source>Addenda can only be added to a finalised statement.</source>
        <translation>Addendumurile pot fi adăugate doar la o declarație finalizată.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="147"/>
        <source>This record is part of the permanent record and cannot be changed.</source>
        <translation>Această înregistrare face parte din evidența permanentă și nu poate fi modificată.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="150"/>
        <source>The recorded consent does not allow sharing with this recipient.</source>
        <translation>Consimțământul înregistrat nu permite comunicarea către acest destinatar.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="153"/>
        <source>The case is under legal hold; nothing in it can be erased.</source>
        <translation>Cazul este sub conservare legală; nu se poate șterge nimic din el.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="156"/>
        <source>The evidence file no longer matches its recorded fingerprint (hash).</source>
        <translation>Fișierul probă nu mai corespunde amprentei (hash) înregistrate.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="159"/>
        <source>The trafficking-indicator catalogue is missing or damaged.</source>
        <translation>Catalogul indicatorilor de trafic de persoane lipsește sau este deteriorat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="163"/>
        <source>The export could not be completed.</source>
        <translation>Exportul nu a putut fi finalizat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="164"/>
        <source>Refused: the recorded consent does not cover this export.</source>
        <translation>Refuzat: consimțământul înregistrat nu acoperă acest export.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="167"/>
        <source>Refused: this redaction profile may not be used for this recipient.</source>
        <translation>Refuzat: acest profil de anonimizare nu poate fi folosit pentru acest destinatar.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="170"/>
        <source>The export scope is not valid.</source>
        <translation>Domeniul exportului nu este valid.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="171"/>
        <source>There is nothing to export in this scope.</source>
        <translation>Nu există nimic de exportat în acest domeniu.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="174"/>
        <source>The destination already exists; choose a new name.</source>
        <translation>Destinația există deja; alegeți un nume nou.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="177"/>
        <source>The destination folder cannot be written to.</source>
        <translation>Nu se poate scrie în dosarul de destinație.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="180"/>
        <source>An evidence file no longer matches its recorded hash; nothing was exported.</source>
        <translation>Un fișier probă nu mai corespunde hash-ului înregistrat; nu s-a exportat nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="183"/>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Exportul a fost anulat; nu s-a scris nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="186"/>
        <source>The bundle could not be written (disk full or not writable); nothing was kept.</source>
        <translation>Pachetul nu a putut fi scris (disc plin sau protejat la scriere); nu s-a păstrat nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="189"/>
        <source>The report could not be signed.</source>
        <translation>Raportul nu a putut fi semnat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="190"/>
        <source>The organisation&apos;s certificate could not be used.</source>
        <translation>Certificatul organizației nu a putut fi folosit.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="193"/>
        <source>The report could not be produced.</source>
        <translation>Raportul nu a putut fi generat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="194"/>
        <source>The bundle could not be verified.</source>
        <translation>Pachetul nu a putut fi verificat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="195"/>
        <source>The bundle cannot be read: it is not a folder or ZIP file Custodia can open.</source>
        <translation>Pachetul nu poate fi citit: nu este un dosar sau un fișier ZIP pe care Custodia îl poate deschide.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="198"/>
        <source>The ZIP file was refused as unsafe.</source>
        <translation>Fișierul ZIP a fost refuzat ca nesigur.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="200"/>
        <source>The backup could not be made or read.</source>
        <translation>Copia de siguranță nu a putut fi făcută sau citită.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="201"/>
        <source>No Custodia backup was found in this folder.</source>
        <translation>În acest dosar nu s-a găsit nicio copie de siguranță Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="202"/>
        <source>The backup is damaged or was tampered with; it was not restored.</source>
        <translation>Copia de siguranță este deteriorată sau a fost alterată; nu a fost restaurată.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="205"/>
        <source>The restore destination already holds a vault or other files; choose a new folder.</source>
        <translation>Destinația restaurării conține deja un seif sau alte fișiere; alegeți un dosar nou.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="209"/>
        <source>Custodia could not complete the operation.</source>
        <translation>Custodia nu a putut finaliza operațiunea.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="212"/>
        <source>Something went wrong and the action was not completed. Your data is safe; please try again, and tell your administrator if it happens again.</source>
        <translation>A apărut o problemă și acțiunea nu a fost finalizată. Datele dumneavoastră sunt în siguranță; încercați din nou și anunțați administratorul dacă se repetă.</translation>
    </message>
</context>
<context>
    <name>EvidenceDetails</name>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="38"/>
        <source>Number:</source>
        <translation>Număr:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="39"/>
        <source>Original file:</source>
        <translation>Fișierul original:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="40"/>
        <source>Type:</source>
        <translation>Tip:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="41"/>
        <source>Size:</source>
        <translation>Mărime:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="42"/>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="43"/>
        <source>Added:</source>
        <translation>Adăugat:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="44"/>
        <source>Obtained:</source>
        <translation>Obținut:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="45"/>
        <source>Obtained by:</source>
        <translation>Obținut de:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="46"/>
        <source>Obtained from:</source>
        <translation>Obținut de la:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="47"/>
        <source>Where:</source>
        <translation>Unde:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="48"/>
        <source>Method:</source>
        <translation>Metoda:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="49"/>
        <source>Tool:</source>
        <translation>Instrument:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="50"/>
        <source>Source URL:</source>
        <translation>Adresa URL a sursei:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="51"/>
        <source>Notes:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="69"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Adaugă fișiere…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="70"/>
        <location filename="../../ui/evidence/evidence_tab.py" line="185"/>
        <source>Add evidence files</source>
        <translation>Adaugă fișiere probă</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="72"/>
        <source>or drop files here</source>
        <translation>sau trageți fișierele aici</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="75"/>
        <source>Adding files</source>
        <translation>Se adaugă fișierele</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="77"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="78"/>
        <source>Cancel adding files</source>
        <translation>Anulează adăugarea fișierelor</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="82"/>
        <source>Evidence status</source>
        <translation>Starea probelor</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="83"/>
        <source>Record custody &amp;event…</source>
        <translation>Înregistrează un &amp;eveniment de custodie…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="84"/>
        <source>Record a custody event for this item</source>
        <translation>Înregistrează un eveniment de custodie pentru această probă</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="86"/>
        <source>Edit &amp;description…</source>
        <translation>Modifică &amp;descrierea…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="87"/>
        <source>Edit the kind and notes of this item</source>
        <translation>Modifică tipul și notele acestei probe</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="89"/>
        <source>Re-check &amp;hash</source>
        <translation>Reverifică &amp;hash-ul</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="91"/>
        <source>Decrypt the item and compare its SHA-256 with the recorded one</source>
        <translation>Decriptează proba și compară SHA-256 cu cel înregistrat</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>File</source>
        <translation>Fișier</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Type</source>
        <translation>Tip</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Size</source>
        <translation>Mărime</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Added</source>
        <translation>Adăugat</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="110"/>
        <source>Evidence items</source>
        <translation>Probe</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="124"/>
        <source>Evidence item</source>
        <translation>Probă</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="125"/>
        <source>Record</source>
        <translation>Fișa</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="126"/>
        <source>Custody</source>
        <translation>Custodie</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="127"/>
        <source>Preview</source>
        <translation>Previzualizare</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/evidence_tab.py" line="235"/>
        <source>Encrypting %n file(s) into the vault…</source>
        <translation>
            <numerusform>Se criptează %n fișier în seif…</numerusform>
            <numerusform>Se criptează %n fișiere în seif…</numerusform>
            <numerusform>Se criptează %n de fișiere în seif…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="247"/>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/evidence_tab.py" line="254"/>
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>%n fișier adăugat.</numerusform>
            <numerusform>%n fișiere adăugate.</numerusform>
            <numerusform>%n de fișiere adăugate.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="263"/>
        <source>Cancelled. Files already completed stay in the vault; nothing partial does.</source>
        <translation>Anulat. Fișierele deja terminate rămân în seif; nimic parțial nu rămâne.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="307"/>
        <source>Re-checking %1…</source>
        <translation>Se reverifică %1…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="311"/>
        <source>Cancelled.</source>
        <translation>Anulat.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="321"/>
        <source>%1 is intact: its SHA-256 matches the recorded one.</source>
        <translation>%1 este intactă: SHA-256 corespunde celui înregistrat.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="325"/>
        <source>%1 does NOT match its recorded SHA-256.</source>
        <translation>%1 NU corespunde SHA-256 înregistrat.</translation>
    </message>
</context>
<context>
    <name>ExportDecision</name>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="33"/>
        <source>no consent is recorded</source>
        <translation>nu este înregistrat niciun consimțământ</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="35"/>
        <source>consent was withdrawn (version %1)</source>
        <translation>consimțământul a fost retras (versiunea %1)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="41"/>
        <source>consent version %1 allows only: %2; not %3</source>
        <translation>versiunea %1 a consimțământului permite doar: %2; nu %3</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="56"/>
        <source>The court profile shows full identities and may go only to a court, a prosecutor, the police or your own organisation. Choose the pseudonymised profile for %1.</source>
        <translation>Profilul pentru instanță arată identitățile complete și poate merge doar la o instanță, un procuror, poliție sau propria organizație. Alegeți profilul pseudonimizat pentru %1.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="69"/>
        <source>No consent is recorded for this case.</source>
        <translation>Pentru acest caz nu este înregistrat niciun consimțământ.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="76"/>
        <source>Case consent: %1.</source>
        <translation>Consimțământul cazului: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="99"/>
        <source>Consent (version %1) covers sharing with %2.</source>
        <translation>Consimțământul (versiunea %1) acoperă transmiterea către %2.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="92"/>
        <location filename="../../ui/exports/export_wizard.py" line="95"/>
        <source>Export a bundle</source>
        <translation>Exportă un pachet</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="97"/>
        <source>Case to export</source>
        <translation>Cazul de exportat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="101"/>
        <source>Recipient</source>
        <translation>Destinatar</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="102"/>
        <source>e.g. Tribunal Constanța, judge I. Popa</source>
        <translation>de ex. Tribunalul Constanța, judecător I. Popa</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="104"/>
        <source>Recipient category</source>
        <translation>Categoria destinatarului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="107"/>
        <source>C&amp;ourt: full identities</source>
        <translation>&amp;Instanță: identități complete</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="108"/>
        <source>Court profile, with full identities</source>
        <translation>Profilul pentru instanță, cu identități complete</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="109"/>
        <source>&amp;Pseudonymised: no protected identity</source>
        <translation>&amp;Pseudonimizat: fără identitate protejată</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="110"/>
        <source>Pseudonymised profile</source>
        <translation>Profil pseudonimizat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="116"/>
        <source>Purpose</source>
        <translation>Scop</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="118"/>
        <source>Authority reference</source>
        <translation>Referința autorității</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="119"/>
        <source>&amp;Folder</source>
        <translation>&amp;Dosar</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="120"/>
        <source>Write the bundle as a folder</source>
        <translation>Scrie pachetul ca dosar</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="121"/>
        <source>&amp;ZIP file</source>
        <translation>Fișier &amp;ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="122"/>
        <source>Write the bundle as one ZIP file</source>
        <translation>Scrie pachetul ca un singur fișier ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="128"/>
        <source>Where to write the bundle</source>
        <translation>Unde se scrie pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="129"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Răsfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="130"/>
        <source>Choose where to write the bundle</source>
        <translation>Alegeți unde se scrie pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="134"/>
        <source>Consent decision</source>
        <translation>Decizia privind consimțământul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="148"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinatar:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="149"/>
        <source>Recipient &amp;category:</source>
        <translation>&amp;Categoria destinatarului:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="150"/>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="151"/>
        <source>P&amp;urpose:</source>
        <translation>S&amp;cop:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="152"/>
        <source>&amp;Authority reference:</source>
        <translation>Referința &amp;autorității:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="153"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="154"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Salvează ca:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="165"/>
        <source>Export progress</source>
        <translation>Progresul exportului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="167"/>
        <source>Export status</source>
        <translation>Starea exportului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="178"/>
        <source>Export result</source>
        <translation>Rezultatul exportului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="180"/>
        <source>What the bundle holds</source>
        <translation>Ce conține pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="183"/>
        <source>Signer key fingerprint. Give it to the recipient separately (by phone or in person), not with the bundle: it lets them check the bundle came from you.</source>
        <translation>Amprenta cheii de semnare. Comunicați-o destinatarului separat (la telefon sau în persoană), nu împreună cu pachetul: astfel poate verifica faptul că pachetul vine de la dumneavoastră.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="190"/>
        <source>Signer key fingerprint</source>
        <translation>Amprenta cheii de semnare</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="195"/>
        <source>&amp;Verify the bundle…</source>
        <translation>&amp;Verifică pachetul…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="196"/>
        <source>Verify the bundle just written</source>
        <translation>Verifică pachetul tocmai scris</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="216"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportă</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="217"/>
        <source>Export the bundle</source>
        <translation>Exportă pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="221"/>
        <location filename="../../ui/exports/export_wizard.py" line="222"/>
        <location filename="../../ui/exports/export_wizard.py" line="340"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="260"/>
        <source>Allowed: %1</source>
        <translation>Permis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="263"/>
        <source>Refused. This export is not allowed:</source>
        <translation>Refuzat. Acest export nu este permis:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="281"/>
        <source>Save the bundle as</source>
        <translation>Salvează pachetul ca</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="283"/>
        <source>ZIP files (*.zip)</source>
        <translation>Fișiere ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="289"/>
        <source>Choose the folder to write the bundle in</source>
        <translation>Alegeți dosarul în care se scrie pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="313"/>
        <source>%1 already exists; choose a new name.</source>
        <translation>%1 există deja; alegeți un nume nou.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="335"/>
        <source>Writing and signing the bundle for %1…</source>
        <translation>Se scrie și se semnează pachetul pentru %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="359"/>
        <source>The bundle was written and signed:</source>
        <translation>Pachetul a fost scris și semnat:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/export_wizard.py" line="363"/>
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n declarație</numerusform>
            <numerusform>%n declarații</numerusform>
            <numerusform>%n de declarații</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/export_wizard.py" line="364"/>
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n fișier de probă</numerusform>
            <numerusform>%n fișiere de probă</numerusform>
            <numerusform>%n de fișiere de probă</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="368"/>
        <source>Withheld under this profile: %1</source>
        <translation>Reținute conform acestui profil: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="373"/>
        <source>Recorded in the audit log, with an &quot;exported&quot; custody event per item.</source>
        <translation>Înregistrat în jurnalul de audit, cu un eveniment de custodie „exportat” pentru fiecare element.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="387"/>
        <source>Reason: %1</source>
        <translation>Motiv: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="396"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export anulat; nu s-a scris nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="404"/>
        <location filename="../../ui/exports/export_wizard.py" line="405"/>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="411"/>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="33"/>
        <source>Protected identity</source>
        <translation>Identitate protejată</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="36"/>
        <source>Identity of %1. This reveal was recorded in the audit log.</source>
        <translation>Identitatea persoanei %1. Această dezvăluire a fost înregistrată în jurnalul de audit.</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="43"/>
        <source>yes</source>
        <translation>da</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="43"/>
        <source>no</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="47"/>
        <source>Legal name</source>
        <translation>Numele legal</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="48"/>
        <source>Legal name:</source>
        <translation>Numele legal:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="49"/>
        <source>Birth date:</source>
        <translation>Data nașterii:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="50"/>
        <source>Nationality:</source>
        <translation>Cetățenia:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="56"/>
        <source>Documents:</source>
        <translation>Documente:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="58"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="59"/>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="61"/>
        <source>Safe to contact:</source>
        <translation>Poate fi contactată în siguranță:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="78"/>
        <source>Guardian:</source>
        <translation>Tutore:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="79"/>
        <source>&amp;Copy contact</source>
        <translation>&amp;Copiază contactul</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="80"/>
        <source>Copy the contact (cleared after 30 seconds)</source>
        <translation>Copiază contactul (se șterge după 30 de secunde)</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../ui/people/identity_form.py" line="22"/>
        <source>Legal name</source>
        <translation>Numele legal</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="24"/>
        <source>Birth date</source>
        <translation>Data nașterii</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="28"/>
        <source>not known</source>
        <translation>necunoscută</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="31"/>
        <source>Nationality</source>
        <translation>Cetățenie</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="33"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="34"/>
        <source>Safe to contact</source>
        <translation>Poate fi contactată în siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="36"/>
        <source>Safe contact method</source>
        <translation>Mod sigur de contact</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="37"/>
        <source>Minor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="39"/>
        <source>Guardian</source>
        <translation>Tutore</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="43"/>
        <source>Legal &amp;name:</source>
        <translation>&amp;Nume legal:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="44"/>
        <source>&amp;Birth date:</source>
        <translation>Data &amp;nașterii:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="45"/>
        <source>Nationalit&amp;y:</source>
        <translation>Ce&amp;tățenie:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="46"/>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="48"/>
        <source>Safe &amp;method:</source>
        <translation>&amp;Mod sigur:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="50"/>
        <source>&amp;Guardian:</source>
        <translation>T&amp;utore:</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="13"/>
        <source>Your account</source>
        <translation>Contul dumneavoastră</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="15"/>
        <source>Your name is recorded in the audit log next to everything you do.</source>
        <translation>Numele dumneavoastră apare în jurnalul de audit lângă tot ce faceți.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="18"/>
        <source>User name</source>
        <translation>Nume de utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="22"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="24"/>
        <source>Lawyer</source>
        <translation>Avocat</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="25"/>
        <source>Investigator</source>
        <translation>Investigator</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="26"/>
        <source>Social worker</source>
        <translation>Asistent social</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="27"/>
        <source>Interpreter</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="28"/>
        <source>Coordinator</source>
        <translation>Coordonator</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="29"/>
        <source>Other</source>
        <translation>Altul</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="34"/>
        <source>Organisation</source>
        <translation>Organizația</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="38"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nume de utilizator:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="39"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="40"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organizația:</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="45"/>
        <source>New interview</source>
        <translation>Interviu nou</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="45"/>
        <source>Edit interview</source>
        <translation>Modificarea interviului</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="48"/>
        <source>Person interviewed</source>
        <translation>Persoana intervievată</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="49"/>
        <source>(not recorded)</source>
        <translation>(neînregistrat)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="55"/>
        <source>Started at</source>
        <translation>Început la</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="57"/>
        <source>Location</source>
        <translation>Locul</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="59"/>
        <source>Interviewer</source>
        <translation>Intervievator</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="61"/>
        <source>Interpreter</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="63"/>
        <source>Language</source>
        <translation>Limba</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="65"/>
        <source>Also present</source>
        <translation>Au mai fost prezenți</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="66"/>
        <source>name (role), name (role)…</source>
        <translation>nume (rol), nume (rol)…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="67"/>
        <source>typed notes</source>
        <translation>note dactilografiate</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="68"/>
        <source>How it was recorded</source>
        <translation>Cum a fost consemnat</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="70"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="75"/>
        <source>&amp;Person:</source>
        <translation>&amp;Persoana:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="76"/>
        <source>&amp;Started:</source>
        <translation>Î&amp;nceput:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="77"/>
        <source>&amp;Location:</source>
        <translation>&amp;Locul:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="78"/>
        <source>&amp;Interviewer:</source>
        <translation>&amp;Intervievator:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="79"/>
        <source>Inter&amp;preter:</source>
        <translation>Inter&amp;pret:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="80"/>
        <source>Lan&amp;guage:</source>
        <translation>Lim&amp;ba:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="81"/>
        <source>Also p&amp;resent:</source>
        <translation>Au mai fost p&amp;rezenți:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="82"/>
        <source>Recor&amp;ded as:</source>
        <translation>Co&amp;nsemnat ca:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="83"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="22"/>
        <source>Welcome to Custodia</source>
        <translation>Bun venit în Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="25"/>
        <source>Custodia keeps interviews, statements and evidence in an encrypted vault on this computer. First choose where the vault is stored.</source>
        <translation>Custodia păstrează interviurile, declarațiile și probele într-un seif criptat pe acest calculator. Mai întâi alegeți unde se păstrează seiful.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="30"/>
        <source>Vault folder</source>
        <translation>Dosarul seifului</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="32"/>
        <source>Browse…</source>
        <translation>Răsfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="33"/>
        <location filename="../../ui/onboarding/location_page.py" line="69"/>
        <source>Choose the vault folder</source>
        <translation>Alegeți dosarul seifului</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="40"/>
        <source>Choose an empty folder, ideally on an encrypted disk. Keep regular backups: without the vault folder, nothing can be recovered.</source>
        <translation>Alegeți un dosar gol, ideal pe un disc criptat. Faceți regulat copii de siguranță: fără dosarul seifului nu se poate recupera nimic.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="45"/>
        <source>Vault folder:</source>
        <translation>Dosarul seifului:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="63"/>
        <source>This folder is not empty. Choose an empty or a new folder.</source>
        <translation>Acest dosar nu este gol. Alegeți un dosar gol sau unul nou.</translation>
    </message>
</context>
<context>
    <name>LockedView</name>
    <message>
        <location filename="../../ui/locked_view.py" line="20"/>
        <location filename="../../ui/locked_view.py" line="60"/>
        <location filename="../../ui/locked_view.py" line="63"/>
        <source>The vault is locked</source>
        <translation>Seiful este blocat</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="24"/>
        <source>Vault location</source>
        <translation>Locul seifului</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="27"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Deblochează…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="28"/>
        <source>Unlock the vault</source>
        <translation>Deblocați seiful</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="30"/>
        <source>&amp;Create a new vault…</source>
        <translation>&amp;Creează un seif nou…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="31"/>
        <source>Create a new vault</source>
        <translation>Creează un seif nou</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="33"/>
        <source>&amp;Verify a bundle…</source>
        <translation>&amp;Verifică un pachet…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="34"/>
        <source>Verify a bundle, without unlocking</source>
        <translation>Verifică un pachet, fără deblocare</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="57"/>
        <source>No vault yet</source>
        <translation>Încă nu există un seif</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="58"/>
        <source>Create a vault to start recording cases.</source>
        <translation>Creați un seif pentru a începe să înregistrați cazuri.</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="61"/>
        <source>Locked after a period without activity.</source>
        <translation>Blocat după o perioadă fără activitate.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Last backup</source>
        <translation>Ultima copie de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Backup reminder</source>
        <translation>Memento pentru copia de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Custodia</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>&amp;Lock vault</source>
        <translation>&amp;Blochează seiful</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&amp;Search the vault…</source>
        <translation>&amp;Caută în seif…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Setări…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>&amp;Ieșire</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;About Custodia</source>
        <translation>&amp;Despre Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Fă o copie de siguranță acum…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Chec&amp;k a backup…</source>
        <translation>Veri&amp;fică o copie de siguranță…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurează o copie de siguranță…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Verify a bundle…</source>
        <translation>&amp;Verifică un pachet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>&amp;Users…</source>
        <translation>&amp;Utilizatori…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Change my &amp;passphrase…</source>
        <translation>Schimbă &amp;fraza mea de acces…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Back &amp;up now…</source>
        <translation>Fă o copie de siguranță &amp;acum…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Back up the vault now</source>
        <translation>Fă acum o copie de siguranță a seifului</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Later</source>
        <translation>Mai târziu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Hide the backup reminder</source>
        <translation>Ascunde mementoul pentru copia de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;Vault</source>
        <translation>&amp;Seif</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>&amp;Bundles</source>
        <translation>&amp;Pachete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Help</source>
        <translation>&amp;Ajutor</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Signed in as %1 · locks after %n minute(s) without activity</source>
        <translation>
            <numerusform>Conectat ca %1 · se blochează după %n minut fără activitate</numerusform>
            <numerusform>Conectat ca %1 · se blochează după %n minute fără activitate</numerusform>
            <numerusform>Conectat ca %1 · se blochează după %n de minute fără activitate</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Locked</source>
        <translation>Blocat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>About Custodia</source>
        <translation>Despre Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <source>Custodia keeps interviews, statements and evidence in an encrypted vault, with a tamper-evident audit log.</source>
        <translation>Custodia păstrează interviurile, declarațiile și probele într-un seif criptat, cu un jurnal de audit care face vizibilă orice modificare.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="32"/>
        <source>New case</source>
        <translation>Caz nou</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="35"/>
        <source>Case reference</source>
        <translation>Numărul de referință al cazului</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="37"/>
        <source>Case title</source>
        <translation>Titlul cazului</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="38"/>
        <source>Romania</source>
        <translation>România</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="39"/>
        <source>Jurisdiction</source>
        <translation>Jurisdicția</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="41"/>
        <source>Description</source>
        <translation>Descrierea</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="47"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Referință:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="48"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titlu:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="49"/>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Jurisdicție:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="50"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descriere:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="54"/>
        <source>Create case</source>
        <translation>Creează cazul</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message numerus="yes">
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="35"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Folosiți cel puțin %n caracter.</numerusform>
            <numerusform>Folosiți cel puțin %n caractere.</numerusform>
            <numerusform>Folosiți cel puțin %n de caractere.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="37"/>
        <source>This passphrase is too easy to guess.</source>
        <translation>Această frază de acces este prea ușor de ghicit.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="39"/>
        <source>The two passphrases differ.</source>
        <translation>Cele două fraze de acces diferă.</translation>
    </message>
</context>
<context>
    <name>NewStatementDialog</name>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="36"/>
        <source>New statement</source>
        <translation>Declarație nouă</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="39"/>
        <source>Statement title</source>
        <translation>Titlul declarației</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="41"/>
        <source>Whose statement</source>
        <translation>Declarația cui</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="42"/>
        <source>(not recorded)</source>
        <translation>(neînregistrat)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="46"/>
        <source>Interview</source>
        <translation>Interviu</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="47"/>
        <source>(none)</source>
        <translation>(niciunul)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="56"/>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="60"/>
        <source>Language</source>
        <translation>Limba</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="63"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titlu:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="64"/>
        <source>&amp;Person:</source>
        <translation>&amp;Persoana:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="65"/>
        <source>&amp;Interview:</source>
        <translation>&amp;Interviu:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="66"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tip:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="67"/>
        <source>&amp;Language:</source>
        <translation>&amp;Limba:</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="56"/>
        <source>Reference</source>
        <translation>Referință</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="57"/>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="58"/>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="59"/>
        <source>Jurisdiction</source>
        <translation>Jurisdicția</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="60"/>
        <source>Description</source>
        <translation>Descrierea</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="61"/>
        <location filename="../../ui/cases/overview_tab.py" line="77"/>
        <location filename="../../ui/cases/overview_tab.py" line="185"/>
        <source>Legal hold</source>
        <translation>Conservare legală</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="66"/>
        <source>Reference:</source>
        <translation>Referință:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="67"/>
        <source>Title:</source>
        <translation>Titlu:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="68"/>
        <source>Status:</source>
        <translation>Stare:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="69"/>
        <source>Jurisdiction:</source>
        <translation>Jurisdicție:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="70"/>
        <source>Description:</source>
        <translation>Descriere:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="71"/>
        <source>Opened:</source>
        <translation>Deschis:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="72"/>
        <source>Keep until:</source>
        <translation>Se păstrează până la:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="73"/>
        <source>Legal hold:</source>
        <translation>Conservare legală:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="75"/>
        <source>&amp;Legal hold (nothing in the case can be erased)</source>
        <translation>&amp;Conservare legală (nu se poate șterge nimic din caz)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="79"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifică…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="80"/>
        <source>Edit the case</source>
        <translation>Modifică cazul</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="89"/>
        <source>Case</source>
        <translation>Caz</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="96"/>
        <location filename="../../ui/cases/overview_tab.py" line="99"/>
        <source>Trafficking indicators</source>
        <translation>Indicatori de trafic de persoane</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="120"/>
        <source>%1 by %2</source>
        <translation>%1, de %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="124"/>
        <source>On: %1</source>
        <translation>Activă: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="126"/>
        <source>Off</source>
        <translation>Inactivă</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="129"/>
        <source>Close case…</source>
        <translation>Închide cazul…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="129"/>
        <source>Reopen case…</source>
        <translation>Redeschide cazul…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="181"/>
        <source>Why is this case put under legal hold? (for example, the authority&apos;s request)</source>
        <translation>De ce este pus cazul sub conservare legală? (de exemplu, cererea autorității)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="183"/>
        <source>Why is the legal hold lifted?</source>
        <translation>De ce se ridică conservarea legală?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="211"/>
        <source>Why is the case closed?</source>
        <translation>De ce se închide cazul?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="211"/>
        <source>Why is the case reopened?</source>
        <translation>De ce se redeschide cazul?</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="41"/>
        <source>Choose a passphrase</source>
        <translation>Alegeți o frază de acces</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="44"/>
        <source>The passphrase encrypts everything in the vault. Nobody, not even Custodia&apos;s makers, can recover it. Use several unrelated words.</source>
        <translation>Fraza de acces criptează tot conținutul seifului. Nimeni, nici autorii Custodia, nu o poate recupera. Folosiți mai multe cuvinte fără legătură între ele.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="49"/>
        <source>Create vault</source>
        <translation>Creează seiful</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="52"/>
        <source>Passphrase</source>
        <translation>Fraza de acces</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="55"/>
        <source>Confirm passphrase</source>
        <translation>Confirmați fraza de acces</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="61"/>
        <source>Creating the vault</source>
        <translation>Se creează seiful</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="63"/>
        <source>Creating the encrypted vault…</source>
        <translation>Se creează seiful criptat…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="67"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Fraza de acces:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="68"/>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmare:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/onboarding/passphrase_page.py" line="92"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Folosiți cel puțin %n caracter.</numerusform>
            <numerusform>Folosiți cel puțin %n caractere.</numerusform>
            <numerusform>Folosiți cel puțin %n de caractere.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="94"/>
        <source>This passphrase is too easy to guess.</source>
        <translation>Această frază de acces este prea ușor de ghicit.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="96"/>
        <source>The two passphrases differ.</source>
        <translation>Cele două fraze de acces diferă.</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="38"/>
        <source>Passphrase strength</source>
        <translation>Puterea frazei de acces</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="54"/>
        <source>Very weak: easy to guess. Use four or more unrelated words.</source>
        <translation>Foarte slabă: ușor de ghicit. Folosiți patru sau mai multe cuvinte fără legătură.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="55"/>
        <source>Weak: add more unrelated words.</source>
        <translation>Slabă: adăugați mai multe cuvinte fără legătură.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="56"/>
        <source>Fair: one or two more words would make it strong.</source>
        <translation>Acceptabilă: încă unul sau două cuvinte ar face-o puternică.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="57"/>
        <source>Strong.</source>
        <translation>Puternică.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="58"/>
        <source>Very strong.</source>
        <translation>Foarte puternică.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="61"/>
        <source>Use a long passphrase of several unrelated words.</source>
        <translation>Folosiți o frază de acces lungă, din mai multe cuvinte fără legătură.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Pseudonym</source>
        <translation>Pseudonim</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Safe to contact</source>
        <translation>Poate fi contactată în siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Minor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="53"/>
        <source>People in the case</source>
        <translation>Persoanele din caz</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="60"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Adaugă o persoană…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="61"/>
        <source>Add a person to the case</source>
        <translation>Adaugă o persoană la caz</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="63"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifică…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="64"/>
        <source>Edit the pseudonym, role and notes</source>
        <translation>Modifică pseudonimul, rolul și notele</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="66"/>
        <source>Edit &amp;identity…</source>
        <translation>Modifică &amp;identitatea…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="67"/>
        <source>Record or correct the protected identity</source>
        <translation>Înregistrează sau corectează identitatea protejată</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="69"/>
        <source>An identity already recorded is shown only after you give a reason.</source>
        <translation>O identitate deja înregistrată este afișată numai după ce indici un motiv.</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="72"/>
        <source>&amp;Reveal identity…</source>
        <translation>&amp;Dezvăluie identitatea…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="73"/>
        <source>Reveal the protected identity</source>
        <translation>Dezvăluie identitatea protejată</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="75"/>
        <source>You will be asked for a reason; every reveal is recorded in the audit log.</source>
        <translation>Vi se va cere un motiv; fiecare dezvăluire este înregistrată în jurnalul de audit.</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="92"/>
        <source>yes</source>
        <translation>da</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="92"/>
        <source>no</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="161"/>
        <source>Reveal identity</source>
        <translation>Dezvăluie identitatea</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="162"/>
        <source>Why do you need to see %1&apos;s identity? The reason is recorded.</source>
        <translation>De ce trebuie să vedeți identitatea persoanei %1? Motivul se înregistrează.</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="51"/>
        <source>Show &amp;preview</source>
        <translation>Arată &amp;previzualizarea</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="52"/>
        <source>Show a preview (recorded as viewed)</source>
        <translation>Arată o previzualizare (se înregistrează ca vizualizare)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="57"/>
        <source>Image preview</source>
        <translation>Previzualizarea imaginii</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="62"/>
        <source>Text preview</source>
        <translation>Previzualizarea textului</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="87"/>
        <source>No preview for this type of file.</source>
        <translation>Nu există previzualizare pentru acest tip de fișier.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="90"/>
        <source>The preview is decrypted in memory only; showing it is recorded.</source>
        <translation>Previzualizarea este decriptată doar în memorie; afișarea ei se înregistrează.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="112"/>
        <source>Decrypting…</source>
        <translation>Se decriptează…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="130"/>
        <source>This image cannot be shown.</source>
        <translation>Această imagine nu poate fi afișată.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="138"/>
        <source>[Preview shortened: the file is larger.]</source>
        <translation>[Previzualizare scurtată: fișierul este mai mare.]</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/reason_dialog.py" line="17"/>
        <source>Reason</source>
        <translation>Motiv</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="36"/>
        <source>Your recovery key</source>
        <translation>Cheia dumneavoastră de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="39"/>
        <source>If every passphrase is forgotten, only this key opens the vault. It is shown now and never again. Print it or save it, and store it somewhere safe.</source>
        <translation>Dacă toate frazele de acces sunt uitate, doar această cheie deschide seiful. Este afișată acum și niciodată din nou. Tipăriți-o sau salvați-o și păstrați-o într-un loc sigur.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="56"/>
        <source>Recovery key</source>
        <translation>Cheia de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="58"/>
        <source>&amp;Print…</source>
        <translation>&amp;Tipărește…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="59"/>
        <source>Print the recovery key</source>
        <translation>Tipărește cheia de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="61"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salvează ca PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="62"/>
        <source>Save the recovery key as a PDF file</source>
        <translation>Salvează cheia de recuperare ca fișier PDF</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="65"/>
        <source>I have stored the recovery key in a safe place</source>
        <translation>Am păstrat cheia de recuperare într-un loc sigur</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="67"/>
        <source>I have stored the recovery key</source>
        <translation>Am păstrat cheia de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="71"/>
        <source>Do not keep the key in the same place as this computer. Anyone with the key can open the vault.</source>
        <translation>Nu păstrați cheia în același loc cu acest calculator. Oricine are cheia poate deschide seiful.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="103"/>
        <source>Save the recovery key</source>
        <translation>Salvați cheia de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="105"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fișiere PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeySheet</name>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="34"/>
        <source>Custodia vault recovery key</source>
        <translation>Cheia de recuperare a seifului Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="37"/>
        <source>This key opens the vault if every passphrase is forgotten. Anyone holding it can read the vault: keep this sheet locked away, apart from the computer.</source>
        <translation>Această cheie deschide seiful dacă toate frazele de acces sunt uitate. Oricine o deține poate citi seiful: păstrați foaia sub cheie, departe de calculator.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="46"/>
        <source>Vault id: %1</source>
        <translation>ID-ul seifului: %1</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="52"/>
        <source>Created by: %1</source>
        <translation>Creat de: %1</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="58"/>
        <source>Location: %1</source>
        <translation>Locul: %1</translation>
    </message>
</context>
<context>
    <name>ResetPassphraseDialog</name>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="35"/>
        <source>Set a new passphrase</source>
        <translation>Setați o frază de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="39"/>
        <source>The vault was opened with the recovery key. Set a new passphrase now, so that the recovery key can go back into safe keeping.</source>
        <translation>Seiful a fost deschis cu cheia de recuperare. Setați acum o frază de acces nouă, ca cheia de recuperare să poată reveni în locul ei sigur.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="45"/>
        <source>User</source>
        <translation>Utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="50"/>
        <source>New passphrase</source>
        <translation>Fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="51"/>
        <source>Confirm the new passphrase</source>
        <translation>Confirmați fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="59"/>
        <source>Saving the new passphrase</source>
        <translation>Se salvează fraza de acces nouă</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="63"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilizator:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="64"/>
        <source>&amp;New passphrase:</source>
        <translation>Fraza de acces &amp;nouă:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="65"/>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmare:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="69"/>
        <source>Later</source>
        <translation>Mai târziu</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="56"/>
        <location filename="../../ui/backup/restore_dialog.py" line="58"/>
        <source>Restore a backup</source>
        <translation>Restaurează o copie de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="61"/>
        <source>The newest backup in the folder is checked, then copied into a new, empty folder. Your current vault is not touched. You will then unlock the restored vault with a passphrase or the recovery key, and its audit log will record the restore.</source>
        <translation>Cea mai nouă copie de siguranță din dosar este verificată, apoi copiată într-un dosar nou, gol. Seiful actual nu este atins. Apoi veți debloca seiful restaurat cu o frază de acces sau cu cheia de recuperare, iar jurnalul său de audit va înregistra restaurarea.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="69"/>
        <source>Backup folder</source>
        <translation>Dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="72"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Răsfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="73"/>
        <location filename="../../ui/backup/restore_dialog.py" line="141"/>
        <source>Choose the backup folder</source>
        <translation>Alegeți dosarul copiei de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="76"/>
        <source>New vault folder</source>
        <translation>Dosarul noului seif</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="79"/>
        <source>Br&amp;owse…</source>
        <translation>Ră&amp;sfoiește…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="80"/>
        <source>Choose the new vault folder</source>
        <translation>Alegeți dosarul noului seif</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="86"/>
        <source>Restore progress</source>
        <translation>Progresul restaurării</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="90"/>
        <source>Restore status</source>
        <translation>Starea restaurării</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="99"/>
        <source>&amp;Backup folder:</source>
        <translation>&amp;Dosarul copiei:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="101"/>
        <source>Restore &amp;into (a new folder):</source>
        <translation>Restaurează î&amp;n (un dosar nou):</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="105"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurează</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="106"/>
        <source>Restore the backup</source>
        <translation>Restaurează copia de siguranță</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="110"/>
        <source>&amp;Unlock the restored vault…</source>
        <translation>&amp;Deblochează seiful restaurat…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="111"/>
        <source>Unlock the restored vault</source>
        <translation>Deblochează seiful restaurat</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="115"/>
        <location filename="../../ui/backup/restore_dialog.py" line="116"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="148"/>
        <source>Choose an empty folder for the restored vault</source>
        <translation>Alegeți un dosar gol pentru seiful restaurat</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="173"/>
        <source>Checking and restoring…</source>
        <translation>Se verifică și se restaurează…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="185"/>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="205"/>
        <source>The backup taken %1 was checked and restored into %2. Unlock it now so that its audit log records the restore.</source>
        <translation>Copia de siguranță din %1 a fost verificată și restaurată în %2. Deblocați-o acum, ca jurnalul său de audit să înregistreze restaurarea.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="215"/>
        <location filename="../../ui/backup/restore_dialog.py" line="216"/>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="226"/>
        <source>Restore cancelled; nothing was restored.</source>
        <translation>Restaurare anulată; nu s-a restaurat nimic.</translation>
    </message>
</context>
<context>
    <name>RevisionHistoryDialog</name>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="27"/>
        <source>Revision history</source>
        <translation>Istoricul reviziilor</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="31"/>
        <source>Revisions</source>
        <translation>Revizii</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="34"/>
        <source>Revision %1 · %2 · %3</source>
        <translation>Revizia %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="43"/>
        <source>Revision text</source>
        <translation>Textul reviziei</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="34"/>
        <source>Search the vault</source>
        <translation>Căutare în seif</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="37"/>
        <source>Search</source>
        <translation>Caută</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="39"/>
        <source>Names, numbers, places… (Constanta also finds Constanța)</source>
        <translation>Nume, numere, locuri… (Constanta găsește și Constanța)</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="43"/>
        <source>Search results</source>
        <translation>Rezultatele căutării</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search/search_dialog.py" line="82"/>
        <source>%n result(s) from the most recent matches: this word is in many records. Add another word to narrow the search.</source>
        <translation>
            <numerusform>%n rezultat din cele mai recente potriviri: acest cuvânt apare în multe înregistrări. Adăugați încă un cuvânt pentru a restrânge căutarea.</numerusform>
            <numerusform>%n rezultate din cele mai recente potriviri: acest cuvânt apare în multe înregistrări. Adăugați încă un cuvânt pentru a restrânge căutarea.</numerusform>
            <numerusform>%n de rezultate din cele mai recente potriviri: acest cuvânt apare în multe înregistrări. Adăugați încă un cuvânt pentru a restrânge căutarea.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search/search_dialog.py" line="89"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n rezultat</numerusform>
            <numerusform>%n rezultate</numerusform>
            <numerusform>%n de rezultate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24"/>
        <source>Settings</source>
        <translation>Setări</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26"/>
        <source>Language</source>
        <translation>Limba</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>Lock after minutes without activity</source>
        <translation>Blocare după minute fără activitate</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source> days</source>
        <translation> zile</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Remind me to back up when the last backup is older than this many days</source>
        <translation>Amintește-mi să fac o copie de siguranță când ultima este mai veche de atâtea zile</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>&amp;Language:</source>
        <translation>&amp;Limba:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Lock after &amp;inactivity:</source>
        <translation>Blocare după &amp;inactivitate:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46"/>
        <source>&amp;Backup reminder after:</source>
        <translation>&amp;Memento pentru copie după:</translation>
    </message>
</context>
<context>
    <name>StatementEditor</name>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="59"/>
        <source>Statement details</source>
        <translation>Detaliile declarației</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="61"/>
        <source>Statement text</source>
        <translation>Textul declarației</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="68"/>
        <source>Autosave status</source>
        <translation>Starea salvării automate</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="69"/>
        <source>Record &amp;read-back…</source>
        <translation>Înregistrează &amp;recitirea…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="70"/>
        <source>Record that the statement was read back</source>
        <translation>Înregistrează că declarația a fost recitită</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="72"/>
        <source>&amp;Finalise…</source>
        <translation>&amp;Finalizează…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="73"/>
        <location filename="../../ui/statements/statement_editor.py" line="246"/>
        <source>Finalise the statement</source>
        <translation>Finalizează declarația</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="75"/>
        <source>Add a&amp;ddendum…</source>
        <translation>Adaugă un a&amp;ddendum…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="76"/>
        <source>Add an addendum</source>
        <translation>Adaugă un addendum</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="78"/>
        <source>Revision &amp;history…</source>
        <translation>&amp;Istoricul reviziilor…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="79"/>
        <source>Show the revision history</source>
        <translation>Arată istoricul reviziilor</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="83"/>
        <source>Addenda</source>
        <translation>Addendumuri</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="120"/>
        <source>All changes saved (revision %1)</source>
        <translation>Toate modificările sunt salvate (revizia %1)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="125"/>
        <source>Untitled statement</source>
        <translation>Declarație fără titlu</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="131"/>
        <source>read back %1 by %2</source>
        <translation>recitită %1 de %2</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="144"/>
        <source>Finalised %1 by %2 · SHA-256 %3</source>
        <translation>Finalizată %1 de %2 · SHA-256 %3</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="153"/>
        <source>Addendum %1 (%2, %3): %4</source>
        <translation>Addendumul %1 (%2, %3): %4</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="162"/>
        <source>No addenda.</source>
        <translation>Niciun addendum.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="204"/>
        <source>Saved at %1</source>
        <translation>Salvat la %1</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="208"/>
        <source>Editing… saved automatically every few seconds</source>
        <translation>Editare… se salvează automat la câteva secunde</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="211"/>
        <source>NOT SAVED: %1</source>
        <translation>NESALVAT: %1</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="224"/>
        <source>Read-back</source>
        <translation>Recitire</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="225"/>
        <source>Who read the statement back, in which language, and were there corrections?</source>
        <translation>Cine a recitit declarația, în ce limbă și au existat corecturi?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="248"/>
        <source>After finalising, the text can never change; corrections become addenda. Finalise now?</source>
        <translation>După finalizare, textul nu se mai poate modifica; corecturile devin addendumuri. Finalizați acum?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="255"/>
        <source>&amp;Finalise</source>
        <translation>&amp;Finalizează</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="256"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
</context>
<context>
    <name>StatementsTab</name>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="63"/>
        <location filename="../../ui/statements/statements_tab.py" line="83"/>
        <source>Interviews</source>
        <translation>Interviuri</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="66"/>
        <location filename="../../ui/statements/statements_tab.py" line="90"/>
        <source>Statements</source>
        <translation>Declarații</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="68"/>
        <source>New &amp;interview…</source>
        <translation>&amp;Interviu nou…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="69"/>
        <source>Record a new interview</source>
        <translation>Înregistrează un interviu nou</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="71"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifică…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="72"/>
        <source>Edit the chosen interview</source>
        <translation>Modifică interviul ales</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="74"/>
        <source>Add &amp;break…</source>
        <translation>Adaugă o &amp;pauză…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="75"/>
        <source>Record a break in the chosen interview</source>
        <translation>Înregistrează o pauză în interviul ales</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="77"/>
        <source>New &amp;statement…</source>
        <translation>&amp;Declarație nouă…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="78"/>
        <source>Start a new statement</source>
        <translation>Începe o declarație nouă</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="93"/>
        <source>Choose a statement, or start a new one.</source>
        <translation>Alegeți o declarație sau începeți una nouă.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/statements/statements_tab.py" line="119"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n pauză</numerusform>
            <numerusform>%n pauze</numerusform>
            <numerusform>%n de pauze</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="131"/>
        <source>final</source>
        <translation>finală</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="131"/>
        <source>draft</source>
        <translation>ciornă</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="133"/>
        <source>Untitled statement</source>
        <translation>Declarație fără titlu</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../ui/formatting.py" line="44"/>
        <source>open</source>
        <translation>deschis</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45"/>
        <source>closed</source>
        <translation>închis</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="47"/>
        <source>survivor</source>
        <translation>supraviețuitor</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="48"/>
        <source>witness</source>
        <translation>martor</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="49"/>
        <source>suspect</source>
        <translation>suspect</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="50"/>
        <source>other</source>
        <translation>altul</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="52"/>
        <source>written</source>
        <translation>scris</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="53"/>
        <source>verbal, witnessed</source>
        <translation>verbal, în fața unui martor</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="54"/>
        <source>NGO internal</source>
        <translation>intern ONG</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="55"/>
        <source>police</source>
        <translation>poliție</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="56"/>
        <source>prosecutor</source>
        <translation>procuror</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="57"/>
        <source>court</source>
        <translation>instanță</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="58"/>
        <source>partner NGO</source>
        <translation>ONG partener</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="59"/>
        <source>anonymised research</source>
        <translation>cercetare anonimizată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="61"/>
        <source>verbatim</source>
        <translation>cuvânt cu cuvânt</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="62"/>
        <source>summary</source>
        <translation>rezumat</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="64"/>
        <source>pseudonymised</source>
        <translation>pseudonimizat</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="66"/>
        <source>collected</source>
        <translation>colectată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="67"/>
        <source>ingested</source>
        <translation>introdusă în seif</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="68"/>
        <source>viewed</source>
        <translation>vizualizată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="69"/>
        <source>exported</source>
        <translation>exportată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="70"/>
        <source>transferred</source>
        <translation>transferată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="71"/>
        <source>received</source>
        <translation>primită</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="72"/>
        <source>verified</source>
        <translation>verificată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="73"/>
        <source>returned</source>
        <translation>returnată</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="74"/>
        <source>destroyed</source>
        <translation>distrusă</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="76"/>
        <source>phone number</source>
        <translation>număr de telefon</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="77"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="78"/>
        <source>social-media handle</source>
        <translation>cont de rețea socială</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="79"/>
        <source>web address</source>
        <translation>adresă web</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="80"/>
        <source>name</source>
        <translation>nume</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="81"/>
        <source>alias</source>
        <translation>pseudonim folosit</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="82"/>
        <source>address</source>
        <translation>adresă</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="83"/>
        <source>vehicle</source>
        <translation>vehicul</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="84"/>
        <source>bank account</source>
        <translation>cont bancar</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="86"/>
        <source>case</source>
        <translation>caz</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="87"/>
        <source>person</source>
        <translation>persoană</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="88"/>
        <source>statement</source>
        <translation>declarație</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="89"/>
        <source>evidence</source>
        <translation>probă</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="90"/>
        <source>entity</source>
        <translation>entitate</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="78"/>
        <location filename="../../ui/unlock/unlock_dialog.py" line="81"/>
        <source>Unlock the vault</source>
        <translation>Deblocați seiful</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="83"/>
        <source>Vault location</source>
        <translation>Locul seifului</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="86"/>
        <source>This vault was just restored from a backup. Unlocking it records the restore in its audit log.</source>
        <translation>Acest seif tocmai a fost restaurat dintr-o copie de siguranță. Deblocarea înregistrează restaurarea în jurnalul său de audit.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="94"/>
        <source>With my &amp;passphrase</source>
        <translation>Cu fraza mea de &amp;acces</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="95"/>
        <source>With the &amp;recovery key</source>
        <translation>Cu cheia de &amp;recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="100"/>
        <source>User</source>
        <translation>Utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="103"/>
        <source>Passphrase</source>
        <translation>Fraza de acces</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="107"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilizator:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="108"/>
        <source>Pass&amp;phrase:</source>
        <translation>&amp;Fraza de acces:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="111"/>
        <source>Recovery key</source>
        <translation>Cheia de recuperare</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="116"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Cheia de recuperare:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="118"/>
        <source>Use the recovery key only if every passphrase is lost.</source>
        <translation>Folosiți cheia de recuperare doar dacă toate frazele de acces sunt pierdute.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="128"/>
        <source>Unlock status</source>
        <translation>Starea deblocării</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="131"/>
        <source>Unlocking</source>
        <translation>Se deblochează</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="135"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Deblochează</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="137"/>
        <source>Unlock</source>
        <translation>Deblochează</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="140"/>
        <location filename="../../ui/unlock/unlock_dialog.py" line="141"/>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="144"/>
        <source>&amp;Verify a bundle…</source>
        <translation>&amp;Verifică un pachet…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="145"/>
        <source>Verify a bundle, without unlocking</source>
        <translation>Verifică un pachet, fără deblocare</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="204"/>
        <source>Type your passphrase.</source>
        <translation>Introduceți fraza de acces.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unlock/unlock_dialog.py" line="252"/>
        <source>Too many failed attempts: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Prea multe încercări eșuate: așteptați %n secundă înainte de a încerca din nou.</numerusform>
            <numerusform>Prea multe încercări eșuate: așteptați %n secunde înainte de a încerca din nou.</numerusform>
            <numerusform>Prea multe încercări eșuate: așteptați %n de secunde înainte de a încerca din nou.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="264"/>
        <source>You can try again now.</source>
        <translation>Puteți încerca din nou acum.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="39"/>
        <location filename="../../ui/users/users_dialog.py" line="45"/>
        <source>Users of the vault</source>
        <translation>Utilizatorii seifului</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>User</source>
        <translation>Utilizator</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>Organisation</source>
        <translation>Organizația</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="50"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Adaugă un utilizator…</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="51"/>
        <source>Add a user with their own passphrase</source>
        <translation>Adaugă un utilizator cu propria frază de acces</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="53"/>
        <source>&amp;Remember on this computer (system keyring)</source>
        <translation>Ține &amp;minte pe acest calculator (depozitul de chei al sistemului)</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="56"/>
        <source>Anyone who can sign in to this computer&apos;s account can then open the vault without a passphrase.</source>
        <translation>Oricine se poate autentifica în contul acestui calculator va putea apoi deschide seiful fără frază de acces.</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="82"/>
        <source>Lawyer</source>
        <translation>Avocat</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="83"/>
        <source>Investigator</source>
        <translation>Investigator</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="84"/>
        <source>Social worker</source>
        <translation>Asistent social</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="85"/>
        <source>Interpreter</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="86"/>
        <source>Coordinator</source>
        <translation>Coordonator</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="87"/>
        <source>Other</source>
        <translation>Altul</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="122"/>
        <source>This computer now remembers the vault.</source>
        <translation>Acest calculator ține minte acum seiful.</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="124"/>
        <source>This computer no longer remembers the vault.</source>
        <translation>Acest calculator nu mai ține minte seiful.</translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="53"/>
        <source>SHA-256 matches the manifest</source>
        <translation>SHA-256 corespunde manifestului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="54"/>
        <source>SHA-256 differs from the manifest: the file was changed</source>
        <translation>SHA-256 diferă de manifest: fișierul a fost modificat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="57"/>
        <source>is listed but missing</source>
        <translation>figurează în listă, dar lipsește</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="58"/>
        <source>is not listed in any manifest: the file was added</source>
        <translation>nu figurează în niciun manifest: fișierul a fost adăugat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="61"/>
        <source>is not covered by the tag manifest</source>
        <translation>nu este acoperit de manifestul de etichete</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="62"/>
        <source>cannot be read</source>
        <translation>nu poate fi citit</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="63"/>
        <source>is a symbolic link (not followed)</source>
        <translation>este o legătură simbolică (nu este urmată)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="64"/>
        <source>is not a regular file</source>
        <translation>nu este un fișier obișnuit</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="65"/>
        <source>BagIt declaration present</source>
        <translation>declarația BagIt este prezentă</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="66"/>
        <source>is not a BagIt declaration</source>
        <translation>nu este o declarație BagIt</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="67"/>
        <source>the payload size and file count match</source>
        <translation>dimensiunea conținutului și numărul de fișiere corespund</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="68"/>
        <source>the payload size or file count does not match</source>
        <translation>dimensiunea conținutului sau numărul de fișiere nu corespunde</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="71"/>
        <source>the Ed25519 signature over the tag manifest is valid</source>
        <translation>semnătura Ed25519 a manifestului de etichete este validă</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="74"/>
        <source>the Ed25519 signature does not match the tag manifest (manifest altered or signature replaced)</source>
        <translation>semnătura Ed25519 nu corespunde manifestului de etichete (manifest modificat sau semnătură înlocuită)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="79"/>
        <source>is not an Ed25519 public key</source>
        <translation>nu este o cheie publică Ed25519</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="80"/>
        <source>records the same signer key</source>
        <translation>înregistrează aceeași cheie de semnare</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="81"/>
        <source>records a different signer key</source>
        <translation>înregistrează o altă cheie de semnare</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="82"/>
        <source>is malformed</source>
        <translation>este incorect format</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="83"/>
        <source>the signed audit checkpoint is valid</source>
        <translation>punctul de control semnat al auditului este valid</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="84"/>
        <source>the audit checkpoint&apos;s signature does not verify</source>
        <translation>semnătura punctului de control al auditului nu se verifică</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="87"/>
        <source>no audit checkpoint is recorded</source>
        <translation>nu este înregistrat niciun punct de control al auditului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="88"/>
        <source>the audit checkpoint is malformed</source>
        <translation>punctul de control al auditului este incorect format</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="89"/>
        <source>the audit checkpoint cannot be checked without the signer key</source>
        <translation>punctul de control al auditului nu poate fi verificat fără cheia de semnare</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="92"/>
        <source>the certificate matches the one recorded in case.json</source>
        <translation>certificatul corespunde celui înregistrat în case.json</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="95"/>
        <source>the certificate differs from the one recorded in case.json</source>
        <translation>certificatul diferă de cel înregistrat în case.json</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="98"/>
        <source>the manifest hash differs from the hash recorded at intake</source>
        <translation>hash-ul din manifest diferă de hash-ul înregistrat la preluare</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="101"/>
        <source>is not a BagIt bundle</source>
        <translation>nu este un pachet BagIt</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="105"/>
        <source>Case</source>
        <translation>Caz</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="106"/>
        <source>Signer key (Ed25519) SHA-256</source>
        <translation>Cheia de semnare (Ed25519) SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="109"/>
        <source>Audit checkpoint</source>
        <translation>Punct de control al auditului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="110"/>
        <source>PDF signer</source>
        <translation>Semnatarul PDF</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="111"/>
        <source>Bundle id</source>
        <translation>Identificatorul pachetului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="112"/>
        <source>Created</source>
        <translation>Creat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="113"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="125"/>
        <source>the PDF signature is intact and covers the whole file</source>
        <translation>semnătura PDF este intactă și acoperă întregul fișier</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="129"/>
        <source>(self-signed certificate: intact, identity not trusted)</source>
        <translation>(certificat autosemnat: intact, identitate neconfirmată)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="138"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="140"/>
        <source>FAILED</source>
        <translation>EȘUAT</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="162"/>
        <location filename="../../ui/exports/verify_window.py" line="164"/>
        <source>Verify a bundle</source>
        <translation>Verifică un pachet</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="167"/>
        <source>Checks a bundle exported by Custodia, as a folder or a ZIP file: every file&apos;s SHA-256, the signatures and the audit checkpoint. No vault is needed.</source>
        <translation>Verifică un pachet exportat de Custodia, ca dosar sau fișier ZIP: SHA-256 al fiecărui fișier, semnăturile și punctul de control al auditului. Nu este nevoie de seif.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="173"/>
        <source>Bundle to verify</source>
        <translation>Pachetul de verificat</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="174"/>
        <source>A bundle folder or ZIP file</source>
        <translation>Un dosar sau un fișier ZIP al pachetului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="176"/>
        <source>Choose &amp;folder…</source>
        <translation>Alege &amp;dosarul…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="177"/>
        <location filename="../../ui/exports/verify_window.py" line="228"/>
        <source>Choose a bundle folder</source>
        <translation>Alegeți dosarul pachetului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="179"/>
        <source>Choose &amp;ZIP…</source>
        <translation>Alege fișierul &amp;ZIP…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="180"/>
        <location filename="../../ui/exports/verify_window.py" line="235"/>
        <source>Choose a bundle ZIP file</source>
        <translation>Alegeți fișierul ZIP al pachetului</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="182"/>
        <source>&amp;Verify</source>
        <translation>&amp;Verifică</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="183"/>
        <source>Verify the bundle</source>
        <translation>Verifică pachetul</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="190"/>
        <source>Verification progress</source>
        <translation>Progresul verificării</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="192"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anulează</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="193"/>
        <source>Cancel the verification</source>
        <translation>Anulează verificarea</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="198"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="200"/>
        <source>What the bundle says about itself</source>
        <translation>Ce declară pachetul despre sine</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="202"/>
        <source>Checks, one per item</source>
        <translation>Verificări, câte una pentru fiecare element</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="235"/>
        <source>ZIP files (*.zip)</source>
        <translation>Fișiere ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="266"/>
        <source>Checking every file…</source>
        <translation>Se verifică fiecare fișier…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="282"/>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="296"/>
        <source>NOT A READABLE BUNDLE: nothing could be checked.</source>
        <translation>PACHET ILIZIBIL: nu s-a putut verifica nimic.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/verify_window.py" line="299"/>
        <source>INTACT: all %n check(s) passed.</source>
        <translation>
            <numerusform>INTACT: %n verificare reușită.</numerusform>
            <numerusform>INTACT: toate cele %n verificări au reușit.</numerusform>
            <numerusform>INTACT: toate cele %n de verificări au reușit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/verify_window.py" line="303"/>
        <source>NOT INTACT: %n problem(s) found.</source>
        <translation>
            <numerusform>NU ESTE INTACT: %n problemă găsită.</numerusform>
            <numerusform>NU ESTE INTACT: %n probleme găsite.</numerusform>
            <numerusform>NU ESTE INTACT: %n de probleme găsite.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="305"/>
        <source>Do not rely on this bundle; ask the sender for a new copy.</source>
        <translation>Nu vă bazați pe acest pachet; cereți expeditorului o copie nouă.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="312"/>
        <source>Compare the signer key with the fingerprint the sender gave you separately (by phone or in person).</source>
        <translation>Comparați cheia de semnare cu amprenta pe care v-a dat-o expeditorul separat (la telefon sau în persoană).</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="332"/>
        <source>Verification cancelled: no verdict.</source>
        <translation>Verificare anulată: niciun verdict.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace.py" line="41"/>
        <source>Choose a case on the left, or create a new one.</source>
        <translation>Alegeți un caz din stânga sau creați unul nou.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="54"/>
        <source>Workspace</source>
        <translation>Spațiu de lucru</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="55"/>
        <source>Cases</source>
        <translation>Cazuri</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="56"/>
        <source>Audit log</source>
        <translation>Jurnal de audit</translation>
    </message>
</context>
</TS>
