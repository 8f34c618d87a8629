<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AcceptLoop</name>
    <message>
        <source>accept() failed with %1; still serving, trying again in %2 ms</source>
        <translation>accept() scheiterte mit %1; der Server läuft weiter und versucht es in %2 ms wieder</translation>
    </message>
    <message>
        <source>accepting again</source>
        <translation>nimmt wieder an</translation>
    </message>
</context>
<context>
    <name>AddrInfoView</name>
    <message>
        <source>SOCK_STREAM only</source>
        <translation>nur SOCK_STREAM</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Use in client pane</source>
        <translation>Im Client-Bereich verwenden</translation>
    </message>
    <message>
        <source>Use in server pane</source>
        <translation>Im Server-Bereich verwenden</translation>
    </message>
    <message>
        <source>A host name or numeric address; empty means none (Python&apos;s None)</source>
        <translation>Ein Hostname oder eine numerische Adresse; leer bedeutet keine (Pythons None)</translation>
    </message>
    <message>
        <source>A port number or a service name from /etc/services, e.g. http</source>
        <translation>Eine Portnummer oder ein Dienstname aus /etc/services, z. B. http</translation>
    </message>
    <message>
        <source>0 (any)</source>
        <translation>0 (beliebig)</translation>
    </message>
    <message>
        <source>Ask the system&apos;s resolver, in the background (or press Enter in host or service)</source>
        <translation>Den Resolver des Systems im Hintergrund fragen (oder Enter in Host oder Dienst drücken)</translation>
    </message>
    <message>
        <source>Stop waiting; a late answer is ignored</source>
        <translation>Nicht mehr warten; eine späte Antwort wird ignoriert</translation>
    </message>
    <message>
        <source>Keep only SOCK_STREAM rows, like the course&apos;s [info for info in ... if info[1] == socket.SOCK_STREAM]</source>
        <translation>Nur SOCK_STREAM-Zeilen behalten, wie im Kurs: [info for info in ... if info[1] == socket.SOCK_STREAM]</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Canonical name</source>
        <translation>Kanonischer Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>socket.socket(*info[:3]) then connect(info[-1]): fill the client pane with this row</source>
        <translation>socket.socket(*info[:3]), dann connect(info[-1]): den Client-Bereich mit dieser Zeile füllen</translation>
    </message>
    <message>
        <source>Fill the server pane with this row, to bind to its address</source>
        <translation>Den Server-Bereich mit dieser Zeile füllen, um an ihre Adresse zu binden</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>%1 … looking up</source>
        <translation>%1 … wird nachgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled; a late answer will be ignored.</source>
        <translation>Abgebrochen; eine späte Antwort wird ignoriert.</translation>
    </message>
    <message>
        <source>%1  — %2 result(s) in %3 ms</source>
        <translation>%1  — %2 Ergebnis(se) in %3 ms</translation>
    </message>
    <message>
        <source>Which addresses to ask for: AF_INET (IPv4), AF_INET6 (IPv6), or AF_UNSPEC for both</source>
        <translation>Welche Adressen erfragt werden: AF_INET (IPv4), AF_INET6 (IPv6) oder AF_UNSPEC für beide</translation>
    </message>
    <message>
        <source>The socket type the addresses are for; with 0 each address comes once per type (stream, datagram, raw)</source>
        <translation>Der Socket-Typ, für den die Adressen gelten; bei 0 kommt jede Adresse einmal je Typ (Stream, Datagramm, Raw)</translation>
    </message>
    <message>
        <source>The protocol the addresses are for; 0 means any</source>
        <translation>Das Protokoll, für das die Adressen gelten; 0 heißt beliebig</translation>
    </message>
    <message>
        <source>For a server: with no host, the answer is the address to bind to for every interface (0.0.0.0 or ::) instead of loopback</source>
        <translation>Für einen Server: ohne Host ist die Antwort die Adresse, um an jede Schnittstelle zu binden (0.0.0.0 oder ::), statt Loopback</translation>
    </message>
    <message>
        <source>Also return the host&apos;s canonical name (in the first row)</source>
        <translation>Auch den kanonischen Namen des Hosts liefern (in der ersten Zeile)</translation>
    </message>
    <message>
        <source>The host must be a numeric address: no name lookup is made, and a name fails at once</source>
        <translation>Der Host muss eine numerische Adresse sein: es wird kein Name nachgeschlagen, ein Name scheitert sofort</translation>
    </message>
    <message>
        <source>The service must be a port number: /etc/services is not read</source>
        <translation>Der Dienst muss eine Portnummer sein: /etc/services wird nicht gelesen</translation>
    </message>
    <message>
        <source>Only families this machine has an address for: no IPv6 rows without an IPv6 address (loopback does not count)</source>
        <translation>Nur Familien, für die dieser Rechner eine Adresse hat: keine IPv6-Zeilen ohne IPv6-Adresse (Loopback zählt nicht)</translation>
    </message>
    <message>
        <source>With AF_INET6 and no IPv6 address found: the IPv4 ones, written ::ffff:a.b.c.d</source>
        <translation>Mit AF_INET6 und ohne gefundene IPv6-Adresse: die IPv4-Adressen, geschrieben als ::ffff:a.b.c.d</translation>
    </message>
    <message>
        <source>With AI_V4MAPPED: the IPv6 addresses and the mapped IPv4 ones together</source>
        <translation>Mit AI_V4MAPPED: die IPv6-Adressen und die abgebildeten IPv4-Adressen zusammen</translation>
    </message>
    <message>
        <source>What getaddrinfo returned</source>
        <translation>Was getaddrinfo zurückgab</translation>
    </message>
</context>
<context>
    <name>AddressInput</name>
    <message>
        <source>A port is a 16-bit number, 0 to 65535. Use 50000 like the course, or 0 to let the kernel pick a free one.</source>
        <translation>Ein Port ist eine 16-Bit-Zahl von 0 bis 65535. Nehmen Sie 50000 wie im Kurs, oder 0, damit der Kernel einen freien wählt.</translation>
    </message>
    <message>
        <source>Use an address of the socket&apos;s family, or create the socket with the other family.</source>
        <translation>Eine Adresse der Familie des Sockets verwenden oder den Socket mit der anderen Familie erzeugen.</translation>
    </message>
    <message>
        <source>An IPv4 address is four numbers from 0 to 255 separated by dots, such as 127.0.0.1.</source>
        <translation>Eine IPv4-Adresse sind vier Zahlen von 0 bis 255, durch Punkte getrennt, etwa 127.0.0.1.</translation>
    </message>
    <message>
        <source>Type a numeric address (127.0.0.1, ::1) or a name made of letters, digits, hyphens and dots (localhost).</source>
        <translation>Eine numerische Adresse (127.0.0.1, ::1) tippen oder einen Namen aus Buchstaben, Ziffern, Bindestrichen und Punkten (localhost).</translation>
    </message>
    <message>
        <source>Type a path such as /run/user/1000/socketlab.sock; the socket file appears there on bind.</source>
        <translation>Einen Pfad wie /run/user/1000/socketlab.sock tippen; die Socket-Datei erscheint dort bei bind.</translation>
    </message>
    <message>
        <source>The kernel keeps a Unix socket&apos;s path in 108 bytes; choose a shorter one, e.g. in /tmp.</source>
        <translation>Der Kernel speichert den Pfad eines Unix-Sockets in 108 Bytes; einen kürzeren wählen, z. B. in /tmp.</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>SocketLab: click through socket calls and watch each one happen for real.</source>
        <translation>SocketLab: Socket-Aufrufe anklicken und jeden wirklich geschehen sehen.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file and exit (works with -platform offscreen).</source>
        <translation>Das Hauptfenster als PNG-Datei speichern und beenden (funktioniert mit -platform offscreen).</translation>
    </message>
    <message>
        <source>Play the first N of the %1 steps of the course&apos;s getting-the-flow exercise by pressing the buttons (0: all).</source>
        <translation>Die ersten N der %1 Schritte der Kursübung „getting the flow“ durch Drücken der Knöpfe abspielen (0: alle).</translation>
    </message>
    <message>
        <source>Start with invalid calls allowed, so the kernel answers them.</source>
        <translation>Mit erlaubten ungültigen Aufrufen starten, damit der Kernel sie beantwortet.</translation>
    </message>
    <message>
        <source>Open the lookups panel (constants, getaddrinfo, services, hosts) at start.</source>
        <translation>Beim Start die Nachschlage-Ansicht öffnen (Konstanten, getaddrinfo, Dienste, Hosts).</translation>
    </message>
    <message>
        <source>The mode for --serve: %1 (default echo).</source>
        <translation>Der Modus für --serve: %1 (Vorgabe echo).</translation>
    </message>
    <message>
        <source>Measure how late the UI thread answers a 10 ms timer and write p50/p99/max as JSON to FILE on exit.</source>
        <translation>Messen, wie spät der UI-Thread auf einen 10-ms-Timer reagiert, und p50/p99/max beim Beenden als JSON in DATEI schreiben.</translation>
    </message>
    <message>
        <source>Start in presenter mode (F5): full screen, big text, panes and diagram only.</source>
        <translation>Im Präsentationsmodus starten (F5): Vollbild, große Schrift, nur Bereiche und Diagramm.</translation>
    </message>
    <message>
        <source>Open a lesson: a built-in id (%1) or a .lesson file.</source>
        <translation>Eine Lektion öffnen: eine eingebaute ID (%1) oder eine .lesson-Datei.</translation>
    </message>
    <message>
        <source>With --lesson: play the lesson up to step N (making its calls) and stop there.</source>
        <translation>Mit --lesson: die Lektion bis Schritt N abspielen (mit ihren Aufrufen) und dort anhalten.</translation>
    </message>
    <message>
        <source>The look: %1.</source>
        <translation>Das Aussehen: %1.</translation>
    </message>
    <message>
        <source>The window&apos;s language for this run: system, %1 (View → Language keeps a choice).</source>
        <translation>Die Sprache des Fensters für diesen Start: system, %1 (Ansicht → Sprache merkt sich eine Wahl).</translation>
    </message>
    <message>
        <source>The listen() backlog for --serve (default: the server pane&apos;s, at least 16).</source>
        <translation>Der listen()-Backlog für --serve (Vorgabe: der des Server-Bereichs, mindestens 16).</translation>
    </message>
    <message>
        <source>A saved session to replay, or a .lesson file to open.</source>
        <translation>Eine gespeicherte Sitzung zum Abspielen oder eine .lesson-Datei zum Öffnen.</translation>
    </message>
    <message>
        <source>Open with the server pane already serving automatically on HOST:PORT, [::1]:PORT, udp://HOST:PORT, unix:PATH or unix-dgram:PATH.</source>
        <translation>Mit dem Server-Bereich öffnen, der schon automatisch bedient, auf HOST:PORT, [::1]:PORT, udp://HOST:PORT, unix:PFAD oder unix-dgram:PFAD.</translation>
    </message>
    <message>
        <source>Run COMMAND (&quot;python3 server.py&quot;, split into arguments without a shell) and watch its socket calls in the server pane.</source>
        <translation>COMMAND ausführen (&quot;python3 server.py&quot;, ohne Shell in Argumente zerlegt) und seine Socket-Aufrufe im Server-Bereich beobachten.</translation>
    </message>
    <message>
        <source>Run COMMAND and watch its socket calls in the client pane.</source>
        <translation>COMMAND ausführen und seine Socket-Aufrufe im Client-Bereich beobachten.</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen, big text, panes and diagram only, the lesson as a caption (F5; Esc leaves)</source>
        <translation>Vollbild, große Schrift, nur Bereiche und Diagramm, die Lektion als Untertitel (F5; Esc verlässt ihn)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>Hoher &amp;Kontrast</translation>
    </message>
    <message>
        <source>Reduce &amp;Motion</source>
        <translation>&amp;Bewegung reduzieren</translation>
    </message>
    <message>
        <source>Do not animate the bytes travelling along the diagram&apos;s arrows</source>
        <translation>Die Bytes nicht entlang der Pfeile des Diagramms wandern lassen</translation>
    </message>
    <message>
        <source>Travelling &amp;Bytes Speed</source>
        <translation>&amp;Tempo der wandernden Bytes</translation>
    </message>
    <message>
        <source>&amp;Slow</source>
        <translation>&amp;Langsam</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <source>&amp;Fast</source>
        <translation>&amp;Schnell</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language of the window, from the next start</source>
        <translation>Die Sprache des Fensters, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>&amp;System (%1)</translation>
    </message>
    <message>
        <source>SocketLab will speak %1 from the next start.</source>
        <translation>SocketLab spricht ab dem nächsten Start %1.</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>The window fills the screen, menus and all (F11 again leaves)</source>
        <translation>Das Fenster füllt den Bildschirm, samt Menüs (F11 noch einmal beendet es)</translation>
    </message>
    <message>
        <source>&amp;System Colours</source>
        <translation>&amp;Systemfarben</translation>
    </message>
</context>
<context>
    <name>AutoServeControls</name>
    <message>
        <source>Serve automatically</source>
        <translation>Automatisch bedienen</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>echo: send back what arrives (the homework); http: answer a browser with a page showing its request; reply: send a fixed text per message; silent: only receive; chat: pass what each client sends on to all the others</source>
        <translation>echo: zurückschicken, was ankommt (die Hausaufgabe); http: einem Browser mit einer Seite antworten, die seine Anfrage zeigt; reply: pro Nachricht einen festen Text senden; silent: nur empfangen; chat: weitergeben, was ein Client sendet, an alle anderen</translation>
    </message>
    <message>
        <source>The text reply mode sends; escapes such as \r\n work</source>
        <translation>Der Text, den der Modus reply sendet; Escapes wie \r\n funktionieren</translation>
    </message>
    <message>
        <source>Keep calling accept and serve every client in the chosen mode; every call is still logged</source>
        <translation>Immer wieder accept aufrufen und jeden Client im gewählten Modus bedienen; jeder Aufruf wird weiter protokolliert</translation>
    </message>
    <message>
        <source>Open the system browser at this server&apos;s address</source>
        <translation>Den Browser des Systems mit der Adresse dieses Servers öffnen</translation>
    </message>
    <message>
        <source>The reply text has an error: %1</source>
        <translation>Der Antworttext hat einen Fehler: %1</translation>
    </message>
    <message>
        <source>Stop serving</source>
        <translation>Bedienen beenden</translation>
    </message>
    <message>
        <source>Serving %1 on %2: %3 client(s) served, %4 open.</source>
        <translation>Bediene %1 auf %2: %3 Client(s) bedient, %4 offen.</translation>
    </message>
    <message>
        <source>Bind first, then serve automatically.</source>
        <translation>Erst binden, dann automatisch bedienen.</translation>
    </message>
    <message>
        <source>Listen first, then serve automatically.</source>
        <translation>Erst listen, dann automatisch bedienen.</translation>
    </message>
    <message>
        <source>Serving %1 on %2: %3 datagram(s) answered.</source>
        <translation>Bediene %1 auf %2: %3 Datagramm(e) beantwortet.</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
</context>
<context>
    <name>AutoServer</name>
    <message>
        <source>%1 needs connections (TCP); over UDP choose echo, reply, silent or chat.</source>
        <translation>%1 braucht Verbindungen (TCP); über UDP echo, reply, silent oder chat wählen.</translation>
    </message>
    <message>
        <source>Serving UDP needs a bound socket: socket(SOCK_DGRAM), bind() first.</source>
        <translation>UDP bedienen braucht einen gebundenen Socket: zuerst socket(SOCK_DGRAM), bind().</translation>
    </message>
    <message>
        <source>Serving needs a listening socket: socket(), bind(), listen() first.</source>
        <translation>Bedienen braucht einen lauschenden Socket: zuerst socket(), bind(), listen().</translation>
    </message>
</context>
<context>
    <name>BindQuestions</name>
    <message>
        <source>Binding to every address means anyone on this network can connect to port %1, not only programs on this machine.

Clients elsewhere can use: %2</source>
        <translation>An jede Adresse binden heißt: jeder in diesem Netzwerk kann sich mit Port %1 verbinden, nicht nur Programme auf diesem Rechner.

Clients anderswo können verwenden: %2</translation>
    </message>
    <message>
        <source>(no network address found)</source>
        <translation>(keine Netzwerkadresse gefunden)</translation>
    </message>
    <message>
        <source>Bind to every address?</source>
        <translation>An jede Adresse binden?</translation>
    </message>
    <message>
        <source>%1 is a socket file nobody listens on, probably left by an earlier run (Python&apos;s close does not remove it).

Remove it and bind again?</source>
        <translation>%1 ist eine Socket-Datei, auf der niemand lauscht, wahrscheinlich von einem früheren Lauf übrig (Pythons close entfernt sie nicht).

Entfernen und erneut binden?</translation>
    </message>
    <message>
        <source>Remove the old socket file?</source>
        <translation>Die alte Socket-Datei entfernen?</translation>
    </message>
</context>
<context>
    <name>ByteView</name>
    <message>
        <source>Bytes as offset, hex and ASCII</source>
        <translation>Bytes als Offset, Hex und ASCII</translation>
    </message>
    <message>
        <source>Bytes as a Python literal</source>
        <translation>Bytes als Python-Literal</translation>
    </message>
    <message>
        <source>  (%1 more bytes not kept)</source>
        <translation>  (%1 weitere Bytes nicht behalten)</translation>
    </message>
    <message>
        <source>
… %1 more bytes (the first %2 are shown)</source>
        <translation>
… %1 weitere Bytes (die ersten %2 werden gezeigt)</translation>
    </message>
    <message>
        <source>Bytes: select a send or recv in the log</source>
        <translation>Bytes: im Protokoll ein send oder recv auswählen</translation>
    </message>
</context>
<context>
    <name>BytesFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>CallButton</name>
    <message>
        <source>Not now: %1</source>
        <translation>Jetzt nicht: %1</translation>
    </message>
    <message>
        <source>This pane shows %1, which takes no calls: they are off until it shows the live session again (for a replay: File → Close Replay).</source>
        <translation>Dieser Bereich zeigt %1 und nimmt keine Aufrufe an: sie sind aus, bis er wieder die laufende Sitzung zeigt (bei einer Wiedergabe: Datei → Wiedergabe schließen).</translation>
    </message>
</context>
<context>
    <name>CallRules</name>
    <message>
        <source>%1() is still running on %2; wait for it to return, or close the socket to cancel it.</source>
        <translation>%1() läuft noch auf %2; warten, bis es zurückkehrt, oder den Socket schließen, um es abzubrechen.</translation>
    </message>
    <message>
        <source>The socket is closed; create a new one with socket().</source>
        <translation>Der Socket ist geschlossen; mit socket() einen neuen erzeugen.</translation>
    </message>
    <message>
        <source>A call on this socket failed for good; close it and create a new one.</source>
        <translation>Ein Aufruf auf diesem Socket ist endgültig fehlgeschlagen; ihn schließen und einen neuen erzeugen.</translation>
    </message>
    <message>
        <source>socket() creates a new socket; it is not called on one.</source>
        <translation>socket() erzeugt einen neuen Socket; es wird nicht auf einem aufgerufen.</translation>
    </message>
    <message>
        <source>sendto sends one datagram to an address: it is for UDP (SOCK_DGRAM) sockets. A TCP socket sends on its connection with send or sendall.</source>
        <translation>sendto sendet ein Datagramm an eine Adresse: es ist für UDP-Sockets (SOCK_DGRAM). Ein TCP-Socket sendet auf seiner Verbindung mit send oder sendall.</translation>
    </message>
    <message>
        <source>recvfrom is for UDP (SOCK_DGRAM) sockets; a TCP socket reads its connection with recv.</source>
        <translation>recvfrom ist für UDP-Sockets (SOCK_DGRAM); ein TCP-Socket liest seine Verbindung mit recv.</translation>
    </message>
    <message>
        <source>Nothing can arrive yet: bind the socket to an address and port first (or sendto, which gives it a port).</source>
        <translation>Noch kann nichts ankommen: den Socket erst an Adresse und Port binden (oder sendto, das ihm einen Port gibt).</translation>
    </message>
    <message>
        <source>Set socket options on a new socket, before bind or connect: SO_REUSEADDR after bind changes nothing.</source>
        <translation>Socket-Optionen auf einem neuen Socket setzen, vor bind oder connect: SO_REUSEADDR nach bind ändert nichts.</translation>
    </message>
    <message>
        <source>bind needs a new socket; this one is already %1.</source>
        <translation>bind braucht einen neuen Socket; dieser ist schon %1.</translation>
    </message>
    <message>
        <source>UDP has no connections to listen for: bind, then call recvfrom.</source>
        <translation>UDP hat keine Verbindungen, auf die man lauschen könnte: bind, dann recvfrom aufrufen.</translation>
    </message>
    <message>
        <source>listen needs a bound socket: call bind first.</source>
        <translation>listen braucht einen gebundenen Socket: zuerst bind aufrufen.</translation>
    </message>
    <message>
        <source>listen needs a bound socket that is not yet listening or connected.</source>
        <translation>listen braucht einen gebundenen Socket, der noch nicht lauscht oder verbunden ist.</translation>
    </message>
    <message>
        <source>UDP has no connections to accept: each datagram arrives on its own through recvfrom.</source>
        <translation>UDP hat keine Verbindungen zum Annehmen: jedes Datagramm kommt für sich über recvfrom an.</translation>
    </message>
    <message>
        <source>accept needs a listening socket: call bind, then listen.</source>
        <translation>accept braucht einen lauschenden Socket: bind, dann listen aufrufen.</translation>
    </message>
    <message>
        <source>connect needs a new socket; this one is already %1.</source>
        <translation>connect braucht einen neuen Socket; dieser ist schon %1.</translation>
    </message>
    <message>
        <source>A UDP socket sends with sendto(data, address), or with %1 after connect chose its peer.</source>
        <translation>Ein UDP-Socket sendet mit sendto(data, address) oder mit %1, nachdem connect die Gegenseite gewählt hat.</translation>
    </message>
    <message>
        <source>This side shut down writing; nothing more can be sent.</source>
        <translation>Diese Seite hat das Schreiben beendet (shutdown); es kann nichts mehr gesendet werden.</translation>
    </message>
    <message>
        <source>%1 needs a connected socket: connect (client) or use the socket accept returned (server).</source>
        <translation>%1 braucht einen verbundenen Socket: connect (Client) oder den Socket verwenden, den accept lieferte (Server).</translation>
    </message>
    <message>
        <source>A UDP socket reads with recvfrom, which also says who sent the datagram (recv works after connect).</source>
        <translation>Ein UDP-Socket liest mit recvfrom, das auch sagt, wer das Datagramm sandte (recv geht nach connect).</translation>
    </message>
    <message>
        <source>recv needs a connected socket: connect (client) or use the socket accept returned (server).</source>
        <translation>recv braucht einen verbundenen Socket: connect (Client) oder den Socket verwenden, den accept lieferte (Server).</translation>
    </message>
    <message>
        <source>shutdown ends one direction of a connection; UDP has no connection. Close the socket instead.</source>
        <translation>shutdown beendet eine Richtung einer Verbindung; UDP hat keine Verbindung. Stattdessen den Socket schließen.</translation>
    </message>
    <message>
        <source>shutdown needs a connected socket.</source>
        <translation>shutdown braucht einen verbundenen Socket.</translation>
    </message>
</context>
<context>
    <name>CallSequence</name>
    <message>
        <source>still waiting after %1 s (%2); did the other side act?</source>
        <translation>wartet nach %1 s noch (%2); hat die andere Seite gehandelt?</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>socket(family, type, proto): ask the kernel for a new socket</source>
        <translation>socket(family, type, proto): den Kernel um einen neuen Socket bitten</translation>
    </message>
    <message>
        <source>connect((host, port)): open a connection to a listening server; the TCP handshake happens here</source>
        <translation>connect((host, port)): eine Verbindung zu einem lauschenden Server öffnen; hier geschieht der TCP-Handshake</translation>
    </message>
    <message>
        <source>socket.create_connection((host, port)): look the host up, then try each address it has, a new socket for each, until one connects</source>
        <translation>socket.create_connection((host, port)): den Host nachschlagen und jede seiner Adressen versuchen, mit je einem neuen Socket, bis eine verbindet</translation>
    </message>
    <message>
        <source>setsockopt(level, option, value) with the option chosen beside it, before connect: TCP_NODELAY, SO_LINGER 0 (close then sends RST), SO_KEEPALIVE, buffer sizes…</source>
        <translation>setsockopt(level, option, value) mit der daneben gewählten Option, vor connect: TCP_NODELAY, SO_LINGER 0 (close sendet dann RST), SO_KEEPALIVE, Puffergrößen…</translation>
    </message>
    <message>
        <source>connect N clients</source>
        <translation>N Clients verbinden</translation>
    </message>
    <message>
        <source>The client sockets of this pane; the calls below act on the one chosen here</source>
        <translation>Die Client-Sockets dieses Bereichs; die Aufrufe unten wirken auf den hier gewählten</translation>
    </message>
    <message>
        <source>Client socket</source>
        <translation>Client-Socket</translation>
    </message>
    <message>
        <source>How many clients to connect at once</source>
        <translation>Wie viele Clients auf einmal verbinden</translation>
    </message>
    <message>
        <source>socket() and connect() N times, to the host and port above: watch the backlog fill, or an automatic server serve them all</source>
        <translation>socket() und connect() N-mal, zu Host und Port oben: zusehen, wie sich der Backlog füllt oder ein automatischer Server alle bedient</translation>
    </message>
    <message>
        <source>CLIENT</source>
        <translation>CLIENT</translation>
    </message>
    <message>
        <source>create_connection: %1</source>
        <translation>create_connection: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connecting %n client(s)…</source>
        <translation>
            <numerusform>Verbinde %n Client…</numerusform>
            <numerusform>Verbinde %n Clients…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 clients connected%3</source>
        <translation>%1 von %2 Clients verbunden%3</translation>
    </message>
    <message>
        <source>, %1 still waiting (the backlog?)</source>
        <translation>, %1 warten noch (der Backlog?)</translation>
    </message>
    <message>
        <source>No socket yet.</source>
        <translation>Noch kein Socket.</translation>
    </message>
    <message>
        <source>create_connection is still trying.</source>
        <translation>create_connection versucht es noch.</translation>
    </message>
    <message>
        <source>Create a socket first: socket().</source>
        <translation>Zuerst einen Socket erzeugen: socket().</translation>
    </message>
    <message>
        <source>No client socket yet in %1.</source>
        <translation>Noch kein Client-Socket in %1.</translation>
    </message>
    <message>
        <source>: connect() returns once the kernel has finished the handshake, so they may still wait in the server&apos;s backlog for accept()</source>
        <translation>: connect() kehrt zurück, sobald der Kernel den Handshake abgeschlossen hat; sie können also noch in der Warteschlange (Backlog) des Servers auf accept() warten</translation>
    </message>
    <message>
        <source>How many clients</source>
        <translation>Wie viele Clients</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>C code for the selected call</source>
        <translation>C-Code für den gewählten Aufruf</translation>
    </message>
    <message>
        <source>Select a call in the log to see its code.</source>
        <translation>Einen Aufruf im Protokoll auswählen, um seinen Code zu sehen.</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>C (POSIX)</source>
        <translation>C (POSIX)</translation>
    </message>
    <message>
        <source>The session as Python, the selected call marked</source>
        <translation>Die Sitzung als Python, der gewählte Aufruf markiert</translation>
    </message>
</context>
<context>
    <name>ConnectionControls</name>
    <message>
        <source>send(bytes): hand the message to the kernel once; returns how many bytes it took, which may be fewer than all</source>
        <translation>send(bytes): die Nachricht einmal dem Kernel übergeben; liefert, wie viele Bytes er nahm, vielleicht weniger als alle</translation>
    </message>
    <message>
        <source>sendall(bytes): keep calling send until every byte of the message is handed over</source>
        <translation>sendall(bytes): send so lange aufrufen, bis jedes Byte der Nachricht übergeben ist</translation>
    </message>
    <message>
        <source>recv(bufsize): wait for data and return at most bufsize bytes; 0 bytes means the peer closed</source>
        <translation>recv(bufsize): auf Daten warten und höchstens bufsize Bytes liefern; 0 Bytes heißt, die Gegenseite hat geschlossen</translation>
    </message>
    <message>
        <source>shutdown(how): stop sending (SHUT_WR sends FIN), receiving, or both, while the socket stays open</source>
        <translation>shutdown(how): Senden (SHUT_WR sendet FIN), Empfangen oder beides beenden, während der Socket offen bleibt</translation>
    </message>
    <message>
        <source>close(): release the socket; a blocked call on it is cancelled</source>
        <translation>close(): den Socket freigeben; ein blockierter Aufruf darauf wird abgebrochen</translation>
    </message>
    <message>
        <source>sendto(bytes, address): send the message as one UDP datagram to an address</source>
        <translation>sendto(bytes, address): die Nachricht als ein UDP-Datagramm an eine Adresse senden</translation>
    </message>
    <message>
        <source>recvfrom(bufsize): wait for one UDP datagram and return it with the sender&apos;s address; a longer datagram is cut</source>
        <translation>recvfrom(bufsize): auf ein UDP-Datagramm warten und es mit der Adresse des Absenders liefern; ein längeres Datagramm wird abgeschnitten</translation>
    </message>
    <message>
        <source>The most bytes one recv may return</source>
        <translation>Die meisten Bytes, die ein recv liefern darf</translation>
    </message>
    <message>
        <source>Which direction shutdown stops</source>
        <translation>Welche Richtung shutdown beendet</translation>
    </message>
    <message>
        <source>There is no address to send to.</source>
        <translation>Es gibt keine Adresse, an die gesendet werden kann.</translation>
    </message>
    <message>
        <source>There is no connected socket here yet.</source>
        <translation>Hier gibt es noch keinen verbundenen Socket.</translation>
    </message>
    <message>
        <source>The message has an error; fix it first.</source>
        <translation>Die Nachricht hat einen Fehler; bitte zuerst beheben.</translation>
    </message>
    <message>
        <source>sendto answers the sender of the last datagram: call recvfrom first.</source>
        <translation>sendto antwortet dem Absender des letzten Datagramms: Rufen Sie zuerst recvfrom auf.</translation>
    </message>
    <message>
        <source>%1() → b&apos;&apos; (0 bytes: the peer has closed)</source>
        <translation>%1() → b&apos;&apos; (0 Bytes: die Gegenseite hat geschlossen)</translation>
    </message>
    <message>
        <source>%1() → %2   %3</source>
        <translation>%1() → %2   %3</translation>
    </message>
    <message>
        <source>recv bufsize</source>
        <translation>recv-bufsize</translation>
    </message>
</context>
<context>
    <name>ConstantsView</name>
    <message>
        <source>Show every constant whose name starts with this, like the course&apos;s get_constants(prefix)</source>
        <translation>Jede Konstante zeigen, deren Name so beginnt, wie get_constants(prefix) im Kurs</translation>
    </message>
    <message>
        <source>a number, e.g. 0 or 0x400</source>
        <translation>eine Zahl, z. B. 0 oder 0x400</translation>
    </message>
    <message>
        <source>Show every name with this value in the chosen group: the collisions a {value: name} dict would hide</source>
        <translation>Jeden Namen mit diesem Wert in der gewählten Gruppe zeigen: die Kollisionen, die ein {Wert: Name}-Dict verbergen würde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Ask the kernel</source>
        <translation>Den Kernel fragen</translation>
    </message>
    <message>
        <source>Create a socket with Python&apos;s defaults, read back its family, type and protocol, and close it</source>
        <translation>Einen Socket mit Pythons Vorgaben erzeugen, Familie, Typ und Protokoll zurücklesen und ihn schließen</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>or value</source>
        <translation>oder Wert</translation>
    </message>
    <message>
        <source>Defaults of socket.socket():</source>
        <translation>Vorgaben von socket.socket():</translation>
    </message>
    <message>
        <source>No constant starts with &quot;%1&quot; on this system.</source>
        <translation>Auf diesem System beginnt keine Konstante mit „%1“.</translation>
    </message>
    <message>
        <source>%1 names start with %2 on this system; %3 values are shared by more than one name (marked).</source>
        <translation>%1 Namen beginnen auf diesem System mit %2; %3 Werte teilen sich mehrere Namen (markiert).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (decimal, or hex like 0x400).</source>
        <translation>„%1“ ist keine Zahl (dezimal oder hex wie 0x400).</translation>
    </message>
    <message>
        <source>%1 name(s) in %2 have the value %3.</source>
        <translation>%1 Name(n) in %2 haben den Wert %3.</translation>
    </message>
    <message>
        <source>all groups</source>
        <translation>alle Gruppen</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>frage…</translation>
    </message>
    <message>
        <source>%1
family %2 (%3), type %4 (%5), proto 0 — and the kernel chose %6 (%7) for it.</source>
        <translation>%1
Familie %2 (%3), Typ %4 (%5), proto 0 — und der Kernel wählte dafür %6 (%7).</translation>
    </message>
    <message>
        <source>The value on each system (&quot;your results may vary&quot;): for the constants that differ, and for the everyday ones that do not. Empty: not in the table.
%1</source>
        <translation>Der Wert auf jedem System („your results may vary“): für die Konstanten, die sich unterscheiden, und für die alltäglichen, die gleich sind. Leer: nicht in der Tabelle.
%1</translation>
    </message>
    <message>
        <source>How Python names it: socket.AF_INET, errno.EPIPE. &quot;C only&quot;: the system&apos;s headers have it, Python&apos;s socket module does not.</source>
        <translation>Wie Python es nennt: socket.AF_INET, errno.EPIPE. „nur C“: die Header des Systems haben es, Pythons socket-Modul nicht.</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
</context>
<context>
    <name>DataTransfer</name>
    <message>
        <source>Ask for a positive number of bytes, such as 4096.</source>
        <translation>Eine positive Anzahl Bytes anfordern, etwa 4096.</translation>
    </message>
    <message>
        <source>A socket moves bytes. Encode the text first, as in msg.encode(), or write b&apos;...&apos;.</source>
        <translation>Ein Socket überträgt Bytes. Kodieren Sie den Text zuerst, etwa mit msg.encode(), oder schreiben Sie b&apos;...&apos;.</translation>
    </message>
</context>
<context>
    <name>EchoCheck</name>
    <message>
        <source>one message</source>
        <translation>eine Nachricht</translation>
    </message>
    <message>
        <source>a long message</source>
        <translation>eine lange Nachricht</translation>
    </message>
    <message>
        <source>several messages on one connection</source>
        <translation>mehrere Nachrichten auf einer Verbindung</translation>
    </message>
    <message>
        <source>a client that closes</source>
        <translation>ein Client, der schließt</translation>
    </message>
    <message>
        <source>two clients</source>
        <translation>zwei Clients</translation>
    </message>
    <message>
        <source>%1() failed: %2</source>
        <translation>%1() schlug fehl: %2</translation>
    </message>
    <message>
        <source>%1, after %2 of %3 bytes came back: the server closed the connection without reading all that was sent, so its kernel sent RST</source>
        <translation>%1, nachdem %2 von %3 Bytes zurückkamen: der Server schloss die Verbindung, ohne alles Gesendete zu lesen, daher sandte sein Kernel RST</translation>
    </message>
    <message>
        <source>connect() got no answer for %1 s</source>
        <translation>connect() bekam %1 s lang keine Antwort</translation>
    </message>
    <message>
        <source>sendall() of %1 bytes did not finish in %2 s: the server reads nothing</source>
        <translation>sendall() von %1 Bytes wurde in %2 s nicht fertig: der Server liest nichts</translation>
    </message>
    <message>
        <source>expected %1 bytes back, got %2 and then nothing for %3 s</source>
        <translation>%1 Bytes zurück erwartet, %2 bekommen und dann %3 s lang nichts</translation>
    </message>
    <message>
        <source>expected %1 bytes back, got %2 and then the server closed the connection</source>
        <translation>%1 Bytes zurück erwartet, %2 bekommen und dann schloss der Server die Verbindung</translation>
    </message>
    <message>
        <source>expected %1 bytes back, got %2: more than was sent</source>
        <translation>%1 Bytes zurück erwartet, %2 bekommen: mehr als gesendet</translation>
    </message>
    <message>
        <source>expected %1 bytes back, got %2 that differ from byte %3 on</source>
        <translation>%1 Bytes zurück erwartet, %2 bekommen, die ab Byte %3 abweichen</translation>
    </message>
    <message>
        <source>the client closed its side, but the server did not close its end: recv() got nothing for %1 s (the server&apos;s socket stays in CLOSE_WAIT; call close() when recv() returns b&apos;&apos;)</source>
        <translation>der Client schloss seine Seite, aber der Server schloss sein Ende nicht: recv() bekam %1 s lang nichts (der Socket des Servers bleibt in CLOSE_WAIT; rufen Sie close() auf, wenn recv() b&apos;&apos; zurückgibt)</translation>
    </message>
    <message>
        <source>the server sent %1 more bytes after the client closed its side</source>
        <translation>der Server sandte noch %1 Bytes, nachdem der Client seine Seite geschlossen hatte</translation>
    </message>
</context>
<context>
    <name>EchoCheckController</name>
    <message>
        <source>&amp;Check Echo Server</source>
        <translation>Echo-Server &amp;prüfen</translation>
    </message>
    <message>
        <source>Run the homework&apos;s echo tests against the server at the client pane&apos;s host and port (yours, watched or not)</source>
        <translation>Die Echo-Tests der Hausaufgabe gegen den Server an Host und Port des Client-Bereichs ausführen (Ihren, beobachtet oder nicht)</translation>
    </message>
    <message>
        <source>Checking the echo server at %1: %2…</source>
        <translation>Prüfe den Echo-Server an %1: %2…</translation>
    </message>
    <message>
        <source>PASS  %1</source>
        <translation>OK    %1</translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation>FEHLER  %1: %2</translation>
    </message>
    <message>
        <source>The echo server at %1 passed every test.</source>
        <translation>Der Echo-Server an %1 hat jeden Test bestanden.</translation>
    </message>
    <message>
        <source>The echo server at %1 failed a test.</source>
        <translation>Der Echo-Server an %1 hat einen Test nicht bestanden.</translation>
    </message>
    <message>
        <source>Echo server check</source>
        <translation>Prüfung des Echo-Servers</translation>
    </message>
    <message>
        <source>The echo server at %1:

%2</source>
        <translation>Der Echo-Server an %1:

%2</translation>
    </message>
</context>
<context>
    <name>EndpointForm</name>
    <message>
        <source>Address family: AF_INET for IPv4 (127.0.0.1), AF_INET6 for IPv6 (::1), AF_UNIX for a socket file on this machine</source>
        <translation>Adressfamilie: AF_INET für IPv4 (127.0.0.1), AF_INET6 für IPv6 (::1), AF_UNIX für eine Socket-Datei auf diesem Rechner</translation>
    </message>
    <message>
        <source>Socket type: SOCK_STREAM is a TCP byte stream, SOCK_DGRAM sends UDP datagrams (bind, then sendto and recvfrom; no listen or accept)</source>
        <translation>Socket-Typ: SOCK_STREAM ist ein TCP-Bytestrom, SOCK_DGRAM sendet UDP-Datagramme (bind, dann sendto und recvfrom; kein listen oder accept)</translation>
    </message>
    <message>
        <source>Protocol: 0 (IPPROTO_IP) lets the kernel choose TCP for a stream socket</source>
        <translation>Protokoll: 0 (IPPROTO_IP) lässt den Kernel für einen Stream-Socket TCP wählen</translation>
    </message>
    <message>
        <source>Host: a numeric address such as 127.0.0.1 or ::1, a name such as localhost, or empty for every address</source>
        <translation>Host: eine numerische Adresse wie 127.0.0.1 oder ::1, ein Name wie localhost oder leer für jede Adresse</translation>
    </message>
    <message>
        <source>Port 0–65535; 0 lets the kernel choose a free port</source>
        <translation>Port 0–65535; 0 lässt den Kernel einen freien Port wählen</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
</context>
<context>
    <name>ErrnoCatalog</name>
    <message>
        <source>that address</source>
        <translation>diese Adresse</translation>
    </message>
    <message>
        <source>A file already exists at %1, probably the socket file of an earlier run that did not remove it (close does not delete it in Python). If no server uses it, remove it (rm, or os.unlink) and bind again, or choose another path.</source>
        <translation>Unter %1 gibt es schon eine Datei, wahrscheinlich die Socket-Datei eines früheren Laufs, der sie nicht entfernt hat (close löscht sie in Python nicht). Nutzt sie kein Server, sie entfernen (rm oder os.unlink) und erneut binden, oder einen anderen Pfad wählen.</translation>
    </message>
    <message>
        <source>Another socket already holds %1 — an earlier server, maybe one in TIME_WAIT. Set SO_REUSEADDR before bind (on Linux the earlier server must have set it too), or pick another port.</source>
        <translation>Ein anderer Socket hält schon %1 — ein früherer Server, vielleicht einer in TIME_WAIT. SO_REUSEADDR vor bind setzen (unter Linux muss der frühere Server es auch gesetzt haben) oder einen anderen Port wählen.</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine. Bind to 127.0.0.1, to 0.0.0.0 (every interface), or to one of this machine&apos;s addresses.</source>
        <translation>%1 ist keine Adresse dieses Rechners. An 127.0.0.1, an 0.0.0.0 (jede Schnittstelle) oder an eine Adresse dieses Rechners binden.</translation>
    </message>
    <message>
        <source>Ports below 1024 are reserved for the administrator. Use a higher port, such as 50000.</source>
        <translation>Ports unter 1024 sind dem Administrator vorbehalten. Einen höheren Port nehmen, etwa 50000.</translation>
    </message>
    <message>
        <source>The system does not allow this for your user.</source>
        <translation>Das System erlaubt das Ihrem Benutzer nicht.</translation>
    </message>
    <message>
        <source>Nothing is listening on %1. Start the server first (bind, then listen), and check the host and port.</source>
        <translation>Auf %1 lauscht nichts. Zuerst den Server starten (bind, dann listen) und Host und Port prüfen.</translation>
    </message>
    <message>
        <source>The peer reset the connection: it went away abruptly (closed with unread data, or with SO_LINGER 0). Close this socket.</source>
        <translation>Die Gegenseite hat die Verbindung zurückgesetzt: sie ist abrupt gegangen (mit ungelesenen Daten geschlossen oder mit SO_LINGER 0). Diesen Socket schließen.</translation>
    </message>
    <message>
        <source>The connection can no longer carry data from this side: the peer has closed it, or this side shut down writing. Close this socket.</source>
        <translation>Die Verbindung kann von dieser Seite keine Daten mehr tragen: die Gegenseite hat sie geschlossen, oder diese Seite hat das Schreiben beendet. Diesen Socket schließen.</translation>
    </message>
    <message>
        <source>This socket is not connected. A client calls connect first; a server talks through the socket accept returned, not the listener.</source>
        <translation>Dieser Socket ist nicht verbunden. Ein Client ruft zuerst connect auf; ein Server spricht über den Socket, den accept lieferte, nicht über den lauschenden.</translation>
    </message>
    <message>
        <source>This socket is already connected; a socket connects only once.</source>
        <translation>Dieser Socket ist schon verbunden; ein Socket verbindet sich nur einmal.</translation>
    </message>
    <message>
        <source>accept needs a listening socket: call bind and listen first.</source>
        <translation>accept braucht einen lauschenden Socket: zuerst bind und listen aufrufen.</translation>
    </message>
    <message>
        <source>This socket is already bound; a socket is bound only once.</source>
        <translation>Dieser Socket ist schon gebunden; ein Socket wird nur einmal gebunden.</translation>
    </message>
    <message>
        <source>The kernel found an argument invalid for this socket in its current state.</source>
        <translation>Der Kernel fand ein Argument für diesen Socket in seinem jetzigen Zustand ungültig.</translation>
    </message>
    <message>
        <source>The socket is closed, so its file descriptor no longer exists. Create a new socket.</source>
        <translation>Der Socket ist geschlossen, sein Dateideskriptor existiert nicht mehr. Einen neuen Socket erzeugen.</translation>
    </message>
    <message>
        <source>The address family does not match this socket&apos;s family (IPv4 vs IPv6).</source>
        <translation>Die Adressfamilie passt nicht zur Familie dieses Sockets (IPv4 oder IPv6).</translation>
    </message>
    <message>
        <source>This call does not apply to this kind of socket.</source>
        <translation>Dieser Aufruf passt nicht zu dieser Art Socket.</translation>
    </message>
    <message>
        <source>That protocol does not fit this family and type (for example IPPROTO_UDP with SOCK_STREAM).</source>
        <translation>Dieses Protokoll passt nicht zu Familie und Typ (zum Beispiel IPPROTO_UDP mit SOCK_STREAM).</translation>
    </message>
    <message>
        <source>The peer did not answer in time. Check that %1 is reachable.</source>
        <translation>Die Gegenseite hat nicht rechtzeitig geantwortet. Prüfen, ob %1 erreichbar ist.</translation>
    </message>
    <message>
        <source>This machine has no route to %1.</source>
        <translation>Dieser Rechner hat keinen Weg zu %1.</translation>
    </message>
    <message>
        <source>Too many open files: close sockets you no longer need.</source>
        <translation>Zu viele offene Dateien: Sockets schließen, die Sie nicht mehr brauchen.</translation>
    </message>
    <message>
        <source>A connect on this socket is already under way.</source>
        <translation>Ein connect auf diesem Socket läuft schon.</translation>
    </message>
    <message>
        <source>A connection was aborted before accept could take it.</source>
        <translation>Eine Verbindung wurde abgebrochen, bevor accept sie nehmen konnte.</translation>
    </message>
    <message>
        <source>The system does not permit this operation for your user.</source>
        <translation>Das System erlaubt Ihrem Benutzer diese Operation nicht.</translation>
    </message>
    <message>
        <source>See the manual page: man 2 %1.</source>
        <translation>Siehe die Handbuchseite: man 2 %1.</translation>
    </message>
    <message>
        <source>No such host &quot;%1&quot;, or no network to ask. Check the spelling, or use a numeric address such as 127.0.0.1.</source>
        <translation>Kein Host „%1“, oder kein Netzwerk zum Fragen. Die Schreibweise prüfen oder eine numerische Adresse wie 127.0.0.1 verwenden.</translation>
    </message>
    <message>
        <source>The name server did not answer for &quot;%1&quot;; try again, or use a numeric address.</source>
        <translation>Der Nameserver hat für „%1“ nicht geantwortet; erneut versuchen oder eine numerische Adresse verwenden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no address in this socket&apos;s family (IPv4 vs IPv6).</source>
        <translation>„%1“ hat keine Adresse in der Familie dieses Sockets (IPv4 oder IPv6).</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; could not be resolved.</source>
        <translation>Der Name „%1“ konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>A Unix socket is a file, and you may not create files in that folder. Choose a folder you can write to, such as /tmp.</source>
        <translation>Ein Unix-Socket ist eine Datei, und in diesem Ordner dürfen Sie keine Dateien anlegen. Wählen Sie einen Ordner, in den Sie schreiben dürfen, etwa /tmp.</translation>
    </message>
    <message>
        <source>You may not open that socket file (or a folder on its path). Ask its owner, or use a socket in a folder of yours.</source>
        <translation>Sie dürfen diese Socket-Datei (oder einen Ordner auf ihrem Pfad) nicht öffnen. Fragen Sie den Besitzer, oder nehmen Sie einen Socket in einem eigenen Ordner.</translation>
    </message>
</context>
<context>
    <name>EventFollower</name>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Call (as Python)</source>
        <translation>Aufruf (als Python)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Program line</source>
        <translation>Programmzeile</translation>
    </message>
</context>
<context>
    <name>FlowDemo</name>
    <message>
        <source>Played %1 steps of getting the flow.</source>
        <translation>%1 Schritte von „getting the flow“ abgespielt.</translation>
    </message>
    <message>
        <source>Step %1 failed: %2</source>
        <translation>Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>%1 is not available.</source>
        <translation>%1 ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>SocketLab Guide</source>
        <translation>SocketLab-Anleitung</translation>
    </message>
    <message>
        <source>Student guide</source>
        <translation>Anleitung für Studierende</translation>
    </message>
    <message>
        <source>Instructor guide</source>
        <translation>Anleitung für Lehrende</translation>
    </message>
    <message>
        <source>Lesson format</source>
        <translation>Lektionsformat</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Anleitungen</translation>
    </message>
</context>
<context>
    <name>HeadlessStart</name>
    <message>
        <source>there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). For a picture without a display, add -platform offscreen --screenshot FILE; in a terminal, socketlab-cli makes the same calls.</source>
        <translation>es gibt keinen Bildschirm für das Fenster (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt). Für ein Bild ohne Bildschirm -platform offscreen --screenshot DATEI angeben; im Terminal macht socketlab-cli dieselben Aufrufe.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>&amp;Instructor Guide</source>
        <translation>Anleitung für &amp;Lehrende</translation>
    </message>
    <message>
        <source>&amp;Lesson Format</source>
        <translation>Lektions&amp;format</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About SocketLab</source>
        <translation>Über &amp;SocketLab</translation>
    </message>
    <message>
        <source>About SocketLab</source>
        <translation>Über SocketLab</translation>
    </message>
    <message>
        <source>SocketLab %1
Watch BSD socket calls happen for real: each call, its result or errno, and the bytes that crossed.

Copyright © The SocketLab authors. Free software under the MIT license: you may use, copy, change and share it, as the license that comes with it says.</source>
        <translation>SocketLab %1
BSD-Socket-Aufrufe wirklich geschehen sehen: jeden Aufruf, sein Ergebnis oder errno und die Bytes, die hinübergingen.

Copyright © The SocketLab authors. Freie Software unter der MIT-Lizenz: Sie dürfen sie benutzen, kopieren, ändern und weitergeben, wie es die beiliegende Lizenz sagt.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Server: Ctrl+1 socket, Ctrl+2 setsockopt(SO_REUSEADDR), Ctrl+3 bind, Ctrl+4 listen, Ctrl+5 accept, Ctrl+L close the listener; its UDP socket: Ctrl+Shift+6 sendto, Ctrl+Shift+8 recvfrom.
Selected connection: Ctrl+6 send, Ctrl+7 sendall, Ctrl+8 recv, Ctrl+9 shutdown, Ctrl+W close.
Client: Alt+1 socket, Alt+2 connect, Alt+3 create_connection, Alt+4 setsockopt, Alt+6 send, Alt+7 sendall, Alt+8 recv, Alt+9 shutdown, Alt+0 close; UDP: Alt+Shift+6 sendto, Alt+Shift+8 recvfrom.
Ctrl+J the lab, Ctrl+K lookups, Ctrl+Shift+I allow invalid calls, Ctrl++ (or Ctrl+=) / Ctrl+- / Ctrl+0 zoom.
Ctrl+S (or Ctrl+E) save the session, Ctrl+Shift+O open one for replay, Alt+← / Alt+→ / Alt+Home / Alt+End step through it, Ctrl+Shift+E export it as scripts, Ctrl+Shift+W watch a program, Ctrl+Shift+T check an echo server, Ctrl+Q quit.
Lessons: Space or → next step, ← previous step, P play/pause, A show the answer, Ctrl+Shift+R restart, Ctrl+O open a lesson file.
F1 the guide, F5 presenter mode, Esc leaves it, F11 full screen.</source>
        <translation>Server: Strg+1 socket, Strg+2 setsockopt(SO_REUSEADDR), Strg+3 bind, Strg+4 listen, Strg+5 accept, Strg+L den lauschenden Socket schließen; sein UDP-Socket: Strg+Umschalt+6 sendto, Strg+Umschalt+8 recvfrom.
Gewählte Verbindung: Strg+6 send, Strg+7 sendall, Strg+8 recv, Strg+9 shutdown, Strg+W close.
Client: Alt+1 socket, Alt+2 connect, Alt+3 create_connection, Alt+4 setsockopt, Alt+6 send, Alt+7 sendall, Alt+8 recv, Alt+9 shutdown, Alt+0 close; UDP: Alt+Umschalt+6 sendto, Alt+Umschalt+8 recvfrom.
Strg+J das Labor, Strg+K Nachschlagen, Strg+Umschalt+I ungültige Aufrufe erlauben, Strg++ (oder Strg+=) / Strg+- / Strg+0 Zoom.
Strg+S (oder Strg+E) die Sitzung speichern, Strg+Umschalt+O eine zum Nachspielen öffnen, Alt+← / Alt+→ / Alt+Pos1 / Alt+Ende darin schrittweise gehen, Strg+Umschalt+E sie als Skripte exportieren, Strg+Umschalt+W ein Programm beobachten, Strg+Umschalt+T einen Echo-Server prüfen, Strg+Q beenden.
Lektionen: Leertaste oder → nächster Schritt, ← vorheriger Schritt, P abspielen/pausieren, A Antwort zeigen, Strg+Umschalt+R neu starten, Strg+O eine Lektionsdatei öffnen.
F1 die Anleitung, F5 Präsentationsmodus, Esc verlässt ihn, F11 Vollbild.</translation>
    </message>
</context>
<context>
    <name>HostsView</name>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Refresh interfaces</source>
        <translation>Schnittstellen aktualisieren</translation>
    </message>
    <message>
        <source>Name → canonical name, aliases and IPv4 addresses</source>
        <translation>Name → kanonischer Name, Aliasse und IPv4-Adressen</translation>
    </message>
    <message>
        <source>Address → host name (reverse lookup)</source>
        <translation>Adresse → Hostname (Rückwärtssuche)</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>schlage nach…</translation>
    </message>
    <message>
        <source> (loopback: this machine only)</source>
        <translation> (Loopback: nur dieser Rechner)</translation>
    </message>
    <message>
        <source> (down)</source>
        <translation> (aus)</translation>
    </message>
    <message>
        <source>Read this machine&apos;s interfaces and their addresses again (getifaddrs)</source>
        <translation>Die Schnittstellen dieses Rechners und ihre Adressen neu lesen (getifaddrs)</translation>
    </message>
    <message>
        <source>A host name, such as localhost or this machine&apos;s name</source>
        <translation>Ein Hostname, etwa localhost oder der Name dieses Rechners</translation>
    </message>
    <message>
        <source>An IPv4 or IPv6 address, to look its name up</source>
        <translation>Eine IPv4- oder IPv6-Adresse, deren Namen nachgeschlagen wird</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the look-up; a late answer is ignored</source>
        <translation>Nicht länger auf die Antwort warten; eine späte Antwort wird ignoriert</translation>
    </message>
    <message>
        <source>Cancelled; a late answer will be ignored.</source>
        <translation>Abgebrochen; eine späte Antwort wird ignoriert.</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Interfaces and their addresses</source>
        <translation>Schnittstellen und ihre Adressen</translation>
    </message>
</context>
<context>
    <name>LessonCaption</name>
    <message>
        <source>Lesson caption</source>
        <translation>Lektionsuntertitel</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s)</source>
        <translation>
            <numerusform>… und %n weitere Zeile</numerusform>
            <numerusform>… und %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Check what you learned</source>
        <translation>Prüfen, was Sie gelernt haben</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <source>Your turn: %1</source>
        <translation>Sie sind dran: %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>Let the lesson connect?</source>
        <translation>Lektion verbinden lassen?</translation>
    </message>
    <message>
        <source>%1.

Allow it this time?</source>
        <translation>%1.

Dieses Mal erlauben?</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <source>&amp;Open Lesson File…</source>
        <translation>Lektionsdatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Close Lesson</source>
        <translation>Lektion s&amp;chließen</translation>
    </message>
    <message>
        <source>Lessons (*.lesson);;All files (*)</source>
        <translation>Lektionen (*.lesson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Lektion: %1</translation>
    </message>
    <message>
        <source>Port %1 is in use (%2): the lesson would fail when it binds %3:%1.

Use port %4 instead?</source>
        <translation>Port %1 ist belegt (%2): Die Lektion würde scheitern, wenn sie %3:%1 bindet.

Stattdessen Port %4 verwenden?</translation>
    </message>
    <message>
        <source>%1, made before this lesson, holds port %2, which the lesson binds.

Close %1, or let the lesson use port %3?</source>
        <translation>%1, vor dieser Lektion angelegt, belegt Port %2, den die Lektion bindet.

%1 schließen oder die Lektion Port %3 verwenden lassen?</translation>
    </message>
    <message>
        <source>The lesson&apos;s port is in use</source>
        <translation>Der Port der Lektion ist belegt</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>Port %1 verwenden</translation>
    </message>
    <message>
        <source>Keep port %1</source>
        <translation>Port %1 behalten</translation>
    </message>
</context>
<context>
    <name>LessonExecutor</name>
    <message>
        <source>your turn: %1</source>
        <translation>Sie sind dran: %1</translation>
    </message>
    <message>
        <source>waiting for accept() to return the %1 socket</source>
        <translation>warte, bis accept() den Socket %1 liefert</translation>
    </message>
    <message>
        <source>waiting for %1() on %2 to return</source>
        <translation>warte, bis %1() auf %2 zurückkehrt</translation>
    </message>
    <message>
        <source>there is no socket named %1 yet; an earlier step creates it with socket()</source>
        <translation>es gibt noch keinen Socket namens %1; ein früherer Schritt erzeugt ihn mit socket()</translation>
    </message>
    <message>
        <source>%1 must be listening before it can serve</source>
        <translation>%1 muss lauschen, bevor er bedienen kann</translation>
    </message>
    <message>
        <source>%1 now accepts every client and serves it (%2 mode)</source>
        <translation>%1 nimmt jetzt jeden Client an und bedient ihn (Modus %2)</translation>
    </message>
    <message>
        <source>the lesson&apos;s server is not listening yet</source>
        <translation>der Server der Lektion lauscht noch nicht</translation>
    </message>
    <message>
        <source>A browser&apos;s request went to %1.</source>
        <translation>Die Anfrage eines Browsers ging an %1.</translation>
    </message>
    <message>
        <source>that failed (%1); try again</source>
        <translation>das ist fehlgeschlagen (%1); bitte noch einmal</translation>
    </message>
    <message>
        <source>you did it</source>
        <translation>geschafft</translation>
    </message>
    <message>
        <source>that failed: it sent %1, and this step sends %2; try again</source>
        <translation>das ist fehlgeschlagen: gesendet wurde %1, dieser Schritt sendet %2; bitte noch einmal</translation>
    </message>
    <message>
        <source>no browser has connected yet: open %1 in a web browser by hand</source>
        <translation>noch hat sich kein Browser verbunden: öffnen Sie %1 von Hand in einem Webbrowser</translation>
    </message>
    <message>
        <source>Asked the system to open %1 in a web browser. If none comes up, open that address in one by hand.</source>
        <translation>Das System wurde gebeten, %1 in einem Webbrowser zu öffnen. Erscheint keiner, öffnen Sie die Adresse von Hand in einem Browser.</translation>
    </message>
    <message>
        <source>a browser connected from %1</source>
        <translation>ein Browser hat sich von %1 aus verbunden</translation>
    </message>
</context>
<context>
    <name>LessonOutcome</name>
    <message>
        <source>blocked: %1 waits for the other side</source>
        <translation>blockiert: %1 wartet auf die andere Seite</translation>
    </message>
    <message>
        <source>failed with %1, as expected</source>
        <translation>wie erwartet mit %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>expected %1, but %2 returned</source>
        <translation>%1 erwartet, aber %2 kam zurück</translation>
    </message>
    <message>
        <source>expected %1 to block, but it returned at once</source>
        <translation>erwartet, dass %1 blockiert, aber es kehrte sofort zurück</translation>
    </message>
    <message>
        <source>expected recv to return %1 bytes, it returned %2</source>
        <translation>erwartet, dass recv %1 Bytes liefert; es lieferte %2</translation>
    </message>
    <message>
        <source>the first recv returned b&apos;&apos;: the peer had closed, nothing more came</source>
        <translation>das erste recv lieferte b&apos;&apos;: die Gegenseite hatte geschlossen, es kam nichts mehr</translation>
    </message>
    <message>
        <source>%1 bytes in %2 recv calls; the last returned b&apos;&apos; (the peer closed)</source>
        <translation>%1 Bytes in %2 recv-Aufrufen; der letzte lieferte b&apos;&apos; (die Gegenseite schloss)</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Do it for me</source>
        <translation>Für mich erledigen</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>&amp;Previous Step</source>
        <translation>&amp;Vorheriger Schritt</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>&amp;Restart Lesson</source>
        <translation>Lektion neu &amp;starten</translation>
    </message>
    <message>
        <source>Show &amp;Answer</source>
        <translation>Antwort &amp;zeigen</translation>
    </message>
    <message>
        <source>What the step printed</source>
        <translation>Was der Schritt ausgab</translation>
    </message>
    <message>
        <source>Show the next step and make its call (Space or →). On your turn, the lesson makes the call for you.</source>
        <translation>Den nächsten Schritt zeigen und seinen Aufruf machen (Leertaste oder →). Sind Sie dran, macht die Lektion den Aufruf für Sie.</translation>
    </message>
    <message>
        <source>Show the previous step&apos;s text again (←). Calls already made are not undone.</source>
        <translation>Den Text des vorigen Schritts wieder zeigen (←). Schon gemachte Aufrufe werden nicht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Play the steps one after another (P); pauses on your turn and on failures</source>
        <translation>Die Schritte nacheinander abspielen (P); hält an, wenn Sie dran sind und bei Fehlern</translation>
    </message>
    <message>
        <source>Close the lesson&apos;s sockets and start again (Ctrl+Shift+R)</source>
        <translation>Die Sockets der Lektion schließen und neu beginnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Reveal the answer to the step&apos;s question (A)</source>
        <translation>Die Antwort auf die Frage des Schritts zeigen (A)</translation>
    </message>
    <message>
        <source>Make this step&apos;s call for the student</source>
        <translation>Den Aufruf dieses Schritts für die Studierenden machen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Pause between steps while playing</source>
        <translation>Pause zwischen den Schritten beim Abspielen</translation>
    </message>
    <message>
        <source>Seconds between steps</source>
        <translation>Sekunden zwischen den Schritten</translation>
    </message>
    <message>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Continue where you left off: step %1</source>
        <translation>Weiter, wo Sie aufgehört haben: Schritt %1</translation>
    </message>
    <message>
        <source>What you will learn</source>
        <translation>Was Sie lernen werden</translation>
    </message>
    <message>
        <source>Press Space (or Next) to begin. Each step makes a real call; Left shows earlier steps again, but calls are not undone.</source>
        <translation>Leertaste (oder Weiter) drücken, um zu beginnen. Jeder Schritt macht einen echten Aufruf; ← zeigt frühere Schritte wieder, aber Aufrufe werden nicht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Check what you learned</source>
        <translation>Prüfen, was Sie gelernt haben</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Frage:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Your turn: %1</source>
        <translation>Sie sind dran: %1</translation>
    </message>
    <message>
        <source>Running… %1</source>
        <translation>Läuft… %1</translation>
    </message>
    <message>
        <source>Your turn: make this call in the pane (or press Space to let the lesson do it).</source>
        <translation>Sie sind dran: machen Sie diesen Aufruf im Bereich (oder drücken Sie die Leertaste, damit die Lektion ihn macht).</translation>
    </message>
    <message>
        <source>that failed</source>
        <translation>das ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ Erledigt</translation>
    </message>
    <message>
        <source>✓ Done: %1</source>
        <translation>✓ Erledigt: %1</translation>
    </message>
    <message>
        <source>✗ Failed: %1</source>
        <translation>✗ Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Play the lesson again up to the step you reached last time, making its calls</source>
        <translation>Die Lektion bis zu dem Schritt abspielen, der zuletzt erreicht war, und dabei ihre Aufrufe machen</translation>
    </message>
    <message>
        <source>Still waiting after %1 s: %2. Nothing more may happen by itself: make the other side act, close the socket in its pane, or restart the lesson (Ctrl+Shift+R).</source>
        <translation>Wartet seit %1 s: %2. Von selbst geschieht vielleicht nichts mehr: lassen Sie die andere Seite handeln, schließen Sie den Socket in seinem Bereich oder starten Sie die Lektion neu (Strg+Umschalt+R).</translation>
    </message>
    <message>
        <source>Go on where you left off</source>
        <translation>Dort weitermachen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Lesson step</source>
        <translation>Lektionsschritt</translation>
    </message>
</context>
<context>
    <name>LessonProgramView</name>
    <message>
        <source>The program so far</source>
        <translation>Das Programm bis hierher</translation>
    </message>
    <message>
        <source>The lesson&apos;s program so far</source>
        <translation>Das Programm der Lektion bis hierher</translation>
    </message>
</context>
<context>
    <name>LessonReach</name>
    <message>
        <source>this lesson wants to reach %1, which is neither one of its own sockets nor the address chosen for it (%2:%3); a shared lesson may not talk to other programs unless you allow it</source>
        <translation>diese Lektion will %1 erreichen, das weder einer ihrer eigenen Sockets noch die für sie gewählte Adresse (%2:%3) ist; eine weitergegebene Lektion darf nur mit Ihrer Erlaubnis mit anderen Programmen sprechen</translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>your turn</source>
        <translation>Sie sind dran</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
</context>
<context>
    <name>LookupsPanel</name>
    <message>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>Services &amp;&amp; ports</source>
        <translation>Dienste &amp;&amp; Ports</translation>
    </message>
    <message>
        <source>Hosts &amp;&amp; interfaces</source>
        <translation>Hosts &amp;&amp; Schnittstellen</translation>
    </message>
    <message>
        <source>AF_, SOCK_, IPPROTO_, … with their numbers on this system</source>
        <translation>AF_, SOCK_, IPPROTO_, … mit ihren Zahlen auf diesem System</translation>
    </message>
    <message>
        <source>How to reach a host and service: family, type, protocol, address</source>
        <translation>Wie man einen Host und Dienst erreicht: Familie, Typ, Protokoll, Adresse</translation>
    </message>
    <message>
        <source>Which port a service uses, and the other way round</source>
        <translation>Welchen Port ein Dienst nutzt und umgekehrt</translation>
    </message>
    <message>
        <source>This machine&apos;s name, name lookups, and its network interfaces</source>
        <translation>Der Name dieses Rechners, Namensauflösung und seine Netzwerkschnittstellen</translation>
    </message>
    <message>
        <source>Look-ups</source>
        <translation>Nachschlagen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>TCP states</source>
        <translation>TCP-Zustände</translation>
    </message>
    <message>
        <source>Lab: server and client</source>
        <translation>Labor: Server und Client</translation>
    </message>
    <message>
        <source>Lookups: constants, getaddrinfo, services, hosts</source>
        <translation>Nachschlagen: Konstanten, getaddrinfo, Dienste, Hosts</translation>
    </message>
    <message>
        <source>  Invalid calls allowed: the kernel answers  </source>
        <translation>  Ungültige Aufrufe erlaubt: der Kernel antwortet  </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Save Session…</source>
        <translation>Sitzung &amp;speichern…</translation>
    </message>
    <message>
        <source>Write every event of this session to a trace file (JSON Lines), to replay or export later</source>
        <translation>Jedes Ereignis dieser Sitzung in eine Trace-Datei (JSON Lines) schreiben, um sie später abzuspielen oder zu exportieren</translation>
    </message>
    <message>
        <source>Open Session for &amp;Replay…</source>
        <translation>Sitzung zur &amp;Wiedergabe öffnen…</translation>
    </message>
    <message>
        <source>Step through a saved session in the panes, diagram and log, without the network</source>
        <translation>Eine gespeicherte Sitzung in Bereichen, Diagramm und Protokoll durchgehen, ohne Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Close Replay</source>
        <translation>Wiedergabe s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>Auf&amp;rufe</translation>
    </message>
    <message>
        <source>&amp;Allow Invalid Calls</source>
        <translation>Ungültige Aufrufe &amp;erlauben</translation>
    </message>
    <message>
        <source>Let every call reach the kernel, to show its real error (ENOTCONN, EINVAL, …)</source>
        <translation>Jeden Aufruf bis zum Kernel durchlassen, um seinen echten Fehler zu zeigen (ENOTCONN, EINVAL, …)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>The &amp;Lab</source>
        <translation>Das &amp;Labor</translation>
    </message>
    <message>
        <source>&amp;Lookups: Constants, getaddrinfo, Services, Hosts</source>
        <translation>&amp;Nachschlagen: Konstanten, getaddrinfo, Dienste, Hosts</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open session for replay</source>
        <translation>Sitzung zur Wiedergabe öffnen</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Server pane set to %1 %2: now socket(), bind(), listen().</source>
        <translation>Server-Bereich auf %1 %2 gesetzt: jetzt socket(), bind(), listen().</translation>
    </message>
    <message>
        <source>Client pane set to %1 %2: now socket(), connect().</source>
        <translation>Client-Bereich auf %1 %2 gesetzt: jetzt socket(), connect().</translation>
    </message>
    <message>
        <source>Export Session as &amp;Scripts…</source>
        <translation>Sitzung als &amp;Skripte exportieren…</translation>
    </message>
    <message>
        <source>Write server.py, client.py, server.c and client.c that make this session&apos;s calls again</source>
        <translation>server.py, client.py, server.c und client.c schreiben, die die Aufrufe dieser Sitzung noch einmal machen</translation>
    </message>
    <message>
        <source>The trace is damaged at its end: %1</source>
        <translation>Die Aufzeichnung ist am Ende beschädigt: %1</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Sessions (*.sltrace *.jsonl);;All files (*)</source>
        <translation>Sitzungen (*.sltrace *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Server pane</source>
        <translation>Server-Bereich</translation>
    </message>
    <message>
        <source>Client pane</source>
        <translation>Client-Bereich</translation>
    </message>
    <message>
        <source>Session views</source>
        <translation>Ansichten der Sitzung</translation>
    </message>
    <message>
        <source>Lab and look-ups</source>
        <translation>Labor und Nachschlagen</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <source>Message; escapes: \r \n \t \xNN \\</source>
        <translation>Nachricht; Escapes: \r \n \t \xNN \\</translation>
    </message>
    <message>
        <source>The bytes to send. Type text with escapes such as \r\n, or choose Hex and type hex digits.</source>
        <translation>Die zu sendenden Bytes. Text mit Escapes wie \r\n tippen, oder Hex wählen und Hex-Ziffern tippen.</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Insert a message from the course</source>
        <translation>Eine Nachricht aus dem Kurs einfügen</translation>
    </message>
    <message>
        <source>Hey, can you hear me?</source>
        <translation>Hey, can you hear me? (Hörst du mich?)</translation>
    </message>
    <message>
        <source>Yes, I can hear you.</source>
        <translation>Yes, I can hear you. (Ja, ich höre dich.)</translation>
    </message>
    <message>
        <source>HTTP GET request</source>
        <translation>HTTP-GET-Anfrage</translation>
    </message>
    <message>
        <source>%1   %2   hex %3</source>
        <translation>%1   %2   hex %3</translation>
    </message>
    <message>
        <source>Not sent: %1 (at character %2)</source>
        <translation>Nicht gesendet: %1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>str (not encoded)</source>
        <translation>str (nicht kodiert)</translation>
    </message>
    <message>
        <source>How typed characters become bytes (like str.encode in Python), or Hex to type the bytes themselves. &quot;str&quot; sends the text without encoding it, to see what Python does then.</source>
        <translation>Wie getippte Zeichen zu Bytes werden (wie str.encode in Python), oder Hex, um die Bytes selbst zu tippen. „str“ sendet den Text unkodiert, um zu sehen, was Python dann tut.</translation>
    </message>
    <message>
        <source>%1 is a str, not bytes: Python&apos;s send and sendall raise TypeError for it</source>
        <translation>%1 ist ein str, keine Bytes: Pythons send und sendall lösen dafür TypeError aus</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
</context>
<context>
    <name>OptionCalls</name>
    <message>
        <source>Choose one from the list.</source>
        <translation>Eine aus der Liste wählen.</translation>
    </message>
</context>
<context>
    <name>PaneSource</name>
    <message>
        <source>Showing %1 (read-only)</source>
        <translation>Zeigt %1 (nur lesend)</translation>
    </message>
</context>
<context>
    <name>PortOwners</name>
    <message>
        <source>TIME_WAIT, %1 s left</source>
        <translation>TIME_WAIT, noch %1 s</translation>
    </message>
    <message>
        <source>TIME_WAIT</source>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>PID %1 (%2)</source>
        <translation>PID %1 (%2)</translation>
    </message>
    <message>
        <source>another user&apos;s program</source>
        <translation>ein Programm eines anderen Benutzers</translation>
    </message>
    <message>
        <source>a program of yours</source>
        <translation>ein Programm von Ihnen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 is held by %2. SO_REUSEADDR cannot help while that socket is open: close it (stop that program), or pick another port.</source>
        <translation>%1 wird von %2 belegt. SO_REUSEADDR hilft nicht, solange dieser Socket offen ist: Schließen Sie ihn (beenden Sie das Programm) oder wählen Sie einen anderen Port.</translation>
    </message>
    <message>
        <source>No program holds %1, but the kernel still remembers a closed connection on it (%2). Set SO_REUSEADDR before bind, wait, or pick another port.</source>
        <translation>Kein Programm belegt %1, aber der Kernel kennt darauf noch eine geschlossene Verbindung (%2). Setzen Sie SO_REUSEADDR vor bind, warten Sie oder wählen Sie einen anderen Port.</translation>
    </message>
</context>
<context>
    <name>PortRange</name>
    <message>
        <source>well-known (0–1023)</source>
        <translation>well-known (0–1023)</translation>
    </message>
    <message>
        <source>registered (1024–49151)</source>
        <translation>registriert (1024–49151)</translation>
    </message>
    <message>
        <source>dynamic/ephemeral (49152–65535)</source>
        <translation>dynamisch/ephemer (49152–65535)</translation>
    </message>
    <message>
        <source>not a port (0–65535)</source>
        <translation>kein Port (0–65535)</translation>
    </message>
    <message>
        <source>Port 0: the kernel picks a free port; the log shows which.</source>
        <translation>Port 0: der Kernel wählt einen freien Port; das Protokoll zeigt, welchen.</translation>
    </message>
    <message>
        <source>Port %1 is well-known (below 1024): binding it needs administrator rights, so bind usually fails with EACCES.</source>
        <translation>Port %1 ist well-known (unter 1024): bind braucht dafür Administratorrechte und scheitert daher meist mit EACCES.</translation>
    </message>
    <message>
        <source>Port %1 is in this machine&apos;s ephemeral range (%2–%3): the kernel gives these to clients, so one may already be taken.</source>
        <translation>Port %1 liegt im ephemeren Bereich dieses Rechners (%2–%3): der Kernel gibt diese an Clients, einer kann also schon belegt sein.</translation>
    </message>
    <message>
        <source>Nothing listens on port 0, so connect fails.</source>
        <translation>Auf Port 0 lauscht nichts, connect scheitert also.</translation>
    </message>
    <message>
        <source>Port %1 is well-known (below 1024): system services such as web servers listen there. A server you start yourself is usually on a higher port, like 50000.</source>
        <translation>Port %1 ist well-known (unter 1024): dort lauschen Systemdienste wie Webserver. Ein selbst gestarteter Server liegt meist auf einem höheren Port, etwa 50000.</translation>
    </message>
    <message>
        <source>Port %1 is in this machine&apos;s ephemeral range (%2–%3), where the kernel numbers clients&apos; own ends; servers rarely listen there.</source>
        <translation>Port %1 liegt im ephemeren Bereich dieses Rechners (%2–%3), mit dem der Kernel die eigenen Enden der Clients nummeriert; Server lauschen dort selten.</translation>
    </message>
</context>
<context>
    <name>ProgramConsole</name>
    <message>
        <source>Program output</source>
        <translation>Ausgabe des Programms</translation>
    </message>
    <message>
        <source>What the watched program prints, on stdout and stderr</source>
        <translation>Was das beobachtete Programm auf stdout und stderr ausgibt</translation>
    </message>
    <message>
        <source>Input for the program: type a line, Enter sends it</source>
        <translation>Eingabe für das Programm: eine Zeile tippen, Eingabe schickt sie</translation>
    </message>
    <message>
        <source>Program input</source>
        <translation>Eingabe des Programms</translation>
    </message>
    <message>
        <source>Sent to the watched program&apos;s stdin, as typed in its terminal</source>
        <translation>Geht an stdin des beobachteten Programms, wie in seinem Terminal getippt</translation>
    </message>
    <message>
        <source>Stop or close the watched program</source>
        <translation>Das beobachtete Programm beenden oder schließen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the program: a watched program cannot go on without SocketLab</source>
        <translation>Das Programm beenden: ein beobachtetes Programm kann ohne SocketLab nicht weiterlaufen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Show the live session in this pane again</source>
        <translation>In diesem Bereich wieder die laufende Sitzung zeigen</translation>
    </message>
    <message>
        <source>Why is it stuck? Who waits for whom, from both ends&apos; calls</source>
        <translation>Warum hängt es? Wer auf wen wartet, aus den Aufrufen beider Enden</translation>
    </message>
</context>
<context>
    <name>ProgramEnding</name>
    <message>
        <source>could not be watched (status 125)</source>
        <translation>konnte nicht beobachtet werden (Status 125)</translation>
    </message>
    <message>
        <source>killed by signal %1 (SIG%2)</source>
        <translation>durch Signal %1 (SIG%2) beendet</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>mit Status %1 beendet</translation>
    </message>
    <message>
        <source>%1 (%2, line %3)</source>
        <translation>%1 (%2, Zeile %3)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 names in %2 share the value %3</source>
        <translation>%1 Namen in %2 teilen sich den Wert %3</translation>
    </message>
    <message>
        <source>— (C only)</source>
        <translation>— (nur C)</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Vor ▶</translation>
    </message>
    <message>
        <source>⏮ Start</source>
        <translation>⏮ Anfang</translation>
    </message>
    <message>
        <source>End ⏭</source>
        <translation>Ende ⏭</translation>
    </message>
    <message>
        <source>Close Replay</source>
        <translation>Wiedergabe schließen</translation>
    </message>
    <message>
        <source>One event back (Alt+←)</source>
        <translation>Ein Ereignis zurück (Alt+←)</translation>
    </message>
    <message>
        <source>One event forward (Alt+→)</source>
        <translation>Ein Ereignis vor (Alt+→)</translation>
    </message>
    <message>
        <source>Before the first event (Alt+Home)</source>
        <translation>Vor das erste Ereignis (Alt+Pos1)</translation>
    </message>
    <message>
        <source>After the last event (Alt+End)</source>
        <translation>Hinter das letzte Ereignis (Alt+Ende)</translation>
    </message>
    <message>
        <source>Back to the live sockets</source>
        <translation>Zurück zu den echten Sockets</translation>
    </message>
    <message>
        <source>Replay position</source>
        <translation>Wiedergabeposition</translation>
    </message>
    <message>
        <source>Replay of %1 (no network)</source>
        <translation>Wiedergabe von %1 (ohne Netzwerk)</translation>
    </message>
    <message>
        <source>event %1 of %2</source>
        <translation>Ereignis %1 von %2</translation>
    </message>
</context>
<context>
    <name>ReplaySource</name>
    <message>
        <source>replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
</context>
<context>
    <name>SequenceDiagramView</name>
    <message>
        <source>Sequence diagram of the session</source>
        <translation>Sequenzdiagramm der Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sockets</source>
        <translation>%1 Sockets</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>%1 blockiert</translation>
    </message>
    <message>
        <source>Make a call: each socket gets a lifeline here,
and what crosses between them is drawn as arrows.</source>
        <translation>Einen Aufruf machen: jeder Socket bekommt hier eine Lebenslinie,
und was zwischen ihnen übertragen wird, erscheint als Pfeil.</translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1 (erschlossen)</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>socket(family, type, proto): ask the kernel for a new socket</source>
        <translation>socket(family, type, proto): den Kernel um einen neuen Socket bitten</translation>
    </message>
    <message>
        <source>setsockopt(level, option, value) with the option chosen below; SO_REUSEADDR 1 allows bind to a port an earlier server left in TIME_WAIT</source>
        <translation>setsockopt(level, option, value) mit der unten gewählten Option; SO_REUSEADDR 1 erlaubt bind an einen Port, den ein früherer Server in TIME_WAIT hinterließ</translation>
    </message>
    <message>
        <source>bind((host, port)): give the socket its local address</source>
        <translation>bind((host, port)): dem Socket seine lokale Adresse geben</translation>
    </message>
    <message>
        <source>listen(backlog): start accepting connections; the kernel queues up to backlog finished handshakes</source>
        <translation>listen(backlog): Verbindungen annehmen; der Kernel reiht bis zu backlog fertige Handshakes ein</translation>
    </message>
    <message>
        <source>accept(): wait for a client and return a new socket for that one connection, plus the client&apos;s address</source>
        <translation>accept(): auf einen Client warten und einen neuen Socket für genau diese Verbindung liefern, dazu die Adresse des Clients</translation>
    </message>
    <message>
        <source>close() the listening socket; accepted connections stay open</source>
        <translation>close() für den lauschenden Socket; angenommene Verbindungen bleiben offen</translation>
    </message>
    <message>
        <source>backlog </source>
        <translation>Backlog </translation>
    </message>
    <message>
        <source>How many finished handshakes the kernel may queue before accept</source>
        <translation>Wie viele fertige Handshakes der Kernel vor accept einreihen darf</translation>
    </message>
    <message>
        <source>Sockets accept() returned; select one to talk through it</source>
        <translation>Sockets, die accept() lieferte; einen wählen, um über ihn zu sprechen</translation>
    </message>
    <message>
        <source>No connection accepted yet.</source>
        <translation>Noch keine Verbindung angenommen.</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>Connections accept() returned</source>
        <translation>Verbindungen, die accept() lieferte</translation>
    </message>
    <message>
        <source>No socket yet.</source>
        <translation>Noch kein Socket.</translation>
    </message>
    <message>
        <source>%1 is still open; close it first.</source>
        <translation>%1 ist noch offen; bitte zuerst schließen.</translation>
    </message>
    <message>
        <source>Create a socket first: socket().</source>
        <translation>Zuerst einen Socket erzeugen: socket().</translation>
    </message>
    <message>
        <source>No listening socket yet in %1.</source>
        <translation>Noch kein lauschender Socket in %1.</translation>
    </message>
    <message>
        <source>The listening sockets of this pane (one made before a lesson, one the lesson made); the calls act on the one chosen here</source>
        <translation>Die lauschenden Sockets dieses Bereichs (einer vor einer Lektion angelegt, einer von der Lektion); die Aufrufe wirken auf den hier gewählten</translation>
    </message>
    <message>
        <source>Listening socket</source>
        <translation>Lauschender Socket</translation>
    </message>
    <message>
        <source>listen backlog</source>
        <translation>listen-Backlog</translation>
    </message>
</context>
<context>
    <name>ServicesView</name>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>filter by name or port</source>
        <translation>nach Name oder Port filtern</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Which port does this service use? (socket.getservbyname)</source>
        <translation>Welchen Port nutzt dieser Dienst? (socket.getservbyname)</translation>
    </message>
    <message>
        <source>Which service uses this port? (socket.getservbyport)</source>
        <translation>Welcher Dienst nutzt diesen Port? (socket.getservbyport)</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Show only the services whose name or port contains this text</source>
        <translation>Nur die Dienste zeigen, deren Name oder Port diesen Text enthält</translation>
    </message>
    <message>
        <source>A service name from /etc/services, such as ssh or http</source>
        <translation>Ein Dienstname aus /etc/services, etwa ssh oder http</translation>
    </message>
    <message>
        <source>A port number, 0 to 65535</source>
        <translation>Eine Portnummer, 0 bis 65535</translation>
    </message>
    <message>
        <source>tcp or udp: a service may be listed for one or both</source>
        <translation>tcp oder udp: ein Dienst kann für eines oder beide eingetragen sein</translation>
    </message>
    <message>
        <source>Who holds it?</source>
        <translation>Wer belegt ihn?</translation>
    </message>
    <message>
        <source>Which program holds this port now, in which state, and what the kernel still remembers on it (TIME_WAIT), as ss -tulpn shows it</source>
        <translation>Welches Programm diesen Port gerade belegt, in welchem Zustand, und woran sich der Kernel darauf noch erinnert (TIME_WAIT), wie ss -tulpn es zeigt</translation>
    </message>
    <message>
        <source>Nothing uses port %1: a server may bind it.</source>
        <translation>Nichts verwendet Port %1: Ein Server kann ihn binden.</translation>
    </message>
    <message>
        <source>Port %1:
%2</source>
        <translation>Port %1:
%2</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Dienstname</translation>
    </message>
    <message>
        <source>Port number</source>
        <translation>Portnummer</translation>
    </message>
    <message>
        <source>Filter the services</source>
        <translation>Dienste filtern</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>The session has no calls yet.</source>
        <translation>Die Sitzung hat noch keine Aufrufe.</translation>
    </message>
    <message>
        <source>Export session as scripts</source>
        <translation>Sitzung als Skripte exportieren</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message>
        <source>Wrote %1 events to %2</source>
        <translation>%1 Ereignisse nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 already exists in this folder. Replace it with the session&apos;s programs?</source>
        <translation>%1 gibt es in diesem Ordner schon. Durch die Programme der Sitzung ersetzen?</translation>
    </message>
    <message>
        <source>Wrote the newest %1 events to %2. The %3 before them are no longer in the log (a long session keeps its newest events); socketlab-cli serve --trace records a whole session.</source>
        <translation>Die neuesten %1 Ereignisse wurden in %2 geschrieben. Die %3 davor sind nicht mehr im Protokoll (eine lange Sitzung behält ihre neuesten Ereignisse); socketlab-cli serve --trace zeichnet eine ganze Sitzung auf.</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>SocketLab sessions (*.sltrace);;JSON Lines (*.jsonl);;All files (*)</source>
        <translation>SocketLab-Sitzungen (*.sltrace);;JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>SessionLogView</name>
    <message>
        <source>Session log</source>
        <translation>Sitzungsprotokoll</translation>
    </message>
    <message>
        <source>All sockets</source>
        <translation>Alle Sockets</translation>
    </message>
    <message>
        <source>Show only one socket&apos;s events</source>
        <translation>Nur die Ereignisse eines Sockets zeigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
</context>
<context>
    <name>SocketEngine</name>
    <message>
        <source>Create the socket first.</source>
        <translation>Zuerst den Socket erzeugen.</translation>
    </message>
    <message>
        <source>Turn on &quot;allow invalid calls&quot; to let the kernel answer instead.</source>
        <translation>„Ungültige Aufrufe erlauben“ einschalten, damit stattdessen der Kernel antwortet.</translation>
    </message>
</context>
<context>
    <name>SocketOptionPicker</name>
    <message>
        <source>Socket option</source>
        <translation>Socket-Option</translation>
    </message>
    <message>
        <source>Option value</source>
        <translation>Wert der Option</translation>
    </message>
    <message>
        <source>Seconds; -1 turns lingering off, 0 makes close send RST</source>
        <translation>Sekunden; -1 schaltet Linger aus, 0 lässt close RST senden</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>1 on, 0 off</source>
        <translation>1 an, 0 aus</translation>
    </message>
</context>
<context>
    <name>SocketSession</name>
    <message>
        <source>the live session</source>
        <translation>die laufende Sitzung</translation>
    </message>
</context>
<context>
    <name>SocketStatusView</name>
    <message>
        <source>What the kernel itself says about this TCP socket (Linux TCP_INFO; after close, /proc/net/tcp), sampled after every call and a few times a second</source>
        <translation>Was der Kernel selbst über diesen TCP-Socket sagt (Linux TCP_INFO; nach close /proc/net/tcp), gelesen nach jedem Aufruf und einige Male pro Sekunde</translation>
    </message>
    <message>
        <source>No socket yet.</source>
        <translation>Noch kein Socket.</translation>
    </message>
    <message>
        <source>%1   fd %2   %3 %4</source>
        <translation>%1   fd %2   %3 %4</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <source>peer %1</source>
        <translation>Gegenseite %1</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>noch keine Adresse</translation>
    </message>
    <message>
        <source>sent %1   received %2</source>
        <translation>gesendet %1   empfangen %2</translation>
    </message>
    <message>
        <source>kernel view: not available on this system</source>
        <translation>Sicht des Kernels: auf diesem System nicht verfügbar</translation>
    </message>
    <message>
        <source>kernel: %1</source>
        <translation>Kernel: %1</translation>
    </message>
    <message>
        <source>   accept queue %1 (backlog %2)</source>
        <translation>   Accept-Warteschlange %1 (Backlog %2)</translation>
    </message>
    <message>
        <source>   unread %1</source>
        <translation>   ungelesen %1</translation>
    </message>
    <message>
        <source>   unacknowledged %1</source>
        <translation>   unbestätigt %1</translation>
    </message>
    <message>
        <source>   (the kernel has forgotten it)</source>
        <translation>   (der Kernel hat ihn vergessen)</translation>
    </message>
    <message>
        <source>   (from /proc/net/tcp)</source>
        <translation>   (aus /proc/net/tcp)</translation>
    </message>
    <message>
        <source>BLOCKED in %1()  %2 s</source>
        <translation>BLOCKIERT in %1()  %2 s</translation>
    </message>
    <message>
        <source>%1() running</source>
        <translation>%1() läuft</translation>
    </message>
    <message>
        <source>BLOCKED in %1() too</source>
        <translation>auch BLOCKIERT in %1()</translation>
    </message>
    <message>
        <source>%1() running too</source>
        <translation>%1() läuft auch</translation>
    </message>
    <message>
        <source>Click to show this socket&apos;s calls</source>
        <translation>Klicken, um die Aufrufe dieses Sockets zu zeigen</translation>
    </message>
    <message>
        <source>%1   fd %2</source>
        <translation>%1   fd %2</translation>
    </message>
    <message>
        <source>In Python, print(%1) shows:
%2
Traces and lesson files call it %3.</source>
        <translation>In Python zeigt print(%1):
%2
Spuren und Lektionsdateien nennen ihn %3.</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>Socket state: %1</source>
        <translation>Socket-Zustand: %1</translation>
    </message>
    <message>
        <source>NO SOCKET</source>
        <translation>KEIN SOCKET</translation>
    </message>
    <message>
        <source>No socket yet</source>
        <translation>Noch kein Socket</translation>
    </message>
</context>
<context>
    <name>StuckDiagnosis</name>
    <message>
        <source>%1 waits in accept() for a client: none has connected for %2 s.</source>
        <translation>%1 wartet in accept() auf einen Client: seit %2 s hat sich keiner verbunden.</translation>
    </message>
    <message>
        <source>%1&apos;s connect() has waited %2 s: the server&apos;s backlog may be full (its kernel drops the SYN and the client&apos;s sends it again), or nothing answers at that address.</source>
        <translation>connect() von %1 wartet seit %2 s: vielleicht ist die Warteschlange (Backlog) des Servers voll (sein Kernel verwirft das SYN und der des Clients sendet es erneut), oder unter dieser Adresse antwortet nichts.</translation>
    </message>
    <message>
        <source>%1 closed with %2 bytes it never read, so its kernel sent RST instead of FIN: %3&apos;s next recv() raises ConnectionResetError and its next send() BrokenPipeError.</source>
        <translation>%1 wurde mit %2 ungelesenen Bytes geschlossen, daher sandte sein Kernel RST statt FIN: das nächste recv() von %3 löst ConnectionResetError aus und das nächste send() BrokenPipeError.</translation>
    </message>
    <message>
        <source>%1 closed %2 s ago and %3&apos;s recv() returned b&apos;&apos;, but %3 has not called close(): its end stays in CLOSE_WAIT.</source>
        <translation>%1 wurde vor %2 s geschlossen und recv() von %3 gab b&apos;&apos; zurück, aber %3 hat close() nicht aufgerufen: sein Ende bleibt in CLOSE_WAIT.</translation>
    </message>
    <message>
        <source>%1 closed %2 s ago; %3 has not called close(), so its end stays in CLOSE_WAIT.</source>
        <translation>%1 wurde vor %2 s geschlossen; %3 hat close() nicht aufgerufen, daher bleibt sein Ende in CLOSE_WAIT.</translation>
    </message>
    <message>
        <source>Both ends are in recv(): %1 waits for %2 to send, and %2 waits for %1. Neither sends first, so both wait for ever.</source>
        <translation>Beide Enden sind in recv(): %1 wartet, dass %2 sendet, und %2 wartet auf %1. Keines sendet zuerst, also warten beide ewig.</translation>
    </message>
    <message>
        <source>%1 waits in recv() for data from %2, which has sent nothing for %3 s.</source>
        <translation>%1 wartet in recv() auf Daten von %2, das seit %3 s nichts gesendet hat.</translation>
    </message>
</context>
<context>
    <name>TcpStateView</name>
    <message>
        <source>TCP state diagram</source>
        <translation>TCP-Zustandsdiagramm</translation>
    </message>
    <message>
        <source>%1 is in %2</source>
        <translation>%1 ist in %2</translation>
    </message>
    <message>
        <source>No kernel state for %1</source>
        <translation>Kein Kernel-Zustand für %1</translation>
    </message>
    <message>
        <source>%1: kernel state</source>
        <translation>%1: Kernel-Zustand</translation>
    </message>
    <message>
        <source>Select a TCP socket&apos;s event to see its state</source>
        <translation>Den Ereigniseintrag eines TCP-Sockets wählen, um seinen Zustand zu sehen</translation>
    </message>
</context>
<context>
    <name>WatchController</name>
    <message>
        <source>no program given</source>
        <translation>kein Programm angegeben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Beobachte %1</translation>
    </message>
    <message>
        <source>&amp;Watch a Program…</source>
        <translation>Ein Programm &amp;beobachten…</translation>
    </message>
    <message>
        <source>Run your own program (python3 server.py) and see every socket call it makes, beside the other pane</source>
        <translation>Das eigene Programm (python3 server.py) ausführen und jeden seiner Socket-Aufrufe sehen, neben dem anderen Bereich</translation>
    </message>
    <message>
        <source>S&amp;top Watched Programs</source>
        <translation>Beobachtete Programme b&amp;eenden</translation>
    </message>
    <message>
        <source>End the programs SocketLab watches</source>
        <translation>Die Programme beenden, die SocketLab beobachtet</translation>
    </message>
    <message>
        <source>Watch a Program</source>
        <translation>Ein Programm beobachten</translation>
    </message>
    <message>
        <source>The program cannot be watched: %1</source>
        <translation>Das Programm kann nicht beobachtet werden: %1</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>&amp;Server pane</source>
        <translation>&amp;Server-Bereich</translation>
    </message>
    <message>
        <source>C&amp;lient pane</source>
        <translation>C&amp;lient-Bereich</translation>
    </message>
    <message>
        <source>Watch a Program</source>
        <translation>Ein Programm beobachten</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>The program and its arguments; quote an argument with spaces. SocketLab starts it and shows every socket call it makes.</source>
        <translation>Das Programm und seine Argumente; ein Argument mit Leerzeichen in Anführungszeichen. SocketLab startet es und zeigt jeden seiner Socket-Aufrufe.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folder the program starts in (where server.py is)</source>
        <translation>Der Ordner, in dem das Programm startet (wo server.py liegt)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>The program is the server; the client pane stays yours to click</source>
        <translation>Das Programm ist der Server; im Client-Bereich klicken Sie selbst</translation>
    </message>
    <message>
        <source>The program is the client; the server pane stays yours to click</source>
        <translation>Das Programm ist der Client; im Server-Bereich klicken Sie selbst</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation>Zeigen im:</translation>
    </message>
    <message>
        <source>The program runs as you, under SocketLab&apos;s watch: stopping the watch ends it, and a setuid program runs without its privilege.</source>
        <translation>Das Programm läuft als Sie, von SocketLab beobachtet: Beenden der Beobachtung beendet es, und ein setuid-Programm läuft ohne sein Vorrecht.</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Beobachten</translation>
    </message>
    <message>
        <source>Give the program to run, for example: python3 server.py</source>
        <translation>Geben Sie das Programm an, zum Beispiel: python3 server.py</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>Folder of the program</source>
        <translation>Ordner des Programms</translation>
    </message>
</context>
<context>
    <name>WatchSource</name>
    <message>
        <source>no terminal for the program: %1</source>
        <translation>kein Terminal für das Programm: %1</translation>
    </message>
    <message>
        <source>the watched program %1</source>
        <translation>das beobachtete Programm %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
</context>
</TS>
