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
        <source>&amp;Large text, high contrast</source>
        <translation>&amp;Large text, high contrast</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>&amp;Check the connection</translation>
    </message>
    <message>
        <source>&amp;About KEP Desk</source>
        <translation>&amp;About KEP Desk</translation>
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
        <source>Server unreachable: signing in needs a connection to the server.</source>
        <translation>Server unreachable: signing in needs a connection to the server.</translation>
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
</context>
</TS>
