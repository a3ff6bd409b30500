<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AcquisitionDialog</name>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="33"/>
        <source>How were these files obtained?</source>
        <translation>Як було отримано ці файли?</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="35"/>
        <source>Date and time known</source>
        <translation>Дата й час відомі</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="40"/>
        <source>Acquired at</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="43"/>
        <source>Acquired by</source>
        <translation>Хто отримав</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="45"/>
        <source>Acquired from</source>
        <translation>Від кого отримано</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="47"/>
        <source>Acquired from person</source>
        <translation>Отримано від особи</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="48"/>
        <source>(no person in this case)</source>
        <translation>(не від особи з цієї справи)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="52"/>
        <source>Location</source>
        <translation>Місце</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="54"/>
        <source>Method</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="55"/>
        <source>e.g. handed over on USB, screenshot</source>
        <translation>напр. передано на USB-носії, знімок екрана</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="57"/>
        <source>Tool</source>
        <translation>Інструмент</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="59"/>
        <source>Tool version</source>
        <translation>Версія інструмента</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="61"/>
        <source>Source URL</source>
        <translation>URL джерела</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="63"/>
        <source>Kind of evidence</source>
        <translation>Вид доказу</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="64"/>
        <source>e.g. photo, chat export, contract</source>
        <translation>напр. фото, експорт чату, договір</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="68"/>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="69"/>
        <source>&amp;By:</source>
        <translation>&amp;Хто:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="70"/>
        <source>&amp;From (person or body):</source>
        <translation>&amp;Від кого (особа чи установа):</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="71"/>
        <source>From &amp;person in case:</source>
        <translation>Від &amp;особи зі справи:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="72"/>
        <source>&amp;Where:</source>
        <translation>&amp;Де:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="73"/>
        <source>&amp;Method:</source>
        <translation>&amp;Спосіб:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="74"/>
        <source>&amp;Tool:</source>
        <translation>&amp;Інструмент:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="75"/>
        <source>Tool &amp;version:</source>
        <translation>&amp;Версія інструмента:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="76"/>
        <source>Source &amp;URL:</source>
        <translation>&amp;URL джерела:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="77"/>
        <source>&amp;Kind:</source>
        <translation>В&amp;ид:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/acquisition_dialog.py" line="81"/>
        <source>Add to the vault</source>
        <translation>Додати до сховища</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/acquisition_dialog.py" line="87"/>
        <source>%n file(s) will be encrypted into the vault unchanged.</source>
        <translation>
            <numerusform>%n файл буде зашифровано у сховище без змін.</numerusform>
            <numerusform>%n файли буде зашифровано у сховище без змін.</numerusform>
            <numerusform>%n файлів буде зашифровано у сховище без змін.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="36"/>
        <source>Add person</source>
        <translation>Додати особу</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="39"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="43"/>
        <source>Pseudonym</source>
        <translation>Псевдонім</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="44"/>
        <source>e.g. Witness A</source>
        <translation>напр. Свідок А</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="46"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="51"/>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="52"/>
        <source>&amp;Pseudonym:</source>
        <translation>&amp;Псевдонім:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="53"/>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
    <message>
        <location filename="../../ui/people/add_person_dialog.py" line="55"/>
        <source>Protected identity (revealed only with a reason)</source>
        <translation>Захищені особові дані (розкриваються лише із зазначенням причини)</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="37"/>
        <source>Add a user</source>
        <translation>Додати користувача</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="41"/>
        <source>The new user opens the vault with their own passphrase. Let them type it themselves; nobody else needs to know it.</source>
        <translation>Новий користувач відкриває сховище власною парольною фразою. Нехай введе її сам; більше ніхто не повинен її знати.</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="47"/>
        <source>User name</source>
        <translation>Ім’я користувача</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="50"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="52"/>
        <source>Lawyer</source>
        <translation>Юрист</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="53"/>
        <source>Investigator</source>
        <translation>Слідчий</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="54"/>
        <source>Social worker</source>
        <translation>Соціальний працівник</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="55"/>
        <source>Interpreter</source>
        <translation>Перекладач</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="56"/>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="57"/>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="62"/>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="66"/>
        <source>Passphrase of the new user</source>
        <translation>Парольна фраза нового користувача</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="67"/>
        <source>Confirm the passphrase</source>
        <translation>Підтвердьте парольну фразу</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="75"/>
        <source>Adding the user</source>
        <translation>Додавання користувача</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="79"/>
        <source>&amp;User name:</source>
        <translation>&amp;Ім’я користувача:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="80"/>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="81"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Організація:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="82"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="83"/>
        <source>&amp;Confirm:</source>
        <translation>П&amp;ідтвердження:</translation>
    </message>
    <message>
        <location filename="../../ui/users/add_user_dialog.py" line="108"/>
        <source>Enter the new user&apos;s name.</source>
        <translation>Введіть ім’я нового користувача.</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="30"/>
        <source>Add an addendum</source>
        <translation>Додати доповнення</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="33"/>
        <source>Reason for the addendum</source>
        <translation>Причина доповнення</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="35"/>
        <source>Addendum text</source>
        <translation>Текст доповнення</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="40"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="41"/>
        <source>&amp;Text:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/addendum_dialog.py" line="49"/>
        <source>An addendum is permanent once added; it cannot be edited.</source>
        <translation>Після додавання доповнення стає незмінним; його не можна редагувати.</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="45"/>
        <source>Action begins with… (e.g. case.)</source>
        <translation>Дія починається з… (напр. case.)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="46"/>
        <source>Filter by action</source>
        <translation>Фільтр за дією</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="48"/>
        <source>Subject id</source>
        <translation>ID об’єкта</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="49"/>
        <source>Filter by subject id</source>
        <translation>Фільтр за ID об’єкта</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="52"/>
        <source>&amp;Filter</source>
        <translation>&amp;Фільтрувати</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="53"/>
        <source>Apply the filter</source>
        <translation>Застосувати фільтр</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="55"/>
        <source>&amp;Verify chain</source>
        <translation>&amp;Перевірити ланцюжок</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="56"/>
        <source>Verify the audit chain</source>
        <translation>Перевірити ланцюжок журналу аудиту</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="59"/>
        <source>Verification progress</source>
        <translation>Хід перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="63"/>
        <source>Verification result</source>
        <translation>Результат перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="68"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="69"/>
        <source>When (UTC)</source>
        <translation>Коли (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="70"/>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="71"/>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="72"/>
        <source>Subject</source>
        <translation>Об’єкт</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="75"/>
        <source>Audit entries</source>
        <translation>Записи аудиту</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="86"/>
        <source>Entry details</source>
        <translation>Подробиці запису</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="136"/>
        <source>Entry hash: %1</source>
        <translation>Хеш запису: %1</translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="150"/>
        <source>Verifying the audit chain…</source>
        <translation>Перевірка ланцюжка аудиту…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audit/audit_log_view.py" line="162"/>
        <source>The audit chain is intact: %n entries verified.</source>
        <translation>
            <numerusform>Ланцюжок аудиту цілий: перевірено %n запис.</numerusform>
            <numerusform>Ланцюжок аудиту цілий: перевірено %n записи.</numerusform>
            <numerusform>Ланцюжок аудиту цілий: перевірено %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audit/audit_log_view.py" line="169"/>
        <source>The audit chain is BROKEN: the first bad entry is number %1.</source>
        <translation>Ланцюжок аудиту ПОШКОДЖЕНО: перший хибний запис має номер %1.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="67"/>
        <location filename="../../ui/backup/backup_dialog.py" line="69"/>
        <source>Back up the vault</source>
        <translation>Резервна копія сховища</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="72"/>
        <source>Choose a folder on an external drive or a shared folder. The backup stays encrypted: it opens only with a passphrase or the recovery key. A second backup to the same folder copies only what is new.</source>
        <translation>Виберіть папку на зовнішньому диску або спільну папку. Резервна копія залишається зашифрованою: її можна відкрити лише парольною фразою або ключем відновлення. Наступна копія в ту саму папку копіює лише нове.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="79"/>
        <source>Backup folder</source>
        <translation>Папка резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="83"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="84"/>
        <location filename="../../ui/backup/backup_dialog.py" line="126"/>
        <source>Choose the backup folder</source>
        <translation>Виберіть папку резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="88"/>
        <source>Backup progress</source>
        <translation>Перебіг резервного копіювання</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="92"/>
        <source>Backup status</source>
        <translation>Стан резервного копіювання</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="98"/>
        <source>Back up &amp;to:</source>
        <translation>Копіювати &amp;до:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="100"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Створити копію зараз</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="101"/>
        <source>Start the backup</source>
        <translation>Почати резервне копіювання</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="105"/>
        <location filename="../../ui/backup/backup_dialog.py" line="106"/>
        <location filename="../../ui/backup/backup_dialog.py" line="158"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="146"/>
        <source>Choose a folder outside the vault, ideally on another drive.</source>
        <translation>Виберіть папку поза сховищем, найкраще на іншому диску.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="157"/>
        <source>Backing up…</source>
        <translation>Створення резервної копії…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="180"/>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="202"/>
        <source>Backup complete: %1 new evidence file(s) copied, %2 already there; %3 written.</source>
        <translation>Резервну копію створено: скопійовано нових файлів доказів: %1, уже наявних: %2; записано %3.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="217"/>
        <source>The previous backup in this folder is unchanged.</source>
        <translation>Попередня резервна копія в цій папці не змінилася.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="224"/>
        <source>Backup cancelled. The previous backup in this folder is unchanged.</source>
        <translation>Резервне копіювання скасовано. Попередня копія в цій папці не змінилася.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_dialog.py" line="232"/>
        <location filename="../../ui/backup/backup_dialog.py" line="233"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="40"/>
        <source>No backup yet</source>
        <translation>Резервних копій ще немає</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="43"/>
        <source>today</source>
        <translation>сьогодні</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/backup_status.py" line="45"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день тому</numerusform>
            <numerusform>%n дні тому</numerusform>
            <numerusform>%n днів тому</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="47"/>
        <source>Last backup: %1 (%2)</source>
        <translation>Остання резервна копія: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/backup_status.py" line="55"/>
        <source>This vault has never been backed up. If this computer is lost, stolen or broken, everything in it is lost too.</source>
        <translation>Для цього сховища ще ніколи не створювали резервну копію. Якщо комп&apos;ютер буде втрачено, викрадено чи зламано, усе в ньому теж буде втрачено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/backup_status.py" line="61"/>
        <source>The last backup is %n day(s) old. Back up now so that a lost or broken computer does not take the only copy with it.</source>
        <translation>
            <numerusform>Останній резервній копії %n день. Створіть копію зараз, щоб утрачений чи зламаний комп&apos;ютер не забрав із собою єдиний примірник.</numerusform>
            <numerusform>Останній резервній копії %n дні. Створіть копію зараз, щоб утрачений чи зламаний комп&apos;ютер не забрав із собою єдиний примірник.</numerusform>
            <numerusform>Останній резервній копії %n днів. Створіть копію зараз, щоб утрачений чи зламаний комп&apos;ютер не забрав із собою єдиний примірник.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="40"/>
        <source>Record a break</source>
        <translation>Записати перерву</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="46"/>
        <source>Break started at</source>
        <translation>Початок перерви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="47"/>
        <source>The break has &amp;ended</source>
        <translation>Перерва &amp;закінчилася</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="52"/>
        <source>Break ended at</source>
        <translation>Кінець перерви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="55"/>
        <source>Reason for the break</source>
        <translation>Причина перерви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="56"/>
        <source>e.g. the interviewee asked to rest</source>
        <translation>напр. опитувана особа попросила відпочити</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="60"/>
        <source>&amp;Started:</source>
        <translation>&amp;Початок:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="62"/>
        <source>E&amp;nded:</source>
        <translation>&amp;Кінець:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="63"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/break_dialog.py" line="82"/>
        <source>The break cannot end before it started.</source>
        <translation>Перерва не може закінчитися раніше, ніж почалася.</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>OK</source>
        <translation>Гаразд</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="50"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="51"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="52"/>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="53"/>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="52"/>
        <source>Filter cases…</source>
        <translation>Фільтр справ…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="53"/>
        <source>Filter cases</source>
        <translation>Фільтр справ</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="57"/>
        <source>Case status</source>
        <translation>Стан справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="58"/>
        <source>Open cases</source>
        <translation>Відкриті справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="59"/>
        <source>Closed cases</source>
        <translation>Закриті справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="60"/>
        <source>All cases</source>
        <translation>Усі справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="63"/>
        <source>Cases</source>
        <translation>Справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="66"/>
        <source>&amp;New case…</source>
        <translation>&amp;Нова справа…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="67"/>
        <source>Create a new case</source>
        <translation>Створити нову справу</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list_view.py" line="131"/>
        <source>%1 people, %2 statements, %3 evidence items</source>
        <translation>Осіб: %1, заяв: %2, доказів: %3</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="45"/>
        <source>E&amp;xport bundle…</source>
        <translation>Е&amp;кспортувати пакет…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="47"/>
        <source>Export this case as a signed bundle for a recipient</source>
        <translation>Експортувати цю справу як підписаний пакет для отримувача</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="67"/>
        <source>Case sections</source>
        <translation>Розділи справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="68"/>
        <source>&amp;Overview</source>
        <translation>&amp;Огляд</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="69"/>
        <source>&amp;People</source>
        <translation>О&amp;соби</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="70"/>
        <source>Co&amp;nsent</source>
        <translation>&amp;Згода</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="71"/>
        <source>&amp;Interviews &amp;&amp; statements</source>
        <translation>&amp;Інтерв’ю та заяви</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="72"/>
        <source>E&amp;vidence</source>
        <translation>&amp;Докази</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_workspace.py" line="73"/>
        <source>En&amp;tities</source>
        <translation>&amp;Сутності</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="34"/>
        <source>Change my passphrase</source>
        <translation>Змінити мою парольну фразу</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="38"/>
        <source>Changing the passphrase of %1. Type the current passphrase again first; the recovery key keeps working.</source>
        <translation>Зміна парольної фрази користувача %1. Спершу ще раз введіть поточну парольну фразу; ключ відновлення й далі діє.</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="45"/>
        <source>Current passphrase</source>
        <translation>Поточна парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="48"/>
        <source>New passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="49"/>
        <source>Confirm the new passphrase</source>
        <translation>Підтвердження нової парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="58"/>
        <source>Saving the new passphrase</source>
        <translation>Збереження нової парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="62"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>П&amp;оточна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="63"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Нова парольна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="64"/>
        <source>&amp;Confirm:</source>
        <translation>П&amp;ідтвердження:</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="84"/>
        <source>Type your current passphrase.</source>
        <translation>Введіть поточну парольну фразу.</translation>
    </message>
    <message>
        <location filename="../../ui/users/change_passphrase_dialog.py" line="88"/>
        <source>The new passphrase is the same as the current one.</source>
        <translation>Нова парольна фраза збігається з поточною.</translation>
    </message>
</context>
<context>
    <name>CheckBackupDialog</name>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="46"/>
        <source>missing</source>
        <translation>відсутній</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="48"/>
        <source>content does not match the manifest (changed or damaged)</source>
        <translation>вміст не відповідає маніфесту (змінено або пошкоджено)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="52"/>
        <source>not listed in the manifest</source>
        <translation>не вказано в маніфесті</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="54"/>
        <source>the manifest&apos;s signature does not verify</source>
        <translation>підпис маніфесту не проходить перевірку</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="69"/>
        <location filename="../../ui/backup/check_backup_dialog.py" line="71"/>
        <source>Check a backup</source>
        <translation>Перевірити резервну копію</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="74"/>
        <source>Reads every file of the newest backup in a folder and compares it with the backup&apos;s signed manifest. Nothing is restored or changed.</source>
        <translation>Читає кожен файл найновішої резервної копії в папці й порівнює його з підписаним маніфестом копії. Нічого не відновлюється і не змінюється.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="80"/>
        <source>Backup folder</source>
        <translation>Папка резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="84"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="85"/>
        <location filename="../../ui/backup/check_backup_dialog.py" line="134"/>
        <source>Choose the backup folder</source>
        <translation>Виберіть папку резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="87"/>
        <source>C&amp;heck</source>
        <translation>&amp;Перевірити</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="88"/>
        <source>Check the backup</source>
        <translation>Перевірити резервну копію</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="95"/>
        <source>Check progress</source>
        <translation>Перебіг перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="97"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="98"/>
        <source>Cancel the check</source>
        <translation>Скасувати перевірку</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="103"/>
        <source>Check result</source>
        <translation>Результат перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="105"/>
        <source>Problems found</source>
        <translation>Виявлені проблеми</translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="160"/>
        <source>Checking every file…</source>
        <translation>Перевірка кожного файлу…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/check_backup_dialog.py" line="184"/>
        <source>The backup taken %1 is intact: %n file(s) checked.</source>
        <translation>
            <numerusform>Резервна копія від %1 неушкоджена: перевірено %n файл.</numerusform>
            <numerusform>Резервна копія від %1 неушкоджена: перевірено %n файли.</numerusform>
            <numerusform>Резервна копія від %1 неушкоджена: перевірено %n файлів.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backup/check_backup_dialog.py" line="192"/>
        <source>The backup taken %1 is NOT intact: %n problem(s) found.</source>
        <translation>
            <numerusform>Резервна копія від %1 ПОШКОДЖЕНА: виявлено %n проблему.</numerusform>
            <numerusform>Резервна копія від %1 ПОШКОДЖЕНА: виявлено %n проблеми.</numerusform>
            <numerusform>Резервна копія від %1 ПОШКОДЖЕНА: виявлено %n проблем.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backup/check_backup_dialog.py" line="212"/>
        <source>Check cancelled: no verdict.</source>
        <translation>Перевірку скасовано: висновку немає.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="48"/>
        <source>Record withdrawal</source>
        <translation>Зареєструвати відкликання</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="48"/>
        <source>Record consent</source>
        <translation>Зареєструвати згоду</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="51"/>
        <source>Whose consent</source>
        <translation>Чия згода</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="52"/>
        <source>Whole case</source>
        <translation>Уся справа</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="58"/>
        <source>Given at</source>
        <translation>Надано</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="60"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="62"/>
        <source>Interpreter</source>
        <translation>Перекладач</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="64"/>
        <source>Method</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="68"/>
        <source>Witness</source>
        <translation>Свідок</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="70"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="75"/>
        <source>&amp;Person:</source>
        <translation>&amp;Особа:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="76"/>
        <source>&amp;Given at:</source>
        <translation>&amp;Надано:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="77"/>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="78"/>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Перекладач:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="79"/>
        <source>&amp;Method:</source>
        <translation>&amp;Спосіб:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="80"/>
        <source>&amp;Witness:</source>
        <translation>&amp;Свідок:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="81"/>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="83"/>
        <source>May be shared with</source>
        <translation>Можна передавати</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_dialog.py" line="103"/>
        <source>A withdrawal is a new version: nothing may be shared from then on.</source>
        <translation>Відкликання — це нова версія: відтоді нічого не можна передавати.</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="41"/>
        <source>Current consent</source>
        <translation>Чинна згода</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="45"/>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="46"/>
        <source>Given</source>
        <translation>Надано</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="47"/>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="48"/>
        <source>Method</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="49"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="50"/>
        <source>May be shared with</source>
        <translation>Можна передавати</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="53"/>
        <source>Consent versions</source>
        <translation>Версії згоди</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="60"/>
        <source>&amp;Record consent…</source>
        <translation>&amp;Зареєструвати згоду…</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="61"/>
        <source>Record a new consent version</source>
        <translation>Зареєструвати нову версію згоди</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="63"/>
        <source>Record &amp;withdrawal…</source>
        <translation>Зареєструвати &amp;відкликання…</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="64"/>
        <source>Record that consent was withdrawn</source>
        <translation>Зареєструвати, що згоду відкликано</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="78"/>
        <source>WITHDRAWN: no one</source>
        <translation>ВІДКЛИКАНО: нікому</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="91"/>
        <source>whole case</source>
        <translation>уся справа</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="100"/>
        <source>No consent recorded yet: nothing may be exported.</source>
        <translation>Згоду ще не зареєстровано: нічого не можна експортувати.</translation>
    </message>
    <message>
        <location filename="../../ui/consent/consent_tab.py" line="103"/>
        <source>In force: %1</source>
        <translation>Чинна: %1</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="49"/>
        <source>Create a Custodia vault</source>
        <translation>Створення сховища Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="55"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="56"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далі &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="57"/>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/create_vault_dialog.py" line="62"/>
        <source>&amp;Verify a bundle…</source>
        <translation>П&amp;еревірити пакет…</translation>
    </message>
</context>
<context>
    <name>CustodyEventDialog</name>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="49"/>
        <source>Custody event for %1</source>
        <translation>Подія зберігання для %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="52"/>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="58"/>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="60"/>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="62"/>
        <source>From</source>
        <translation>Від кого</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="64"/>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="66"/>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="68"/>
        <source>Authority reference</source>
        <translation>Реквізити органу</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="70"/>
        <source>Method</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="73"/>
        <source>&amp;Event:</source>
        <translation>&amp;Подія:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="74"/>
        <source>W&amp;hen:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="75"/>
        <source>&amp;Who:</source>
        <translation>&amp;Хто:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="76"/>
        <source>&amp;From:</source>
        <translation>&amp;Від кого:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="77"/>
        <source>&amp;To:</source>
        <translation>К&amp;ому:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="78"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мета:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="79"/>
        <source>&amp;Authority reference:</source>
        <translation>&amp;Реквізити органу:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/custody_event_dialog.py" line="80"/>
        <source>&amp;Method:</source>
        <translation>&amp;Спосіб:</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../ui/evidence/custody_timeline.py" line="16"/>
        <source>Chain of custody</source>
        <translation>Ланцюг зберігання</translation>
    </message>
</context>
<context>
    <name>DescriptionDialog</name>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="30"/>
        <source>Describe %1</source>
        <translation>Опис доказу %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="33"/>
        <source>Kind of evidence</source>
        <translation>Вид доказу</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="35"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="39"/>
        <source>&amp;Kind:</source>
        <translation>В&amp;ид:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/description_dialog.py" line="40"/>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="32"/>
        <source>Edit case %1</source>
        <translation>Редагування справи %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="35"/>
        <source>Case title</source>
        <translation>Назва справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="37"/>
        <source>Jurisdiction</source>
        <translation>Юрисдикція</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="39"/>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="41"/>
        <source>Keep until a date</source>
        <translation>Зберігати до певної дати</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="43"/>
        <source>Keep until</source>
        <translation>Зберігати до</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="55"/>
        <source>&amp;Title:</source>
        <translation>Н&amp;азва:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="56"/>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Юрисдикція:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="57"/>
        <source>&amp;Description:</source>
        <translation>&amp;Опис:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/edit_case_dialog.py" line="59"/>
        <source>&amp;Keep until:</source>
        <translation>З&amp;берігати до:</translation>
    </message>
</context>
<context>
    <name>EditIdentityDialog</name>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="41"/>
        <source>Protected identity</source>
        <translation>Захищені особові дані</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="44"/>
        <source>Identity of %1. This reveal was recorded in the audit log.</source>
        <translation>Особові дані: %1. Це розкриття зареєстровано в журналі аудиту.</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_identity_dialog.py" line="46"/>
        <source>No identity is recorded for %1 yet.</source>
        <translation>Для %1 ще не записано особових даних.</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="36"/>
        <source>Edit person</source>
        <translation>Редагувати особу</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="39"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="44"/>
        <source>Pseudonym</source>
        <translation>Псевдонім</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="46"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="52"/>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="53"/>
        <source>&amp;Pseudonym:</source>
        <translation>&amp;Псевдонім:</translation>
    </message>
    <message>
        <location filename="../../ui/people/edit_person_dialog.py" line="54"/>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
</context>
<context>
    <name>EntitiesTab</name>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="46"/>
        <source>Kind of entity</source>
        <translation>Вид сутності</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="50"/>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="51"/>
        <source>e.g. +40 712 345 678</source>
        <translation>напр. +40 712 345 678</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="54"/>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="55"/>
        <source>Note (optional)</source>
        <translation>Примітка (необов’язково)</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="56"/>
        <source>&amp;Add</source>
        <translation>&amp;Додати</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="57"/>
        <source>Add the entity to the case</source>
        <translation>Додати сутність до справи</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="68"/>
        <source>Added</source>
        <translation>Додано</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="70"/>
        <source>Entities in the case</source>
        <translation>Сутності у справі</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="79"/>
        <source>&amp;Remove from case…</source>
        <translation>&amp;Вилучити зі справи…</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="80"/>
        <source>Remove the chosen entity from the case</source>
        <translation>Вилучити вибрану сутність зі справи</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="82"/>
        <source>For an entry made by mistake; the removal and its reason are audited.</source>
        <translation>Для помилково внесеного запису; вилучення та його причина записуються в журнал аудиту.</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="94"/>
        <source>Links to other cases</source>
        <translation>Зв’язки з іншими справами</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="100"/>
        <source>Also found in other cases</source>
        <translation>Трапляється також в інших справах</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="128"/>
        <source>%1 %2 also appears in case %3</source>
        <translation>%1 %2 трапляється також у справі %3</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="136"/>
        <source>No links to other cases.</source>
        <translation>Зв’язків з іншими справами немає.</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="156"/>
        <source>Remove from case</source>
        <translation>Вилучення зі справи</translation>
    </message>
    <message>
        <location filename="../../ui/entities/entities_tab.py" line="157"/>
        <source>Why should %1 be removed from this case? The reason is recorded.</source>
        <translation>Чому %1 слід вилучити з цієї справи? Причину буде записано.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>The vault could not complete the operation.</source>
        <translation>Сховищу не вдалося виконати операцію.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>No vault was found at this location.</source>
        <translation>У цьому місці немає сховища.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="38"/>
        <source>A vault already exists at this location. Choose an empty folder.</source>
        <translation>У цьому місці вже є сховище. Виберіть порожню теку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>The vault is already open in another Custodia window or program.</source>
        <translation>Сховище вже відкрите в іншому вікні чи програмі Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>Сховище заблоковане. Розблокуйте його, щоб продовжити.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The vault could not be unlocked.</source>
        <translation>Не вдалося розблокувати сховище.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Неправильна парольна фраза. Перевірте розкладку клавіатури та Caps Lock і спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>This recovery key does not open this vault.</source>
        <translation>Цей ключ відновлення не відкриває це сховище.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>That is not a recovery key: it has 32 letters and digits in groups of four.</source>
        <translation>Це не ключ відновлення: він має 32 літери й цифри, згруповані по чотири.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>This vault has no user of that name.</source>
        <translation>У цьому сховищі немає користувача з таким ім’ям.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>This vault already has a user of that name.</source>
        <translation>У цьому сховищі вже є користувач з таким ім’ям.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57"/>
        <source>This vault asks for unsafe key settings and was not opened.</source>
        <translation>Це сховище вимагає небезпечних параметрів ключа, тому його не відкрито.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>Парольна фраза закоротка: використайте щонайменше 8 символів.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>No secure system keyring is available on this computer.</source>
        <translation>На цьому комп’ютері немає захищеного системного сховища ключів.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66"/>
        <source>The system keyring no longer holds this vault&apos;s secret. Use your passphrase.</source>
        <translation>Системне сховище ключів більше не містить секрету цього сховища. Скористайтеся парольною фразою.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>The vault&apos;s header file is damaged. Restore the vault from a backup.</source>
        <translation>Файл заголовка сховища пошкоджено. Відновіть сховище з резервної копії.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>The vault&apos;s header was damaged or tampered with. Restore it from a backup.</source>
        <translation>Заголовок сховища пошкоджено або змінено. Відновіть його з резервної копії.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>This vault was made by a newer version of Custodia. Update Custodia.</source>
        <translation>Це сховище створено новішою версією Custodia. Оновіть Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>The vault database is damaged or belongs to another vault.</source>
        <translation>База даних сховища пошкоджена або належить іншому сховищу.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81"/>
        <source>This installation&apos;s encryption library is not safe to use. Reinstall Custodia.</source>
        <translation>Бібліотека шифрування цієї інсталяції небезпечна. Перевстановіть Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>The vault is older than its last signed checkpoint: it may have been replaced. It was not opened.</source>
        <translation>Сховище старіше за свою останню підписану контрольну точку: його могли підмінити. Його не відкрито.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="89"/>
        <source>The audit log does not verify: an entry was altered or removed.</source>
        <translation>Журнал аудиту не пройшов перевірку: запис змінено або вилучено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>The vault could not be upgraded to this version of Custodia.</source>
        <translation>Не вдалося оновити сховище до цієї версії Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>An evidence file could not be read.</source>
        <translation>Не вдалося прочитати файл доказу.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>An encrypted evidence file is damaged or was tampered with.</source>
        <translation>Зашифрований файл доказу пошкоджено або змінено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="99"/>
        <source>An encrypted evidence file is missing from the vault.</source>
        <translation>У сховищі бракує зашифрованого файлу доказу.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>The file to add could not be read.</source>
        <translation>Не вдалося прочитати файл, який потрібно додати.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="103"/>
        <source>The file changed while it was being added; nothing was stored.</source>
        <translation>Файл змінився під час додавання; нічого не збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="106"/>
        <source>Cancelled; nothing was stored.</source>
        <translation>Скасовано; нічого не збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="107"/>
        <source>The disk is full; nothing was stored.</source>
        <translation>Диск заповнено; нічого не збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="108"/>
        <source>The vault is on a read-only disk.</source>
        <translation>Сховище розташоване на диску лише для читання.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>The case data could not be changed or read.</source>
        <translation>Не вдалося змінити або прочитати дані справи.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="111"/>
        <source>This record no longer exists.</source>
        <translation>Цього запису більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>No case with this reference exists.</source>
        <translation>Справи з таким номером не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="113"/>
        <source>This person no longer exists.</source>
        <translation>Цієї особи більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="114"/>
        <source>This interview no longer exists.</source>
        <translation>Цього інтерв’ю більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="115"/>
        <source>This statement no longer exists.</source>
        <translation>Цієї заяви більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="116"/>
        <source>This evidence item no longer exists.</source>
        <translation>Цього доказу більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="119"/>
        <source>This entity no longer exists.</source>
        <translation>Цієї сутності більше не існує.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="120"/>
        <source>The indicator catalogue has no such indicator.</source>
        <translation>У каталозі індикаторів немає такого індикатора.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="123"/>
        <source>A required value is missing or not valid.</source>
        <translation>Обов’язкове значення відсутнє або недійсне.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="124"/>
        <source>Another case already uses this reference.</source>
        <translation>Цей номер уже використовує інша справа.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="127"/>
        <source>A case reference may use letters, digits, - _ . and /, at most 64 characters.</source>
        <translation>Номер справи може містити літери, цифри, - _ . та /, не більше 64 символів.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>A minor must have a guardian recorded.</source>
        <translation>Для неповнолітньої особи треба зазначити опікуна.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="134"/>
        <source>This value is not valid for the chosen kind of entity.</source>
        <translation>Це значення недійсне для вибраного виду сутності.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="137"/>
        <source>Please give a reason for this action.</source>
        <translation>Зазначте причину цієї дії.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="138"/>
        <source>The case is closed; reopen it before adding to it.</source>
        <translation>Справу закрито; відкрийте її знову, перш ніж щось додавати.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>The statement is finalised and cannot be changed; add an addendum instead.</source>
        <translation>Заяву остаточно оформлено, її не можна змінити; натомість додайте доповнення.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="144"/>
        <source>Addenda can only be added to a finalised statement.</source>
        <translation>Доповнення можна додавати лише до остаточно оформленої заяви.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="147"/>
        <source>This record is part of the permanent record and cannot be changed.</source>
        <translation>Цей запис є частиною незмінного архіву, і його не можна змінити.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="150"/>
        <source>The recorded consent does not allow sharing with this recipient.</source>
        <translation>Зареєстрована згода не дозволяє передавати дані цьому одержувачу.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="153"/>
        <source>The case is under legal hold; nothing in it can be erased.</source>
        <translation>Справа під юридичним утриманням; з неї нічого не можна видалити.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="156"/>
        <source>The evidence file no longer matches its recorded fingerprint (hash).</source>
        <translation>Файл доказу більше не відповідає зареєстрованому відбитку (хешу).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="159"/>
        <source>The trafficking-indicator catalogue is missing or damaged.</source>
        <translation>Каталог індикаторів торгівлі людьми відсутній або пошкоджений.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="163"/>
        <source>The export could not be completed.</source>
        <translation>Не вдалося завершити експорт.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="164"/>
        <source>Refused: the recorded consent does not cover this export.</source>
        <translation>Відмовлено: зареєстрована згода не охоплює цей експорт.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="167"/>
        <source>Refused: this redaction profile may not be used for this recipient.</source>
        <translation>Відмовлено: цей профіль знеособлення не можна застосовувати для цього одержувача.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="170"/>
        <source>The export scope is not valid.</source>
        <translation>Обсяг експорту недійсний.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="171"/>
        <source>There is nothing to export in this scope.</source>
        <translation>У цьому обсязі нічого експортувати.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="174"/>
        <source>The destination already exists; choose a new name.</source>
        <translation>Місце призначення вже існує; виберіть нову назву.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="177"/>
        <source>The destination folder cannot be written to.</source>
        <translation>До теки призначення неможливо записати.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="180"/>
        <source>An evidence file no longer matches its recorded hash; nothing was exported.</source>
        <translation>Файл доказу більше не відповідає зареєстрованому хешу; нічого не експортовано.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="183"/>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Експорт скасовано; нічого не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="186"/>
        <source>The bundle could not be written (disk full or not writable); nothing was kept.</source>
        <translation>Не вдалося записати пакет (диск заповнений або недоступний для запису); нічого не збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="189"/>
        <source>The report could not be signed.</source>
        <translation>Не вдалося підписати звіт.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="190"/>
        <source>The organisation&apos;s certificate could not be used.</source>
        <translation>Не вдалося використати сертифікат організації.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="193"/>
        <source>The report could not be produced.</source>
        <translation>Не вдалося створити звіт.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="194"/>
        <source>The bundle could not be verified.</source>
        <translation>Не вдалося перевірити пакет.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="195"/>
        <source>The bundle cannot be read: it is not a folder or ZIP file Custodia can open.</source>
        <translation>Пакет неможливо прочитати: це не тека чи ZIP-файл, які Custodia може відкрити.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="198"/>
        <source>The ZIP file was refused as unsafe.</source>
        <translation>ZIP-файл відхилено як небезпечний.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="200"/>
        <source>The backup could not be made or read.</source>
        <translation>Не вдалося створити або прочитати резервну копію.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="201"/>
        <source>No Custodia backup was found in this folder.</source>
        <translation>У цій папці не знайдено резервної копії Custodia.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="202"/>
        <source>The backup is damaged or was tampered with; it was not restored.</source>
        <translation>Резервна копія пошкоджена або була змінена; її не відновлено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="205"/>
        <source>The restore destination already holds a vault or other files; choose a new folder.</source>
        <translation>Місце відновлення вже містить сховище або інші файли; виберіть нову папку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="209"/>
        <source>Custodia could not complete the operation.</source>
        <translation>Custodia не вдалося виконати операцію.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="212"/>
        <source>Something went wrong and the action was not completed. Your data is safe; please try again, and tell your administrator if it happens again.</source>
        <translation>Щось пішло не так, і дію не виконано. Ваші дані в безпеці; спробуйте ще раз і повідомте адміністратора, якщо це повториться.</translation>
    </message>
</context>
<context>
    <name>EvidenceDetails</name>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="38"/>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="39"/>
        <source>Original file:</source>
        <translation>Оригінальний файл:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="40"/>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="41"/>
        <source>Size:</source>
        <translation>Розмір:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="42"/>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="43"/>
        <source>Added:</source>
        <translation>Додано:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="44"/>
        <source>Obtained:</source>
        <translation>Отримано:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="45"/>
        <source>Obtained by:</source>
        <translation>Хто отримав:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="46"/>
        <source>Obtained from:</source>
        <translation>Від кого:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="47"/>
        <source>Where:</source>
        <translation>Де:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="48"/>
        <source>Method:</source>
        <translation>Спосіб:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="49"/>
        <source>Tool:</source>
        <translation>Інструмент:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="50"/>
        <source>Source URL:</source>
        <translation>URL джерела:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_details.py" line="51"/>
        <source>Notes:</source>
        <translation>Примітки:</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="69"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Додати файли…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="70"/>
        <location filename="../../ui/evidence/evidence_tab.py" line="185"/>
        <source>Add evidence files</source>
        <translation>Додати файли доказів</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="72"/>
        <source>or drop files here</source>
        <translation>або перетягніть файли сюди</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="75"/>
        <source>Adding files</source>
        <translation>Додавання файлів</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="77"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="78"/>
        <source>Cancel adding files</source>
        <translation>Скасувати додавання файлів</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="82"/>
        <source>Evidence status</source>
        <translation>Стан доказів</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="83"/>
        <source>Record custody &amp;event…</source>
        <translation>Зареєструвати &amp;подію зберігання…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="84"/>
        <source>Record a custody event for this item</source>
        <translation>Зареєструвати подію зберігання для цього доказу</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="86"/>
        <source>Edit &amp;description…</source>
        <translation>Редагувати &amp;опис…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="87"/>
        <source>Edit the kind and notes of this item</source>
        <translation>Редагувати вид і примітки цього доказу</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="89"/>
        <source>Re-check &amp;hash</source>
        <translation>Перевірити &amp;хеш</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="91"/>
        <source>Decrypt the item and compare its SHA-256 with the recorded one</source>
        <translation>Розшифрувати доказ і порівняти його SHA-256 із зареєстрованим</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="108"/>
        <source>Added</source>
        <translation>Додано</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="110"/>
        <source>Evidence items</source>
        <translation>Докази</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="124"/>
        <source>Evidence item</source>
        <translation>Доказ</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="125"/>
        <source>Record</source>
        <translation>Картка</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="126"/>
        <source>Custody</source>
        <translation>Зберігання</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="127"/>
        <source>Preview</source>
        <translation>Перегляд</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/evidence_tab.py" line="235"/>
        <source>Encrypting %n file(s) into the vault…</source>
        <translation>
            <numerusform>Шифрування %n файлу у сховище…</numerusform>
            <numerusform>Шифрування %n файлів у сховище…</numerusform>
            <numerusform>Шифрування %n файлів у сховище…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="247"/>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/evidence_tab.py" line="254"/>
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>Додано %n файл.</numerusform>
            <numerusform>Додано %n файли.</numerusform>
            <numerusform>Додано %n файлів.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="263"/>
        <source>Cancelled. Files already completed stay in the vault; nothing partial does.</source>
        <translation>Скасовано. Уже завершені файли залишаються у сховищі; незавершені — ні.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="307"/>
        <source>Re-checking %1…</source>
        <translation>Перевірка %1…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="311"/>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="321"/>
        <source>%1 is intact: its SHA-256 matches the recorded one.</source>
        <translation>%1 цілий: SHA-256 збігається із зареєстрованим.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/evidence_tab.py" line="325"/>
        <source>%1 does NOT match its recorded SHA-256.</source>
        <translation>%1 НЕ збігається із зареєстрованим SHA-256.</translation>
    </message>
</context>
<context>
    <name>ExportDecision</name>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="33"/>
        <source>no consent is recorded</source>
        <translation>згоду не зафіксовано</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="35"/>
        <source>consent was withdrawn (version %1)</source>
        <translation>згоду відкликано (версія %1)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="41"/>
        <source>consent version %1 allows only: %2; not %3</source>
        <translation>версія згоди %1 дозволяє лише: %2; не %3</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="56"/>
        <source>The court profile shows full identities and may go only to a court, a prosecutor, the police or your own organisation. Choose the pseudonymised profile for %1.</source>
        <translation>Судовий профіль показує повні особисті дані й може надсилатися лише до суду, прокурору, поліції або вашій власній організації. Для отримувача «%1» виберіть псевдонімізований профіль.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="69"/>
        <source>No consent is recorded for this case.</source>
        <translation>Для цієї справи згоду не зафіксовано.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="76"/>
        <source>Case consent: %1.</source>
        <translation>Згода у справі: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/consent_check.py" line="99"/>
        <source>Consent (version %1) covers sharing with %2.</source>
        <translation>Згода (версія %1) дозволяє передавання отримувачу: %2.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="92"/>
        <location filename="../../ui/exports/export_wizard.py" line="95"/>
        <source>Export a bundle</source>
        <translation>Експорт пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="97"/>
        <source>Case to export</source>
        <translation>Справа для експорту</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="101"/>
        <source>Recipient</source>
        <translation>Отримувач</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="102"/>
        <source>e.g. Tribunal Constanța, judge I. Popa</source>
        <translation>напр. Tribunal Constanța, суддя I. Popa</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="104"/>
        <source>Recipient category</source>
        <translation>Категорія отримувача</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="107"/>
        <source>C&amp;ourt: full identities</source>
        <translation>&amp;Судовий: повні особисті дані</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="108"/>
        <source>Court profile, with full identities</source>
        <translation>Судовий профіль, з повними особистими даними</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="109"/>
        <source>&amp;Pseudonymised: no protected identity</source>
        <translation>&amp;Псевдонімізований: без захищених особистих даних</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="110"/>
        <source>Pseudonymised profile</source>
        <translation>Псевдонімізований профіль</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="116"/>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="118"/>
        <source>Authority reference</source>
        <translation>Реквізити органу</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="119"/>
        <source>&amp;Folder</source>
        <translation>&amp;Папка</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="120"/>
        <source>Write the bundle as a folder</source>
        <translation>Записати пакет як папку</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="121"/>
        <source>&amp;ZIP file</source>
        <translation>Файл &amp;ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="122"/>
        <source>Write the bundle as one ZIP file</source>
        <translation>Записати пакет як один файл ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="128"/>
        <source>Where to write the bundle</source>
        <translation>Куди записати пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="129"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="130"/>
        <source>Choose where to write the bundle</source>
        <translation>Виберіть, куди записати пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="134"/>
        <source>Consent decision</source>
        <translation>Рішення щодо згоди</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="148"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Отримувач:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="149"/>
        <source>Recipient &amp;category:</source>
        <translation>&amp;Категорія отримувача:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="150"/>
        <source>Profile:</source>
        <translation>Профіль:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="151"/>
        <source>P&amp;urpose:</source>
        <translation>&amp;Мета:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="152"/>
        <source>&amp;Authority reference:</source>
        <translation>&amp;Реквізити органу:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="153"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="154"/>
        <source>&amp;Save as:</source>
        <translation>З&amp;берегти як:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="165"/>
        <source>Export progress</source>
        <translation>Перебіг експорту</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="167"/>
        <source>Export status</source>
        <translation>Стан експорту</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="178"/>
        <source>Export result</source>
        <translation>Результат експорту</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="180"/>
        <source>What the bundle holds</source>
        <translation>Що містить пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="183"/>
        <source>Signer key fingerprint. Give it to the recipient separately (by phone or in person), not with the bundle: it lets them check the bundle came from you.</source>
        <translation>Відбиток ключа підпису. Передайте його отримувачу окремо (телефоном або особисто), а не разом із пакетом: так отримувач зможе переконатися, що пакет надіслали саме ви.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="190"/>
        <source>Signer key fingerprint</source>
        <translation>Відбиток ключа підпису</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="195"/>
        <source>&amp;Verify the bundle…</source>
        <translation>&amp;Перевірити пакет…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="196"/>
        <source>Verify the bundle just written</source>
        <translation>Перевірити щойно записаний пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="216"/>
        <source>&amp;Export</source>
        <translation>&amp;Експортувати</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="217"/>
        <source>Export the bundle</source>
        <translation>Експортувати пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="221"/>
        <location filename="../../ui/exports/export_wizard.py" line="222"/>
        <location filename="../../ui/exports/export_wizard.py" line="340"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="260"/>
        <source>Allowed: %1</source>
        <translation>Дозволено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="263"/>
        <source>Refused. This export is not allowed:</source>
        <translation>Відмовлено. Цей експорт не дозволено:</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="281"/>
        <source>Save the bundle as</source>
        <translation>Зберегти пакет як</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="283"/>
        <source>ZIP files (*.zip)</source>
        <translation>Файли ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="289"/>
        <source>Choose the folder to write the bundle in</source>
        <translation>Виберіть папку, у яку записати пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="313"/>
        <source>%1 already exists; choose a new name.</source>
        <translation>%1 уже існує; виберіть нову назву.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="335"/>
        <source>Writing and signing the bundle for %1…</source>
        <translation>Запис і підписання пакета для отримувача: %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="359"/>
        <source>The bundle was written and signed:</source>
        <translation>Пакет записано й підписано:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/export_wizard.py" line="363"/>
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n свідчення</numerusform>
            <numerusform>%n свідчення</numerusform>
            <numerusform>%n свідчень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/export_wizard.py" line="364"/>
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n файл доказів</numerusform>
            <numerusform>%n файли доказів</numerusform>
            <numerusform>%n файлів доказів</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="368"/>
        <source>Withheld under this profile: %1</source>
        <translation>Утримано згідно з цим профілем: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="373"/>
        <source>Recorded in the audit log, with an &quot;exported&quot; custody event per item.</source>
        <translation>Записано в журнал аудиту, з подією зберігання «експортовано» для кожного елемента.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="387"/>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="396"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>Експорт скасовано; нічого не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="404"/>
        <location filename="../../ui/exports/export_wizard.py" line="405"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/exports/export_wizard.py" line="411"/>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="33"/>
        <source>Protected identity</source>
        <translation>Захищені особові дані</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="36"/>
        <source>Identity of %1. This reveal was recorded in the audit log.</source>
        <translation>Особові дані: %1. Це розкриття зареєстровано в журналі аудиту.</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="43"/>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="43"/>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="47"/>
        <source>Legal name</source>
        <translation>Справжнє ім’я</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="48"/>
        <source>Legal name:</source>
        <translation>Справжнє ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="49"/>
        <source>Birth date:</source>
        <translation>Дата народження:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="50"/>
        <source>Nationality:</source>
        <translation>Громадянство:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="56"/>
        <source>Documents:</source>
        <translation>Документи:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="58"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="59"/>
        <source>Contact:</source>
        <translation>Контакт:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="61"/>
        <source>Safe to contact:</source>
        <translation>Можна безпечно контактувати:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="78"/>
        <source>Guardian:</source>
        <translation>Опікун:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="79"/>
        <source>&amp;Copy contact</source>
        <translation>&amp;Копіювати контакт</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_dialog.py" line="80"/>
        <source>Copy the contact (cleared after 30 seconds)</source>
        <translation>Копіювати контакт (буде стерто через 30 секунд)</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../ui/people/identity_form.py" line="22"/>
        <source>Legal name</source>
        <translation>Справжнє ім’я</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="24"/>
        <source>Birth date</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="28"/>
        <source>not known</source>
        <translation>невідома</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="31"/>
        <source>Nationality</source>
        <translation>Громадянство</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="33"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="34"/>
        <source>Safe to contact</source>
        <translation>Можна безпечно контактувати</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="36"/>
        <source>Safe contact method</source>
        <translation>Безпечний спосіб зв’язку</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="37"/>
        <source>Minor</source>
        <translation>Неповнолітня особа</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="39"/>
        <source>Guardian</source>
        <translation>Опікун</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="43"/>
        <source>Legal &amp;name:</source>
        <translation>&amp;Юридичне ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="44"/>
        <source>&amp;Birth date:</source>
        <translation>Дата &amp;народження:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="45"/>
        <source>Nationalit&amp;y:</source>
        <translation>&amp;Громадянство:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="46"/>
        <source>&amp;Contact:</source>
        <translation>&amp;Контакт:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="48"/>
        <source>Safe &amp;method:</source>
        <translation>Безпечний &amp;спосіб:</translation>
    </message>
    <message>
        <location filename="../../ui/people/identity_form.py" line="50"/>
        <source>&amp;Guardian:</source>
        <translation>&amp;Опікун:</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="13"/>
        <source>Your account</source>
        <translation>Ваш обліковий запис</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="15"/>
        <source>Your name is recorded in the audit log next to everything you do.</source>
        <translation>Ваше ім’я записується в журнал аудиту поруч із кожною вашою дією.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="18"/>
        <source>User name</source>
        <translation>Ім’я користувача</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="22"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="24"/>
        <source>Lawyer</source>
        <translation>Юрист</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="25"/>
        <source>Investigator</source>
        <translation>Слідчий</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="26"/>
        <source>Social worker</source>
        <translation>Соціальний працівник</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="27"/>
        <source>Interpreter</source>
        <translation>Перекладач</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="28"/>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="29"/>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="34"/>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="38"/>
        <source>&amp;User name:</source>
        <translation>&amp;Ім’я користувача:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="39"/>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/identity_page.py" line="40"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Організація:</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="45"/>
        <source>New interview</source>
        <translation>Нове інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="45"/>
        <source>Edit interview</source>
        <translation>Редагувати інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="48"/>
        <source>Person interviewed</source>
        <translation>Опитана особа</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="49"/>
        <source>(not recorded)</source>
        <translation>(не зазначено)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="55"/>
        <source>Started at</source>
        <translation>Початок</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="57"/>
        <source>Location</source>
        <translation>Місце</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="59"/>
        <source>Interviewer</source>
        <translation>Хто проводив</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="61"/>
        <source>Interpreter</source>
        <translation>Перекладач</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="63"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="65"/>
        <source>Also present</source>
        <translation>Також були присутні</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="66"/>
        <source>name (role), name (role)…</source>
        <translation>ім’я (роль), ім’я (роль)…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="67"/>
        <source>typed notes</source>
        <translation>надруковані нотатки</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="68"/>
        <source>How it was recorded</source>
        <translation>Як зафіксовано</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="70"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="75"/>
        <source>&amp;Person:</source>
        <translation>&amp;Особа:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="76"/>
        <source>&amp;Started:</source>
        <translation>&amp;Початок:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="77"/>
        <source>&amp;Location:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="78"/>
        <source>&amp;Interviewer:</source>
        <translation>&amp;Хто проводив:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="79"/>
        <source>Inter&amp;preter:</source>
        <translation>Пере&amp;кладач:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="80"/>
        <source>Lan&amp;guage:</source>
        <translation>Мо&amp;ва:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="81"/>
        <source>Also p&amp;resent:</source>
        <translation>Також п&amp;рисутні:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="82"/>
        <source>Recor&amp;ded as:</source>
        <translation>З&amp;афіксовано як:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/interview_dialog.py" line="83"/>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="22"/>
        <source>Welcome to Custodia</source>
        <translation>Ласкаво просимо до Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="25"/>
        <source>Custodia keeps interviews, statements and evidence in an encrypted vault on this computer. First choose where the vault is stored.</source>
        <translation>Custodia зберігає інтерв’ю, заяви та докази в зашифрованому сховищі на цьому комп’ютері. Спершу виберіть, де зберігатиметься сховище.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="30"/>
        <source>Vault folder</source>
        <translation>Тека сховища</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="32"/>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="33"/>
        <location filename="../../ui/onboarding/location_page.py" line="69"/>
        <source>Choose the vault folder</source>
        <translation>Виберіть теку сховища</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="40"/>
        <source>Choose an empty folder, ideally on an encrypted disk. Keep regular backups: without the vault folder, nothing can be recovered.</source>
        <translation>Виберіть порожню теку, бажано на зашифрованому диску. Регулярно робіть резервні копії: без теки сховища нічого не можна відновити.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="45"/>
        <source>Vault folder:</source>
        <translation>Тека сховища:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/location_page.py" line="63"/>
        <source>This folder is not empty. Choose an empty or a new folder.</source>
        <translation>Ця тека не порожня. Виберіть порожню або нову теку.</translation>
    </message>
</context>
<context>
    <name>LockedView</name>
    <message>
        <location filename="../../ui/locked_view.py" line="20"/>
        <location filename="../../ui/locked_view.py" line="60"/>
        <location filename="../../ui/locked_view.py" line="63"/>
        <source>The vault is locked</source>
        <translation>Сховище заблоковане</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="24"/>
        <source>Vault location</source>
        <translation>Розташування сховища</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="27"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Розблокувати…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="28"/>
        <source>Unlock the vault</source>
        <translation>Розблокування сховища</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="30"/>
        <source>&amp;Create a new vault…</source>
        <translation>&amp;Створити нове сховище…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="31"/>
        <source>Create a new vault</source>
        <translation>Створити нове сховище</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="33"/>
        <source>&amp;Verify a bundle…</source>
        <translation>П&amp;еревірити пакет…</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="34"/>
        <source>Verify a bundle, without unlocking</source>
        <translation>Перевірити пакет без розблокування</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="57"/>
        <source>No vault yet</source>
        <translation>Сховища ще немає</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="58"/>
        <source>Create a vault to start recording cases.</source>
        <translation>Створіть сховище, щоб почати реєструвати справи.</translation>
    </message>
    <message>
        <location filename="../../ui/locked_view.py" line="61"/>
        <source>Locked after a period without activity.</source>
        <translation>Заблоковано після періоду бездіяльності.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Last backup</source>
        <translation>Остання резервна копія</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Backup reminder</source>
        <translation>Нагадування про резервну копію</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Custodia</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>&amp;Lock vault</source>
        <translation>&amp;Заблокувати сховище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&amp;Search the vault…</source>
        <translation>&amp;Пошук у сховищі…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;About Custodia</source>
        <translation>&amp;Про Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Створити резервну копію зараз…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Chec&amp;k a backup…</source>
        <translation>Пере&amp;вірити резервну копію…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Відновити з резервної копії…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Verify a bundle…</source>
        <translation>П&amp;еревірити пакет…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>&amp;Users…</source>
        <translation>&amp;Користувачі…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Change my &amp;passphrase…</source>
        <translation>Змінити мою &amp;парольну фразу…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Back &amp;up now…</source>
        <translation>Створити резервну копію &amp;зараз…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Back up the vault now</source>
        <translation>Створити резервну копію сховища зараз</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Later</source>
        <translation>Пізніше</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Hide the backup reminder</source>
        <translation>Сховати нагадування про резервну копію</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;Vault</source>
        <translation>&amp;Сховище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>&amp;Bundles</source>
        <translation>&amp;Пакети</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Signed in as %1 · locks after %n minute(s) without activity</source>
        <translation>
            <numerusform>Ви увійшли як %1 · блокування через %n хвилину бездіяльності</numerusform>
            <numerusform>Ви увійшли як %1 · блокування через %n хвилини бездіяльності</numerusform>
            <numerusform>Ви увійшли як %1 · блокування через %n хвилин бездіяльності</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Locked</source>
        <translation>Заблоковано</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>About Custodia</source>
        <translation>Про Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <source>Custodia keeps interviews, statements and evidence in an encrypted vault, with a tamper-evident audit log.</source>
        <translation>Custodia зберігає інтерв’ю, заяви та докази в зашифрованому сховищі з журналом аудиту, у якому видно будь-яке втручання.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="32"/>
        <source>New case</source>
        <translation>Нова справа</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="35"/>
        <source>Case reference</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="37"/>
        <source>Case title</source>
        <translation>Назва справи</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="38"/>
        <source>Romania</source>
        <translation>Румунія</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="39"/>
        <source>Jurisdiction</source>
        <translation>Юрисдикція</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="41"/>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="47"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="48"/>
        <source>&amp;Title:</source>
        <translation>Н&amp;азва:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="49"/>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Юрисдикція:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="50"/>
        <source>&amp;Description:</source>
        <translation>&amp;Опис:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case_dialog.py" line="54"/>
        <source>Create case</source>
        <translation>Створити справу</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message numerus="yes">
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="35"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Використайте щонайменше %n символ.</numerusform>
            <numerusform>Використайте щонайменше %n символи.</numerusform>
            <numerusform>Використайте щонайменше %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="37"/>
        <source>This passphrase is too easy to guess.</source>
        <translation>Цю парольну фразу надто легко вгадати.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/new_passphrase_fields.py" line="39"/>
        <source>The two passphrases differ.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
</context>
<context>
    <name>NewStatementDialog</name>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="36"/>
        <source>New statement</source>
        <translation>Нова заява</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="39"/>
        <source>Statement title</source>
        <translation>Назва заяви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="41"/>
        <source>Whose statement</source>
        <translation>Чия заява</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="42"/>
        <source>(not recorded)</source>
        <translation>(не зазначено)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="46"/>
        <source>Interview</source>
        <translation>Інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="47"/>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="56"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="60"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="63"/>
        <source>&amp;Title:</source>
        <translation>Н&amp;азва:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="64"/>
        <source>&amp;Person:</source>
        <translation>&amp;Особа:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="65"/>
        <source>&amp;Interview:</source>
        <translation>&amp;Інтерв’ю:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="66"/>
        <source>&amp;Kind:</source>
        <translation>В&amp;ид:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_statement_dialog.py" line="67"/>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="56"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="57"/>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="58"/>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="59"/>
        <source>Jurisdiction</source>
        <translation>Юрисдикція</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="60"/>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="61"/>
        <location filename="../../ui/cases/overview_tab.py" line="77"/>
        <location filename="../../ui/cases/overview_tab.py" line="185"/>
        <source>Legal hold</source>
        <translation>Юридичне утримання</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="66"/>
        <source>Reference:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="67"/>
        <source>Title:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="68"/>
        <source>Status:</source>
        <translation>Стан:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="69"/>
        <source>Jurisdiction:</source>
        <translation>Юрисдикція:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="70"/>
        <source>Description:</source>
        <translation>Опис:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="71"/>
        <source>Opened:</source>
        <translation>Відкрито:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="72"/>
        <source>Keep until:</source>
        <translation>Зберігати до:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="73"/>
        <source>Legal hold:</source>
        <translation>Юридичне утримання:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="75"/>
        <source>&amp;Legal hold (nothing in the case can be erased)</source>
        <translation>&amp;Юридичне утримання (зі справи нічого не можна видалити)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="79"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="80"/>
        <source>Edit the case</source>
        <translation>Редагувати справу</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="89"/>
        <source>Case</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="96"/>
        <location filename="../../ui/cases/overview_tab.py" line="99"/>
        <source>Trafficking indicators</source>
        <translation>Індикатори торгівлі людьми</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="120"/>
        <source>%1 by %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="124"/>
        <source>On: %1</source>
        <translation>Увімкнено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="126"/>
        <source>Off</source>
        <translation>Вимкнено</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="129"/>
        <source>Close case…</source>
        <translation>Закрити справу…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="129"/>
        <source>Reopen case…</source>
        <translation>Відкрити справу знову…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="181"/>
        <source>Why is this case put under legal hold? (for example, the authority&apos;s request)</source>
        <translation>Чому справу взято під юридичне утримання? (наприклад, запит органу влади)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="183"/>
        <source>Why is the legal hold lifted?</source>
        <translation>Чому юридичне утримання знято?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="211"/>
        <source>Why is the case closed?</source>
        <translation>Чому справу закрито?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/overview_tab.py" line="211"/>
        <source>Why is the case reopened?</source>
        <translation>Чому справу відкрито знову?</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="41"/>
        <source>Choose a passphrase</source>
        <translation>Виберіть парольну фразу</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="44"/>
        <source>The passphrase encrypts everything in the vault. Nobody, not even Custodia&apos;s makers, can recover it. Use several unrelated words.</source>
        <translation>Парольна фраза шифрує весь вміст сховища. Ніхто, навіть розробники Custodia, не зможе її відновити. Використайте кілька не пов’язаних між собою слів.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="49"/>
        <source>Create vault</source>
        <translation>Створити сховище</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="52"/>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="55"/>
        <source>Confirm passphrase</source>
        <translation>Підтвердження парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="61"/>
        <source>Creating the vault</source>
        <translation>Створення сховища</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="63"/>
        <source>Creating the encrypted vault…</source>
        <translation>Створення зашифрованого сховища…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="67"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="68"/>
        <source>&amp;Confirm:</source>
        <translation>П&amp;ідтвердження:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/onboarding/passphrase_page.py" line="92"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Використайте щонайменше %n символ.</numerusform>
            <numerusform>Використайте щонайменше %n символи.</numerusform>
            <numerusform>Використайте щонайменше %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="94"/>
        <source>This passphrase is too easy to guess.</source>
        <translation>Цю парольну фразу надто легко вгадати.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_page.py" line="96"/>
        <source>The two passphrases differ.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="38"/>
        <source>Passphrase strength</source>
        <translation>Надійність парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="54"/>
        <source>Very weak: easy to guess. Use four or more unrelated words.</source>
        <translation>Дуже слабка: легко вгадати. Використайте чотири чи більше не пов’язаних слів.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="55"/>
        <source>Weak: add more unrelated words.</source>
        <translation>Слабка: додайте ще не пов’язаних слів.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="56"/>
        <source>Fair: one or two more words would make it strong.</source>
        <translation>Посередня: ще одне-два слова зроблять її надійною.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="57"/>
        <source>Strong.</source>
        <translation>Надійна.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="58"/>
        <source>Very strong.</source>
        <translation>Дуже надійна.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/passphrase_strength.py" line="61"/>
        <source>Use a long passphrase of several unrelated words.</source>
        <translation>Використайте довгу парольну фразу з кількох не пов’язаних слів.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Pseudonym</source>
        <translation>Псевдонім</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Safe to contact</source>
        <translation>Можна безпечно контактувати</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="51"/>
        <source>Minor</source>
        <translation>Неповнолітня особа</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="53"/>
        <source>People in the case</source>
        <translation>Особи у справі</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="60"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Додати особу…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="61"/>
        <source>Add a person to the case</source>
        <translation>Додати особу до справи</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="63"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="64"/>
        <source>Edit the pseudonym, role and notes</source>
        <translation>Редагувати псевдонім, роль і нотатки</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="66"/>
        <source>Edit &amp;identity…</source>
        <translation>Редагувати &amp;особові дані…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="67"/>
        <source>Record or correct the protected identity</source>
        <translation>Записати або виправити захищені особові дані</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="69"/>
        <source>An identity already recorded is shown only after you give a reason.</source>
        <translation>Уже записані особові дані показуються лише після того, як ви вкажете причину.</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="72"/>
        <source>&amp;Reveal identity…</source>
        <translation>&amp;Розкрити особові дані…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="73"/>
        <source>Reveal the protected identity</source>
        <translation>Розкрити захищені особові дані</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="75"/>
        <source>You will be asked for a reason; every reveal is recorded in the audit log.</source>
        <translation>Вас попросять зазначити причину; кожне розкриття реєструється в журналі аудиту.</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="92"/>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="92"/>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="161"/>
        <source>Reveal identity</source>
        <translation>Розкриття особових даних</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_tab.py" line="162"/>
        <source>Why do you need to see %1&apos;s identity? The reason is recorded.</source>
        <translation>Навіщо вам особові дані: %1? Причину буде зареєстровано.</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="51"/>
        <source>Show &amp;preview</source>
        <translation>&amp;Показати перегляд</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="52"/>
        <source>Show a preview (recorded as viewed)</source>
        <translation>Показати перегляд (реєструється як перегляд)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="57"/>
        <source>Image preview</source>
        <translation>Перегляд зображення</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="62"/>
        <source>Text preview</source>
        <translation>Перегляд тексту</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="87"/>
        <source>No preview for this type of file.</source>
        <translation>Для цього типу файлу перегляд недоступний.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="90"/>
        <source>The preview is decrypted in memory only; showing it is recorded.</source>
        <translation>Перегляд розшифровується лише в пам’яті; показ реєструється.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="112"/>
        <source>Decrypting…</source>
        <translation>Розшифрування…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="130"/>
        <source>This image cannot be shown.</source>
        <translation>Це зображення неможливо показати.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/preview_widget.py" line="138"/>
        <source>[Preview shortened: the file is larger.]</source>
        <translation>[Перегляд скорочено: файл більший.]</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/reason_dialog.py" line="17"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="36"/>
        <source>Your recovery key</source>
        <translation>Ваш ключ відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="39"/>
        <source>If every passphrase is forgotten, only this key opens the vault. It is shown now and never again. Print it or save it, and store it somewhere safe.</source>
        <translation>Якщо всі парольні фрази забуто, сховище відкриє лише цей ключ. Його показано зараз і більше не буде показано. Надрукуйте або збережіть його й зберігайте в надійному місці.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="56"/>
        <source>Recovery key</source>
        <translation>Ключ відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="58"/>
        <source>&amp;Print…</source>
        <translation>&amp;Друкувати…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="59"/>
        <source>Print the recovery key</source>
        <translation>Надрукувати ключ відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="61"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Зберегти як PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="62"/>
        <source>Save the recovery key as a PDF file</source>
        <translation>Зберегти ключ відновлення як файл PDF</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="65"/>
        <source>I have stored the recovery key in a safe place</source>
        <translation>Я зберіг(ла) ключ відновлення в надійному місці</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="67"/>
        <source>I have stored the recovery key</source>
        <translation>Я зберіг(ла) ключ відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="71"/>
        <source>Do not keep the key in the same place as this computer. Anyone with the key can open the vault.</source>
        <translation>Не зберігайте ключ там само, де цей комп’ютер. Будь-хто з цим ключем може відкрити сховище.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="103"/>
        <source>Save the recovery key</source>
        <translation>Збереження ключа відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_page.py" line="105"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeySheet</name>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="34"/>
        <source>Custodia vault recovery key</source>
        <translation>Ключ відновлення сховища Custodia</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="37"/>
        <source>This key opens the vault if every passphrase is forgotten. Anyone holding it can read the vault: keep this sheet locked away, apart from the computer.</source>
        <translation>Цей ключ відкриває сховище, якщо всі парольні фрази забуто. Будь-хто, хто його має, може прочитати сховище: зберігайте цей аркуш під замком, окремо від комп’ютера.</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="46"/>
        <source>Vault id: %1</source>
        <translation>ID сховища: %1</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="52"/>
        <source>Created by: %1</source>
        <translation>Створив(ла): %1</translation>
    </message>
    <message>
        <location filename="../../ui/onboarding/recovery_key_print.py" line="58"/>
        <source>Location: %1</source>
        <translation>Розташування: %1</translation>
    </message>
</context>
<context>
    <name>ResetPassphraseDialog</name>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="35"/>
        <source>Set a new passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="39"/>
        <source>The vault was opened with the recovery key. Set a new passphrase now, so that the recovery key can go back into safe keeping.</source>
        <translation>Сховище відкрито ключем відновлення. Задайте нову парольну фразу зараз, щоб ключ відновлення можна було знову сховати в надійне місце.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="45"/>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="50"/>
        <source>New passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="51"/>
        <source>Confirm the new passphrase</source>
        <translation>Підтвердження нової парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="59"/>
        <source>Saving the new passphrase</source>
        <translation>Збереження нової парольної фрази</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="63"/>
        <source>&amp;User:</source>
        <translation>&amp;Користувач:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="64"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Нова парольна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="65"/>
        <source>&amp;Confirm:</source>
        <translation>П&amp;ідтвердження:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/reset_passphrase_dialog.py" line="69"/>
        <source>Later</source>
        <translation>Пізніше</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="56"/>
        <location filename="../../ui/backup/restore_dialog.py" line="58"/>
        <source>Restore a backup</source>
        <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="61"/>
        <source>The newest backup in the folder is checked, then copied into a new, empty folder. Your current vault is not touched. You will then unlock the restored vault with a passphrase or the recovery key, and its audit log will record the restore.</source>
        <translation>Найновішу резервну копію в папці буде перевірено, а потім скопійовано в нову порожню папку. Ваше поточне сховище не зачіпається. Потім ви розблокуєте відновлене сховище парольною фразою або ключем відновлення, і його журнал аудиту зафіксує відновлення.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="69"/>
        <source>Backup folder</source>
        <translation>Папка резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="72"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="73"/>
        <location filename="../../ui/backup/restore_dialog.py" line="141"/>
        <source>Choose the backup folder</source>
        <translation>Виберіть папку резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="76"/>
        <source>New vault folder</source>
        <translation>Папка нового сховища</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="79"/>
        <source>Br&amp;owse…</source>
        <translation>О&amp;гляд…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="80"/>
        <source>Choose the new vault folder</source>
        <translation>Виберіть папку нового сховища</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="86"/>
        <source>Restore progress</source>
        <translation>Перебіг відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="90"/>
        <source>Restore status</source>
        <translation>Стан відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="99"/>
        <source>&amp;Backup folder:</source>
        <translation>&amp;Папка резервної копії:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="101"/>
        <source>Restore &amp;into (a new folder):</source>
        <translation>Відновити &amp;до (нова папка):</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="105"/>
        <source>&amp;Restore</source>
        <translation>&amp;Відновити</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="106"/>
        <source>Restore the backup</source>
        <translation>Відновити з резервної копії</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="110"/>
        <source>&amp;Unlock the restored vault…</source>
        <translation>&amp;Розблокувати відновлене сховище…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="111"/>
        <source>Unlock the restored vault</source>
        <translation>Розблокувати відновлене сховище</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="115"/>
        <location filename="../../ui/backup/restore_dialog.py" line="116"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="148"/>
        <source>Choose an empty folder for the restored vault</source>
        <translation>Виберіть порожню папку для відновленого сховища</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="173"/>
        <source>Checking and restoring…</source>
        <translation>Перевірка та відновлення…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="185"/>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="205"/>
        <source>The backup taken %1 was checked and restored into %2. Unlock it now so that its audit log records the restore.</source>
        <translation>Резервну копію від %1 перевірено й відновлено в %2. Розблокуйте його зараз, щоб журнал аудиту зафіксував відновлення.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="215"/>
        <location filename="../../ui/backup/restore_dialog.py" line="216"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="226"/>
        <source>Restore cancelled; nothing was restored.</source>
        <translation>Відновлення скасовано; нічого не відновлено.</translation>
    </message>
</context>
<context>
    <name>RevisionHistoryDialog</name>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="27"/>
        <source>Revision history</source>
        <translation>Історія редакцій</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="31"/>
        <source>Revisions</source>
        <translation>Редакції</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="34"/>
        <source>Revision %1 · %2 · %3</source>
        <translation>Редакція %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/statements/revision_history_dialog.py" line="43"/>
        <source>Revision text</source>
        <translation>Текст редакції</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="34"/>
        <source>Search the vault</source>
        <translation>Пошук у сховищі</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="37"/>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="39"/>
        <source>Names, numbers, places… (Constanta also finds Constanța)</source>
        <translation>Імена, номери, місця… (Constanta знаходить і Constanța)</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_dialog.py" line="43"/>
        <source>Search results</source>
        <translation>Результати пошуку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search/search_dialog.py" line="82"/>
        <source>%n result(s) from the most recent matches: this word is in many records. Add another word to narrow the search.</source>
        <translation>
            <numerusform>%n результат серед найновіших збігів: це слово є в багатьох записах. Додайте ще одне слово, щоб звузити пошук.</numerusform>
            <numerusform>%n результати серед найновіших збігів: це слово є в багатьох записах. Додайте ще одне слово, щоб звузити пошук.</numerusform>
            <numerusform>%n результатів серед найновіших збігів: це слово є в багатьох записах. Додайте ще одне слово, щоб звузити пошук.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search/search_dialog.py" line="89"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n результат</numerusform>
            <numerusform>%n результати</numerusform>
            <numerusform>%n результатів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24"/>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>Lock after minutes without activity</source>
        <translation>Блокувати після стількох хвилин бездіяльності</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Remind me to back up when the last backup is older than this many days</source>
        <translation>Нагадувати про резервну копію, коли остання старша за цю кількість днів</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Lock after &amp;inactivity:</source>
        <translation>Блокувати після &amp;бездіяльності:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46"/>
        <source>&amp;Backup reminder after:</source>
        <translation>&amp;Нагадування про копію через:</translation>
    </message>
</context>
<context>
    <name>StatementEditor</name>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="59"/>
        <source>Statement details</source>
        <translation>Подробиці заяви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="61"/>
        <source>Statement text</source>
        <translation>Текст заяви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="68"/>
        <source>Autosave status</source>
        <translation>Стан автозбереження</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="69"/>
        <source>Record &amp;read-back…</source>
        <translation>Зареєструвати &amp;зачитування…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="70"/>
        <source>Record that the statement was read back</source>
        <translation>Зареєструвати, що заяву зачитано вголос</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="72"/>
        <source>&amp;Finalise…</source>
        <translation>&amp;Оформити остаточно…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="73"/>
        <location filename="../../ui/statements/statement_editor.py" line="246"/>
        <source>Finalise the statement</source>
        <translation>Остаточно оформити заяву</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="75"/>
        <source>Add a&amp;ddendum…</source>
        <translation>Додати до&amp;повнення…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="76"/>
        <source>Add an addendum</source>
        <translation>Додати доповнення</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="78"/>
        <source>Revision &amp;history…</source>
        <translation>&amp;Історія редакцій…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="79"/>
        <source>Show the revision history</source>
        <translation>Показати історію редакцій</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="83"/>
        <source>Addenda</source>
        <translation>Доповнення</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="120"/>
        <source>All changes saved (revision %1)</source>
        <translation>Усі зміни збережено (редакція %1)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="125"/>
        <source>Untitled statement</source>
        <translation>Заява без назви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="131"/>
        <source>read back %1 by %2</source>
        <translation>зачитано %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="144"/>
        <source>Finalised %1 by %2 · SHA-256 %3</source>
        <translation>Остаточно оформлено %1, %2 · SHA-256 %3</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="153"/>
        <source>Addendum %1 (%2, %3): %4</source>
        <translation>Доповнення %1 (%2, %3): %4</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="162"/>
        <source>No addenda.</source>
        <translation>Доповнень немає.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="204"/>
        <source>Saved at %1</source>
        <translation>Збережено о %1</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="208"/>
        <source>Editing… saved automatically every few seconds</source>
        <translation>Редагування… автоматичне збереження кожні кілька секунд</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="211"/>
        <source>NOT SAVED: %1</source>
        <translation>НЕ ЗБЕРЕЖЕНО: %1</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="224"/>
        <source>Read-back</source>
        <translation>Зачитування</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="225"/>
        <source>Who read the statement back, in which language, and were there corrections?</source>
        <translation>Хто зачитав заяву, якою мовою і чи були виправлення?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="248"/>
        <source>After finalising, the text can never change; corrections become addenda. Finalise now?</source>
        <translation>Після остаточного оформлення текст уже ніколи не зміниться; виправлення стануть доповненнями. Оформити зараз?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="255"/>
        <source>&amp;Finalise</source>
        <translation>&amp;Оформити</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statement_editor.py" line="256"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>StatementsTab</name>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="63"/>
        <location filename="../../ui/statements/statements_tab.py" line="83"/>
        <source>Interviews</source>
        <translation>Інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="66"/>
        <location filename="../../ui/statements/statements_tab.py" line="90"/>
        <source>Statements</source>
        <translation>Заяви</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="68"/>
        <source>New &amp;interview…</source>
        <translation>Нове &amp;інтерв’ю…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="69"/>
        <source>Record a new interview</source>
        <translation>Зареєструвати нове інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="71"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="72"/>
        <source>Edit the chosen interview</source>
        <translation>Редагувати вибране інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="74"/>
        <source>Add &amp;break…</source>
        <translation>Додати &amp;перерву…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="75"/>
        <source>Record a break in the chosen interview</source>
        <translation>Записати перерву у вибраному інтерв’ю</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="77"/>
        <source>New &amp;statement…</source>
        <translation>Нова &amp;заява…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="78"/>
        <source>Start a new statement</source>
        <translation>Почати нову заяву</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="93"/>
        <source>Choose a statement, or start a new one.</source>
        <translation>Виберіть заяву або почніть нову.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/statements/statements_tab.py" line="119"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n перерва</numerusform>
            <numerusform>%n перерви</numerusform>
            <numerusform>%n перерв</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="131"/>
        <source>final</source>
        <translation>остаточна</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="131"/>
        <source>draft</source>
        <translation>чернетка</translation>
    </message>
    <message>
        <location filename="../../ui/statements/statements_tab.py" line="133"/>
        <source>Untitled statement</source>
        <translation>Заява без назви</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../ui/formatting.py" line="44"/>
        <source>open</source>
        <translation>відкрита</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45"/>
        <source>closed</source>
        <translation>закрита</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="47"/>
        <source>survivor</source>
        <translation>постраждала особа</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="48"/>
        <source>witness</source>
        <translation>свідок</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="49"/>
        <source>suspect</source>
        <translation>підозрюваний</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="50"/>
        <source>other</source>
        <translation>інше</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="52"/>
        <source>written</source>
        <translation>письмова</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="53"/>
        <source>verbal, witnessed</source>
        <translation>усна, у присутності свідка</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="54"/>
        <source>NGO internal</source>
        <translation>внутрішньо в НУО</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="55"/>
        <source>police</source>
        <translation>поліція</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="56"/>
        <source>prosecutor</source>
        <translation>прокурор</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="57"/>
        <source>court</source>
        <translation>суд</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="58"/>
        <source>partner NGO</source>
        <translation>партнерська НУО</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="59"/>
        <source>anonymised research</source>
        <translation>анонімізоване дослідження</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="61"/>
        <source>verbatim</source>
        <translation>дослівно</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="62"/>
        <source>summary</source>
        <translation>стислий виклад</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="64"/>
        <source>pseudonymised</source>
        <translation>псевдонімізований</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="66"/>
        <source>collected</source>
        <translation>зібрано</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="67"/>
        <source>ingested</source>
        <translation>внесено до сховища</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="68"/>
        <source>viewed</source>
        <translation>переглянуто</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="69"/>
        <source>exported</source>
        <translation>експортовано</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="70"/>
        <source>transferred</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="71"/>
        <source>received</source>
        <translation>отримано</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="72"/>
        <source>verified</source>
        <translation>перевірено</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="73"/>
        <source>returned</source>
        <translation>повернуто</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="74"/>
        <source>destroyed</source>
        <translation>знищено</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="76"/>
        <source>phone number</source>
        <translation>номер телефону</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="77"/>
        <source>e-mail</source>
        <translation>електронна пошта</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="78"/>
        <source>social-media handle</source>
        <translation>обліковий запис у соцмережі</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="79"/>
        <source>web address</source>
        <translation>вебадреса</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="80"/>
        <source>name</source>
        <translation>ім’я</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="81"/>
        <source>alias</source>
        <translation>прізвисько</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="82"/>
        <source>address</source>
        <translation>адреса</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="83"/>
        <source>vehicle</source>
        <translation>транспортний засіб</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="84"/>
        <source>bank account</source>
        <translation>банківський рахунок</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="86"/>
        <source>case</source>
        <translation>справа</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="87"/>
        <source>person</source>
        <translation>особа</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="88"/>
        <source>statement</source>
        <translation>заява</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="89"/>
        <source>evidence</source>
        <translation>доказ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="90"/>
        <source>entity</source>
        <translation>сутність</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="78"/>
        <location filename="../../ui/unlock/unlock_dialog.py" line="81"/>
        <source>Unlock the vault</source>
        <translation>Розблокування сховища</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="83"/>
        <source>Vault location</source>
        <translation>Розташування сховища</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="86"/>
        <source>This vault was just restored from a backup. Unlocking it records the restore in its audit log.</source>
        <translation>Це сховище щойно відновлено з резервної копії. Розблокування зафіксує відновлення в його журналі аудиту.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="94"/>
        <source>With my &amp;passphrase</source>
        <translation>За моєю &amp;парольною фразою</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="95"/>
        <source>With the &amp;recovery key</source>
        <translation>За &amp;ключем відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="100"/>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="103"/>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="107"/>
        <source>&amp;User:</source>
        <translation>&amp;Користувач:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="108"/>
        <source>Pass&amp;phrase:</source>
        <translation>&amp;Парольна фраза:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="111"/>
        <source>Recovery key</source>
        <translation>Ключ відновлення</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="116"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Ключ відновлення:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="118"/>
        <source>Use the recovery key only if every passphrase is lost.</source>
        <translation>Використовуйте ключ відновлення лише тоді, коли всі парольні фрази втрачено.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="128"/>
        <source>Unlock status</source>
        <translation>Стан розблокування</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="131"/>
        <source>Unlocking</source>
        <translation>Розблокування</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="135"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Розблокувати</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="137"/>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="140"/>
        <location filename="../../ui/unlock/unlock_dialog.py" line="141"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="144"/>
        <source>&amp;Verify a bundle…</source>
        <translation>П&amp;еревірити пакет…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="145"/>
        <source>Verify a bundle, without unlocking</source>
        <translation>Перевірити пакет без розблокування</translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="204"/>
        <source>Type your passphrase.</source>
        <translation>Введіть парольну фразу.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unlock/unlock_dialog.py" line="252"/>
        <source>Too many failed attempts: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Забагато невдалих спроб: зачекайте %n секунду, перш ніж спробувати знову.</numerusform>
            <numerusform>Забагато невдалих спроб: зачекайте %n секунди, перш ніж спробувати знову.</numerusform>
            <numerusform>Забагато невдалих спроб: зачекайте %n секунд, перш ніж спробувати знову.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/unlock/unlock_dialog.py" line="264"/>
        <source>You can try again now.</source>
        <translation>Тепер можна спробувати знову.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="39"/>
        <location filename="../../ui/users/users_dialog.py" line="45"/>
        <source>Users of the vault</source>
        <translation>Користувачі сховища</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="43"/>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="50"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Додати користувача…</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="51"/>
        <source>Add a user with their own passphrase</source>
        <translation>Додати користувача з власною парольною фразою</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="53"/>
        <source>&amp;Remember on this computer (system keyring)</source>
        <translation>&amp;Запам’ятати на цьому комп’ютері (системне сховище ключів)</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="56"/>
        <source>Anyone who can sign in to this computer&apos;s account can then open the vault without a passphrase.</source>
        <translation>Тоді будь-хто, хто може увійти в обліковий запис цього комп’ютера, зможе відкрити сховище без парольної фрази.</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="82"/>
        <source>Lawyer</source>
        <translation>Юрист</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="83"/>
        <source>Investigator</source>
        <translation>Слідчий</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="84"/>
        <source>Social worker</source>
        <translation>Соціальний працівник</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="85"/>
        <source>Interpreter</source>
        <translation>Перекладач</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="86"/>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="87"/>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="122"/>
        <source>This computer now remembers the vault.</source>
        <translation>Тепер цей комп’ютер пам’ятає сховище.</translation>
    </message>
    <message>
        <location filename="../../ui/users/users_dialog.py" line="124"/>
        <source>This computer no longer remembers the vault.</source>
        <translation>Цей комп’ютер більше не пам’ятає сховище.</translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="53"/>
        <source>SHA-256 matches the manifest</source>
        <translation>SHA-256 збігається з маніфестом</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="54"/>
        <source>SHA-256 differs from the manifest: the file was changed</source>
        <translation>SHA-256 не збігається з маніфестом: файл змінено</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="57"/>
        <source>is listed but missing</source>
        <translation>зазначений, але відсутній</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="58"/>
        <source>is not listed in any manifest: the file was added</source>
        <translation>не зазначений у жодному маніфесті: файл додано</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="61"/>
        <source>is not covered by the tag manifest</source>
        <translation>не охоплений маніфестом тегів</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="62"/>
        <source>cannot be read</source>
        <translation>неможливо прочитати</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="63"/>
        <source>is a symbolic link (not followed)</source>
        <translation>є символьним посиланням (не відкривається)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="64"/>
        <source>is not a regular file</source>
        <translation>не є звичайним файлом</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="65"/>
        <source>BagIt declaration present</source>
        <translation>декларація BagIt наявна</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="66"/>
        <source>is not a BagIt declaration</source>
        <translation>не є декларацією BagIt</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="67"/>
        <source>the payload size and file count match</source>
        <translation>розмір вмісту та кількість файлів збігаються</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="68"/>
        <source>the payload size or file count does not match</source>
        <translation>розмір вмісту або кількість файлів не збігається</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="71"/>
        <source>the Ed25519 signature over the tag manifest is valid</source>
        <translation>підпис Ed25519 маніфесту тегів дійсний</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="74"/>
        <source>the Ed25519 signature does not match the tag manifest (manifest altered or signature replaced)</source>
        <translation>підпис Ed25519 не відповідає маніфесту тегів (маніфест змінено або підпис замінено)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="79"/>
        <source>is not an Ed25519 public key</source>
        <translation>не є відкритим ключем Ed25519</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="80"/>
        <source>records the same signer key</source>
        <translation>містить той самий ключ підпису</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="81"/>
        <source>records a different signer key</source>
        <translation>містить інший ключ підпису</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="82"/>
        <source>is malformed</source>
        <translation>має неправильний формат</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="83"/>
        <source>the signed audit checkpoint is valid</source>
        <translation>підписана контрольна точка аудиту дійсна</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="84"/>
        <source>the audit checkpoint&apos;s signature does not verify</source>
        <translation>підпис контрольної точки аудиту не проходить перевірку</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="87"/>
        <source>no audit checkpoint is recorded</source>
        <translation>контрольну точку аудиту не записано</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="88"/>
        <source>the audit checkpoint is malformed</source>
        <translation>контрольна точка аудиту має неправильний формат</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="89"/>
        <source>the audit checkpoint cannot be checked without the signer key</source>
        <translation>контрольну точку аудиту неможливо перевірити без ключа підпису</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="92"/>
        <source>the certificate matches the one recorded in case.json</source>
        <translation>сертифікат збігається із записаним у case.json</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="95"/>
        <source>the certificate differs from the one recorded in case.json</source>
        <translation>сертифікат відрізняється від записаного в case.json</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="98"/>
        <source>the manifest hash differs from the hash recorded at intake</source>
        <translation>хеш у маніфесті відрізняється від хешу, записаного під час прийому</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="101"/>
        <source>is not a BagIt bundle</source>
        <translation>не є пакетом BagIt</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="105"/>
        <source>Case</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="106"/>
        <source>Signer key (Ed25519) SHA-256</source>
        <translation>Ключ підпису (Ed25519) SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="109"/>
        <source>Audit checkpoint</source>
        <translation>Контрольна точка аудиту</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="110"/>
        <source>PDF signer</source>
        <translation>Підписант PDF</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="111"/>
        <source>Bundle id</source>
        <translation>Ідентифікатор пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="112"/>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="113"/>
        <source>Profile</source>
        <translation>Профіль</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="125"/>
        <source>the PDF signature is intact and covers the whole file</source>
        <translation>підпис PDF неушкоджений і охоплює весь файл</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="129"/>
        <source>(self-signed certificate: intact, identity not trusted)</source>
        <translation>(самопідписаний сертифікат: неушкоджений, особу не підтверджено)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="138"/>
        <source>OK</source>
        <translation>Гаразд</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="140"/>
        <source>FAILED</source>
        <translation>ПОМИЛКА</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="162"/>
        <location filename="../../ui/exports/verify_window.py" line="164"/>
        <source>Verify a bundle</source>
        <translation>Перевірка пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="167"/>
        <source>Checks a bundle exported by Custodia, as a folder or a ZIP file: every file&apos;s SHA-256, the signatures and the audit checkpoint. No vault is needed.</source>
        <translation>Перевіряє пакет, експортований Custodia, у вигляді папки або файлу ZIP: SHA-256 кожного файлу, підписи та контрольну точку аудиту. Сховище не потрібне.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="173"/>
        <source>Bundle to verify</source>
        <translation>Пакет для перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="174"/>
        <source>A bundle folder or ZIP file</source>
        <translation>Папка або файл ZIP пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="176"/>
        <source>Choose &amp;folder…</source>
        <translation>Вибрати &amp;папку…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="177"/>
        <location filename="../../ui/exports/verify_window.py" line="228"/>
        <source>Choose a bundle folder</source>
        <translation>Виберіть папку пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="179"/>
        <source>Choose &amp;ZIP…</source>
        <translation>Вибрати &amp;ZIP…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="180"/>
        <location filename="../../ui/exports/verify_window.py" line="235"/>
        <source>Choose a bundle ZIP file</source>
        <translation>Виберіть файл ZIP пакета</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="182"/>
        <source>&amp;Verify</source>
        <translation>&amp;Перевірити</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="183"/>
        <source>Verify the bundle</source>
        <translation>Перевірити пакет</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="190"/>
        <source>Verification progress</source>
        <translation>Хід перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="192"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="193"/>
        <source>Cancel the verification</source>
        <translation>Скасувати перевірку</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="198"/>
        <source>Verdict</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="200"/>
        <source>What the bundle says about itself</source>
        <translation>Що пакет повідомляє про себе</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="202"/>
        <source>Checks, one per item</source>
        <translation>Перевірки, по одній на елемент</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="235"/>
        <source>ZIP files (*.zip)</source>
        <translation>Файли ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="266"/>
        <source>Checking every file…</source>
        <translation>Перевірка кожного файлу…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="282"/>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="296"/>
        <source>NOT A READABLE BUNDLE: nothing could be checked.</source>
        <translation>ПАКЕТ НЕМОЖЛИВО ПРОЧИТАТИ: нічого не перевірено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/verify_window.py" line="299"/>
        <source>INTACT: all %n check(s) passed.</source>
        <translation>
            <numerusform>НЕУШКОДЖЕНИЙ: %n перевірку пройдено.</numerusform>
            <numerusform>НЕУШКОДЖЕНИЙ: усі %n перевірки пройдено.</numerusform>
            <numerusform>НЕУШКОДЖЕНИЙ: усі %n перевірок пройдено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exports/verify_window.py" line="303"/>
        <source>NOT INTACT: %n problem(s) found.</source>
        <translation>
            <numerusform>ПОШКОДЖЕНИЙ: виявлено %n проблему.</numerusform>
            <numerusform>ПОШКОДЖЕНИЙ: виявлено %n проблеми.</numerusform>
            <numerusform>ПОШКОДЖЕНИЙ: виявлено %n проблем.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="305"/>
        <source>Do not rely on this bundle; ask the sender for a new copy.</source>
        <translation>Не покладайтеся на цей пакет; попросіть відправника надіслати нову копію.</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="312"/>
        <source>Compare the signer key with the fingerprint the sender gave you separately (by phone or in person).</source>
        <translation>Порівняйте ключ підпису з відбитком, який відправник передав вам окремо (телефоном або особисто).</translation>
    </message>
    <message>
        <location filename="../../ui/exports/verify_window.py" line="332"/>
        <source>Verification cancelled: no verdict.</source>
        <translation>Перевірку скасовано: висновку немає.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace.py" line="41"/>
        <source>Choose a case on the left, or create a new one.</source>
        <translation>Виберіть справу ліворуч або створіть нову.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="54"/>
        <source>Workspace</source>
        <translation>Робочий простір</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="55"/>
        <source>Cases</source>
        <translation>Справи</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="56"/>
        <source>Audit log</source>
        <translation>Журнал аудиту</translation>
    </message>
</context>
</TS>
