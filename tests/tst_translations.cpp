// SPDX-License-Identifier: MIT
// The German translation: complete for every string the sources have now (as lupdate found
// them during the build), and what a German desktop shows: menus, main buttons and lesson
// titles in German. The test runs under LC_ALL=de_DE.UTF-8 (set in main below).

#include "AutoServeControls.h"
#include "ClientPane.h"
#include "LessonPanel.h"
#include "MainWindow.h"
#include "UiLanguage.h"
#include "calls/PortRange.h"
#include "lesson/LessonLibrary.h"
#include "present/BytesFormat.h"

#include <QAction>
#include <QApplication>
#include <QDomDocument>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

bool readTs(const QString &path, QList<Message> *messages, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    QDomDocument doc;
    if (!doc.setContent(&file, error))
        return false;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement context = contexts.at(c).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            Message message{name, m.firstChildElement(QStringLiteral("source")).text(), {}, {}};
            const QDomElement tr = m.firstChildElement(QStringLiteral("translation"));
            message.type = tr.attribute(QStringLiteral("type"));
            const QDomNodeList forms = tr.elementsByTagName(QStringLiteral("numerusform"));
            if (forms.isEmpty())
                message.translations << tr.text();
            for (int f = 0; f < forms.size(); ++f)
                message.translations << forms.at(f).toElement().text();
            messages->append(message);
        }
    }
    return true;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.removeDuplicates();
    found.sort();
    return found;
}

QAction *menuNamed(QMenuBar *bar, const QString &title)
{
    for (QAction *a : bar->actions()) {
        if (a->text() == title)
            return a;
    }
    return nullptr;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everySourceStringHasAGermanTranslation();
    void systemLocaleChoosesGerman_data();
    void systemLocaleChoosesGerman();
    void germanDesktopShowsGermanWindow();
    void lessonTitlesAreGerman_data();
    void lessonTitlesAreGerman();
    void coreHintsAreGermanToo();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(QLocale::system().name(), QStringLiteral("de_DE"));
    QCOMPARE(UiLanguage::install(QStringLiteral("system")), QStringLiteral("de"));
}

void TestTranslations::everySourceStringHasAGermanTranslation()
{
    QList<Message> now, german;
    QString error;
    QVERIFY2(readTs(QStringLiteral(SOCKETLAB_SOURCE_TS), &now, &error), qPrintable(error));
    QVERIFY2(readTs(QStringLiteral(SOCKETLAB_DE_TS), &german, &error), qPrintable(error));
    QVERIFY(now.size() > 400);
    QHash<QPair<QString, QString>, Message> byKey;
    for (const Message &m : german)
        byKey.insert({m.context, m.source}, m);
    QStringList problems;
    for (const Message &m : now) {
        const auto it = byKey.constFind({m.context, m.source});
        if (it == byKey.constEnd()) {
            problems << QStringLiteral("%1: not in socketlab_de.ts: %2").arg(m.context, m.source);
            continue;
        }
        if (!it->type.isEmpty() || it->translations.join(QString()).trimmed().isEmpty()) {
            problems << QStringLiteral("%1: not translated: %2").arg(m.context, m.source);
            continue;
        }
        for (const QString &t : it->translations) {
            // %n may be left out of a singular form; every other placeholder must stay.
            QStringList want = placeholders(m.source), have = placeholders(t);
            want.removeAll(QStringLiteral("%n"));
            have.removeAll(QStringLiteral("%n"));
            if (want != have)
                problems << QStringLiteral("%1: placeholders differ: %2 → %3")
                                .arg(m.context, m.source, t);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("run `cmake --build build --target update_translations` "
                                       "and translate:\n") +
                        problems.join(QLatin1Char('\n'))));
}

void TestTranslations::systemLocaleChoosesGerman_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("language");
    QTest::newRow("system on a German desktop") << "system"
                                                << "de";
    QTest::newRow("English chosen") << "en"
                                    << "en";
    QTest::newRow("German chosen") << "de"
                                   << "de";
    QTest::newRow("not shipped: system instead") << "fr"
                                                 << "de";
}

void TestTranslations::systemLocaleChoosesGerman()
{
    QFETCH(QString, choice);
    QFETCH(QString, language);
    QCOMPARE(UiLanguage::resolve(choice), language);
    QCOMPARE(UiLanguage::isValidChoice(choice), choice != QLatin1String("fr"));
}

void TestTranslations::germanDesktopShowsGermanWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenuBar *bar = window.menuBar();
    for (const char *title : {"&Datei", "Auf&rufe", "&Ansicht", "&Lektionen", "&Hilfe"})
        QVERIFY2(menuNamed(bar, QString::fromUtf8(title)), title);

    auto *serve = window.findChild<QPushButton *>(QStringLiteral("serve.toggle"));
    QVERIFY(serve);
    QCOMPARE(serve->text(), QStringLiteral("Automatisch bedienen"));
    auto *many = window.findChild<QPushButton *>(QStringLiteral("client.many"));
    QVERIFY(many);
    QCOMPARE(many->text(), QStringLiteral("N Clients verbinden"));
    // Call buttons are Python: they stay as the code a student types.
    auto *bind = window.findChild<QPushButton *>(QStringLiteral("server.bind"));
    QVERIFY(bind);
    QVERIFY(bind->text().startsWith(QStringLiteral("bind(")));

    QAction *lessons = menuNamed(bar, QStringLiteral("&Lektionen"));
    // The built-in lessons are listed when the menu opens.
    lessons->menu()->popup(bar->mapToGlobal(QPoint(0, bar->height())));
    lessons->menu()->close();
    QStringList titles;
    for (QAction *a : lessons->menu()->actions())
        titles << a->text();
    QVERIFY2(titles.contains(QStringLiteral("Der Ablauf: ein Server und ein Client sprechen "
                                            "miteinander")),
             qPrintable(titles.join(QLatin1Char('\n'))));

    QString error;
    QVERIFY2(window.openLesson(QStringLiteral("getting-the-flow"), &error), qPrintable(error));
    auto *next = window.findChild<QAction *>(QStringLiteral("lessonNext"));
    QVERIFY(next);
    QCOMPARE(next->text(), QStringLiteral("&Nächster Schritt"));
}

void TestTranslations::lessonTitlesAreGerman_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : LessonLibrary::builtInIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestTranslations::lessonTitlesAreGerman()
{
    QFETCH(QString, id);
    const LessonParser::Result german = LessonLibrary::load(id);
    QVERIFY2(german.error.isEmpty(), qPrintable(german.error));
    LessonParser::Settings english;
    english.language = QStringLiteral("en");
    const LessonParser::Result original = LessonLibrary::load(id, english);
    QVERIFY(german.lesson.title != original.lesson.title);
    QCOMPARE(german.lesson.goals.size(), original.lesson.goals.size());
    for (int i = 0; i < german.lesson.goals.size(); ++i)
        QVERIFY(german.lesson.goals.at(i) != original.lesson.goals.at(i));
}

void TestTranslations::coreHintsAreGermanToo()
{
    QCOMPARE(PortRange::serverWarning(0),
             QStringLiteral("Port 0: der Kernel wählt einen freien Port; das Protokoll zeigt, "
                            "welchen."));
    // Byte counts (panes, log, diagram) and the diagram's inferred handshake.
    QCOMPARE(BytesFormat::byteCount(21), QStringLiteral("21 Bytes"));
    QCOMPARE(BytesFormat::byteCount(1), QStringLiteral("1 Byte"));
    QCOMPARE(
        QCoreApplication::translate("SequenceModel", "%1 (inferred)").arg(QStringLiteral("SYN")),
        QStringLiteral("SYN (erschlossen)"));
}

int main(int argc, char *argv[])
{
    // A German desktop, before Qt reads the locale.
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
