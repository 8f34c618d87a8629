#include "lesson/LessonParser.h"

#include "calls/SocketOption.h"
#include "calls/SocketRole.h"
#include "lookup/ConstantCatalog.h"
#include "present/EscapeCodec.h"
#include "present/WrappableText.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace {

const QStringList &keys()
{
    static const QStringList k{
        QStringLiteral("lesson"), QStringLiteral("title"),  QStringLiteral("goal"),
        QStringLiteral("step"),   QStringLiteral("say"),    QStringLiteral("ask"),
        QStringLiteral("answer"), QStringLiteral("do"),     QStringLiteral("wait"),
        QStringLiteral("lookup"), QStringLiteral("browse"), QStringLiteral("expect"),
        QStringLiteral("check")};
    return k;
}

const QStringList &lookupNames()
{
    static const QStringList n{QStringLiteral("hostname"), QStringLiteral("host"),
                               QStringLiteral("service"),  QStringLiteral("port"),
                               QStringLiteral("addrinfo"), QStringLiteral("constants"),
                               QStringLiteral("defaults"), QStringLiteral("interfaces")};
    return n;
}

struct CallWord
{
    const char *word;
    SocketCall call;
};
const CallWord callWords[] = {
    {"socket", SocketCall::Socket}, {"setsockopt", SocketCall::SetSockOpt},
    {"bind", SocketCall::Bind},     {"listen", SocketCall::Listen},
    {"accept", SocketCall::Accept}, {"connect", SocketCall::Connect},
    {"send", SocketCall::Send},     {"sendall", SocketCall::SendAll},
    {"recv", SocketCall::Recv},     {"shutdown", SocketCall::Shutdown},
    {"sendto", SocketCall::SendTo}, {"recvfrom", SocketCall::RecvFrom},
    {"close", SocketCall::Close},
};

// server, server2, conn, conn3, client, client12, browser.
bool validSocketName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(server|conn|client)([2-9]|[1-9][0-9])?$"));
    return re.match(name).hasMatch();
}

class Reader
{
public:
    Reader(const QString &source, const LessonParser::Settings &settings) : m_settings(settings)
    {
        m_result.lesson.source = source;
        m_result.lesson.chosenHost = settings.host;
        m_result.lesson.chosenPort = settings.port;
    }

    LessonParser::Result run(const QString &text)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size() && m_result.ok(); ++i) {
            m_line = i + 1;
            readLine(lines.at(i));
        }
        if (m_result.ok())
            finish();
        return m_result;
    }

private:
    bool fail(const QString &message, int line = -1)
    {
        if (!m_result.ok())
            return false;
        m_result.line = line < 0 ? m_line : line;
        m_result.error = QStringLiteral("line %1: %2").arg(m_result.line).arg(message);
        return false;
    }

    QString fill(QString text) const
    {
        text.replace(QLatin1String("{host}"), m_settings.host);
        text.replace(QLatin1String("{port}"), QString::number(m_settings.port));
        return text;
    }

    void readLine(QString raw)
    {
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        if (raw.size() > LessonParser::maxLineLength) {
            fail(QStringLiteral("the line has %1 characters; a lesson line has at most %2")
                     .arg(raw.size())
                     .arg(LessonParser::maxLineLength));
            return;
        }
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            return;
        m_lastLine = m_line;
        const int colon = line.indexOf(QLatin1Char(':'));
        const QString key = (colon < 0 ? line : line.left(colon)).trimmed().toLower();
        // title[de]: and goal[de]: give the lesson's name and goals in another language.
        static const QRegularExpression translatedKey(
            QStringLiteral("^(title|goal)\\[([a-z]{2})\\]$"));
        const QRegularExpressionMatch translated = translatedKey.match(key);
        if (colon >= 0 && translated.hasMatch()) {
            readTranslation(translated.captured(1), translated.captured(2),
                            WrappableText::of(line.mid(colon + 1).trimmed()));
            return;
        }
        if (colon >= 0 && key.contains(QLatin1Char('['))) {
            fail(QStringLiteral("'%1': only title and goal can be translated, as title[de]: "
                                "with a two-letter language code")
                     .arg(key.left(40)));
            return;
        }
        if (colon < 0 || !keys().contains(key)) {
            fail(QStringLiteral("'%1' is not a lesson line; lines start with one of: %2")
                     .arg(line.left(40), keys().join(QStringLiteral(", "))));
            return;
        }
        // Prose is shown in labels that wrap; a call's words are arguments and stay whole.
        static const QStringList prose{QStringLiteral("title"), QStringLiteral("goal"),
                                       QStringLiteral("step"),  QStringLiteral("say"),
                                       QStringLiteral("ask"),   QStringLiteral("answer")};
        const QString filled = fill(line.mid(colon + 1).trimmed());
        const QString value = prose.contains(key) ? WrappableText::of(filled) : filled;
        if (m_result.lesson.id.isEmpty() && key != QLatin1String("lesson")) {
            fail(QStringLiteral("a lesson file starts with 'lesson: ID'"));
            return;
        }
        readKey(key, value);
    }

    void readTranslation(const QString &key, const QString &language, const QString &value)
    {
        if (m_result.lesson.id.isEmpty()) {
            fail(QStringLiteral("a lesson file starts with 'lesson: ID'"));
            return;
        }
        if (value.isEmpty()) {
            fail(QStringLiteral("the %1[%2] is empty").arg(key, language));
            return;
        }
        if (!m_result.lesson.steps.isEmpty() || m_inCheck) {
            fail(QStringLiteral("%1[%2] comes before the first step").arg(key, language));
            return;
        }
        if (key == QLatin1String("title"))
            m_translatedTitles.insert(language, value);
        else if (m_translatedGoals[language].size() >= LessonParser::maxGoals)
            fail(QStringLiteral("more than %1 goals in %2")
                     .arg(LessonParser::maxGoals)
                     .arg(language));
        else
            m_translatedGoals[language] << value;
    }

    void readKey(const QString &key, const QString &value)
    {
        Lesson &lesson = m_result.lesson;
        if (key == QLatin1String("lesson")) {
            static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
            if (!lesson.id.isEmpty())
                fail(QStringLiteral("a second 'lesson:' line; one lesson per file"));
            else if (!idRe.match(value).hasMatch())
                fail(QStringLiteral("the lesson id '%1' must be lower-case letters, digits "
                                    "and dashes, like getting-the-flow")
                         .arg(value));
            else
                lesson.id = value;
            return;
        }
        if (key == QLatin1String("title")) {
            if (value.isEmpty())
                fail(QStringLiteral("the title is empty"));
            lesson.title = value;
            return;
        }
        if (key == QLatin1String("goal")) {
            if (!lesson.steps.isEmpty() || m_inCheck)
                fail(QStringLiteral("goals come before the first step"));
            else if (value.isEmpty())
                fail(QStringLiteral("the goal is empty"));
            else if (lesson.goals.size() >= LessonParser::maxGoals)
                fail(QStringLiteral("more than %1 goals").arg(LessonParser::maxGoals));
            lesson.goals << value;
            return;
        }
        if (key == QLatin1String("check")) {
            if (m_inCheck)
                fail(QStringLiteral("a second 'check:'; a lesson has one closing check"));
            m_inCheck = true;
            return;
        }
        if (key == QLatin1String("step")) {
            if (m_inCheck) {
                fail(QStringLiteral("steps come before the closing 'check:'"));
                return;
            }
            closeStep();
            if (lesson.steps.size() >= LessonParser::maxSteps) {
                fail(QStringLiteral("more than %1 steps").arg(LessonParser::maxSteps));
                return;
            }
            LessonStep step;
            step.title = value;
            step.line = m_line;
            lesson.steps << step;
            m_inStep = true;
            return;
        }
        if (m_inCheck) {
            readCheck(key, value);
            return;
        }
        if (!m_inStep) {
            fail(QStringLiteral("'%1:' belongs to a step; start one with 'step: TITLE'").arg(key));
            return;
        }
        readStep(lesson.steps.last(), key, value);
    }

    void readCheck(const QString &key, const QString &value)
    {
        QList<LessonQuestion> &check = m_result.lesson.check;
        if (key == QLatin1String("ask")) {
            if (value.isEmpty())
                fail(QStringLiteral("the question is empty"));
            check << LessonQuestion{value, QString(), m_line};
        } else if (key == QLatin1String("answer")) {
            if (check.isEmpty() || !check.last().answer.isEmpty())
                fail(QStringLiteral("an answer needs the question before it ('ask:')"));
            else if (value.isEmpty())
                fail(QStringLiteral("the answer is empty"));
            else
                check.last().answer = value;
        } else {
            fail(QStringLiteral("the closing check holds only 'ask:' and 'answer:' lines"));
        }
    }

    void readStep(LessonStep &step, const QString &key, const QString &value)
    {
        if (key == QLatin1String("say")) {
            // An empty "say:" starts a new paragraph; other lines continue the current one.
            if (value.isEmpty())
                step.narration += QStringLiteral("\n\n");
            else if (step.narration.isEmpty() || step.narration.endsWith(QLatin1Char('\n')))
                step.narration += value;
            else
                step.narration += QLatin1Char(' ') + value;
        } else if (key == QLatin1String("ask")) {
            if (!step.question.isEmpty())
                fail(QStringLiteral("a step asks one question"));
            else if (value.isEmpty())
                fail(QStringLiteral("the question is empty"));
            step.question = value;
        } else if (key == QLatin1String("answer")) {
            if (step.question.isEmpty())
                fail(QStringLiteral("an answer needs the question before it ('ask:')"));
            else if (!step.answer.isEmpty())
                fail(QStringLiteral("a second answer for the same question"));
            else if (value.isEmpty())
                fail(QStringLiteral("the answer is empty"));
            step.answer = value;
        } else if (key == QLatin1String("expect")) {
            readExpect(step.action, value);
        } else {
            if (step.action.kind != LessonAction::Kind::None) {
                fail(QStringLiteral("a step does one thing; start a new step for this"));
                return;
            }
            step.action.line = m_line;
            if (key == QLatin1String("do") || key == QLatin1String("wait"))
                readCall(step.action, value, key == QLatin1String("wait"));
            else if (key == QLatin1String("lookup"))
                readLookup(step.action, value);
            else if (key == QLatin1String("browse"))
                readBrowse(step.action, value);
        }
    }

    void readExpect(LessonAction &action, const QString &value)
    {
        if (action.kind != LessonAction::Kind::Call) {
            fail(QStringLiteral("'expect:' follows a 'do:' or 'wait:' line in the same step"));
            return;
        }
        static const QRegularExpression bytesRe(QStringLiteral("^(\\d{1,9}) bytes?$"));
        static const QRegularExpression errnoRe(QStringLiteral("^E[A-Z0-9]+$"));
        const QRegularExpressionMatch bytes = bytesRe.match(value);
        if (value == QLatin1String("blocks")) {
            action.expectBlocks = true;
        } else if (value == QLatin1String("returns")) {
            action.expectReturn = true;
        } else if (value == QLatin1String("until-closed")) {
            if (action.call != SocketCall::Recv)
                fail(QStringLiteral("'expect: until-closed' is for recv"));
            action.untilClosed = true;
        } else if (bytes.hasMatch()) {
            if (action.call != SocketCall::Recv && action.call != SocketCall::RecvFrom)
                fail(QStringLiteral("'expect: N bytes' is for recv and recvfrom"));
            action.expectedBytes = bytes.captured(1).toLongLong();
        } else if (errnoRe.match(value).hasMatch()) {
            action.expectedError = value;
        } else {
            fail(QStringLiteral("'expect: %1': write an errno name (ECONNREFUSED), 'N bytes', "
                                "'blocks', 'returns' or 'until-closed'")
                     .arg(value));
        }
    }

    bool number(const QString &text, int low, int high, const QString &what, int *out)
    {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("%1 '%2' is not a number").arg(what, text));
        if (n < low || n > high)
            return fail(
                QStringLiteral("%1 %2 is out of range %3–%4").arg(what, text).arg(low).arg(high));
        *out = int(n);
        return true;
    }

    bool constant(const QString &text, const QString &group, int *out)
    {
        qint64 v = 0;
        if (!ConstantCatalog::instance().parseValue(text, group, &v))
            return fail(
                QStringLiteral("'%1' is not a %2 constant on this system").arg(text, group));
        *out = int(v);
        return true;
    }

    void readCall(LessonAction &a, const QString &value, bool byUser)
    {
        a.kind = LessonAction::Kind::Call;
        a.byUser = byUser;
        const QStringList words = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2) {
            fail(QStringLiteral("'%1' needs a socket name and a call, e.g. 'server bind "
                                "127.0.0.1 50000'")
                     .arg(byUser ? QStringLiteral("wait:") : QStringLiteral("do:")));
            return;
        }
        a.target = words.at(0);
        if (!validSocketName(a.target)) {
            fail(QStringLiteral("'%1' is not a lesson socket name; use server, conn or client, "
                                "optionally numbered (client2)")
                     .arg(a.target));
            return;
        }
        const QString verb = words.at(1);
        QStringList args = words.mid(2);
        if (verb == QLatin1String("serve")) {
            readServe(a, args);
            return;
        }
        for (const CallWord &w : callWords) {
            if (verb == QLatin1String(w.word))
                a.call = w.call;
        }
        if (a.call == SocketCall::None) {
            fail(QStringLiteral("'%1' is not a call a lesson can make").arg(verb));
            return;
        }
        a.args = args;
        const bool isConn = socketRoleOf(a.target) == SocketRole::Connection;
        const auto count = [&](int low, int high, const QString &usage) {
            if (args.size() < low || args.size() > high)
                return fail(QStringLiteral("%1 needs %2").arg(verb, usage));
            return true;
        };
        switch (a.call) {
        case SocketCall::Socket:
            if (isConn) {
                fail(QStringLiteral("conn sockets come from accept(), not socket()"));
                return;
            }
            if (!count(0, 2, QStringLiteral("at most FAMILY and TYPE")))
                return;
            if (args.size() >= 1 && !constant(args.at(0), QStringLiteral("AF_"), &a.family))
                return;
            if (args.size() >= 2)
                constant(args.at(1), QStringLiteral("SOCK_"), &a.type);
            return;
        case SocketCall::SetSockOpt:
            if (count(2, 2, QStringLiteral("an OPTION and a value, e.g. SO_REUSEADDR 1"))) {
                const SocketOption *o = SocketOption::find(args.at(0));
                if (!o) {
                    QStringList names;
                    for (const SocketOption &known : SocketOption::all())
                        names << known.name;
                    fail(QStringLiteral("'%1' is not an option a lesson can set; choose one of %2")
                             .arg(args.at(0), names.join(QStringLiteral(", "))));
                    return;
                }
                a.option = o->name;
                const int low = o->kind == SocketOption::Kind::Seconds ? -1
                                : o->kind == SocketOption::Kind::Bytes ? 1
                                                                       : 0;
                const int high = o->kind == SocketOption::Kind::Flag ? 1 : 64 * 1024 * 1024;
                number(args.at(1), low, high, QStringLiteral("the value"), &a.number);
            }
            return;
        case SocketCall::Bind:
        case SocketCall::Connect:
            if (count(2, 2, QStringLiteral("HOST PORT"))) {
                a.host = args.at(0);
                number(args.at(1), 0, 65535, QStringLiteral("port"), &a.port);
            }
            return;
        case SocketCall::Listen:
            if (count(0, 1, QStringLiteral("at most a BACKLOG"))) {
                a.number = 1;
                if (!args.isEmpty())
                    number(args.at(0), 0, 4096, QStringLiteral("backlog"), &a.number);
            }
            return;
        case SocketCall::Recv:
        case SocketCall::RecvFrom:
            if (count(1, 1, QStringLiteral("a BUFSIZE")))
                number(args.at(0), 1, 1 << 20, QStringLiteral("bufsize"), &a.number);
            return;
        case SocketCall::SendTo: {
            // sendto HOST PORT DATA: the data is the rest of the line, as for sendall.
            static const QRegularExpression sendtoRe(
                QStringLiteral("^\\S+\\s+\\S+\\s+(\\S+)\\s+(\\S+)\\s+(.*)$"));
            const QRegularExpressionMatch m = sendtoRe.match(value);
            if (!m.hasMatch()) {
                fail(QStringLiteral("sendto needs HOST PORT DATA"));
                return;
            }
            a.host = m.captured(1);
            if (!number(m.captured(2), 0, 65535, QStringLiteral("port"), &a.port))
                return;
            QString text = m.captured(3).trimmed();
            if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) &&
                text.endsWith(QLatin1Char('"')))
                text = text.mid(1, text.size() - 2);
            const EscapeCodec::Result r = EscapeCodec::fromText(text, EscapeCodec::Encoding::Utf8);
            if (!r.ok())
                fail(QStringLiteral("sendto data: %1").arg(r.error));
            a.data = r.bytes;
            a.args = QStringList{a.host, m.captured(2), text};
            return;
        }
        case SocketCall::Send:
        case SocketCall::SendAll: {
            // The data is the rest of the line, quoted when it has spaces at either end.
            static const QRegularExpression restRe(QStringLiteral("^\\S+\\s+\\S+\\s+(.*)$"));
            QString text = restRe.match(value).captured(1).trimmed();
            if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) &&
                text.endsWith(QLatin1Char('"')))
                text = text.mid(1, text.size() - 2);
            if (text.isEmpty()) {
                fail(QStringLiteral("%1 needs the data to send").arg(verb));
                return;
            }
            const EscapeCodec::Result r = EscapeCodec::fromText(text, EscapeCodec::Encoding::Utf8);
            if (!r.ok())
                fail(QStringLiteral("%1 data: %2").arg(verb, r.error));
            a.data = r.bytes;
            a.args = QStringList{text};
            return;
        }
        case SocketCall::Shutdown: {
            if (!count(1, 1, QStringLiteral("SHUT_RD, SHUT_WR or SHUT_RDWR")))
                return;
            const QString how = args.at(0);
            if (how == QLatin1String("SHUT_RD"))
                a.number = SHUT_RD;
            else if (how == QLatin1String("SHUT_WR"))
                a.number = SHUT_WR;
            else if (how == QLatin1String("SHUT_RDWR"))
                a.number = SHUT_RDWR;
            else
                fail(QStringLiteral("shutdown needs SHUT_RD, SHUT_WR or SHUT_RDWR, not '%1'")
                         .arg(how));
            return;
        }
        case SocketCall::Accept:
        case SocketCall::Close:
            count(0, 0, QStringLiteral("no arguments"));
            return;
        case SocketCall::None:
            return;
        }
    }

    void readServe(LessonAction &a, const QStringList &args)
    {
        a.kind = LessonAction::Kind::Serve;
        a.args = args;
        if (socketRoleOf(a.target) != SocketRole::Server) {
            fail(QStringLiteral("only a server socket can serve"));
            return;
        }
        if (a.byUser) {
            fail(QStringLiteral("serve is done by the lesson, not waited for; use 'do:'"));
            return;
        }
        if (args.size() != 1 || !parseServerMode(args.at(0), &a.mode))
            fail(QStringLiteral("serve needs a mode: %1")
                     .arg(serverModeNames().join(QStringLiteral(", "))));
    }

    void readLookup(LessonAction &a, const QString &value)
    {
        a.kind = LessonAction::Kind::Lookup;
        const QStringList words = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty() || !lookupNames().contains(words.first())) {
            fail(QStringLiteral("lookup needs one of: %1")
                     .arg(lookupNames().join(QStringLiteral(", "))));
            return;
        }
        a.lookup = words.first();
        a.args = words.mid(1);
        const int n = int(a.args.size());
        const QString &l = a.lookup;
        int ignored = 0;
        if ((l == QLatin1String("hostname") || l == QLatin1String("defaults") ||
             l == QLatin1String("interfaces")) &&
            n != 0)
            fail(QStringLiteral("lookup %1 takes no arguments").arg(l));
        else if ((l == QLatin1String("host") || l == QLatin1String("constants")) && n != 1)
            fail(QStringLiteral("lookup %1 needs one argument").arg(l));
        else if (l == QLatin1String("service") && (n < 1 || n > 2))
            fail(QStringLiteral("lookup service needs NAME and optionally tcp or udp"));
        else if (l == QLatin1String("port") && (n < 1 || n > 2))
            fail(QStringLiteral("lookup port needs a NUMBER and optionally tcp or udp"));
        else if (l == QLatin1String("port"))
            number(a.args.at(0), 0, 65535, QStringLiteral("port"), &ignored);
        else if (l == QLatin1String("addrinfo") && n != 2)
            fail(QStringLiteral("lookup addrinfo needs HOST and SERVICE"));
    }

    void readBrowse(LessonAction &a, const QString &value)
    {
        a.kind = LessonAction::Kind::Browse;
        a.path = value.isEmpty() ? QStringLiteral("/") : value;
        if (!a.path.startsWith(QLatin1Char('/')) || a.path.contains(QLatin1Char(' ')))
            fail(QStringLiteral("browse takes a path on the lesson's server, like /hello"));
    }

    void closeStep()
    {
        if (m_result.lesson.steps.isEmpty())
            return;
        LessonStep &step = m_result.lesson.steps.last();
        if (step.narration.isEmpty())
            fail(QStringLiteral("the step has nothing to say; add a 'say:' line"), step.line);
        else if (!step.question.isEmpty() && step.answer.isEmpty())
            fail(QStringLiteral("the question has no 'answer:'"), step.line);
        step.narration = step.narration.trimmed();
    }

    void finish()
    {
        closeStep();
        const Lesson &lesson = m_result.lesson;
        m_line = m_lastLine;
        if (lesson.id.isEmpty())
            fail(QStringLiteral("no 'lesson: ID' line; is this a lesson file?"), 1);
        else if (lesson.title.isEmpty())
            fail(QStringLiteral("the lesson has no 'title:'"));
        else if (lesson.steps.isEmpty())
            fail(QStringLiteral("the lesson has no steps"));
        else if (!lesson.check.isEmpty() && lesson.check.last().answer.isEmpty())
            fail(QStringLiteral("the last check question has no 'answer:'"),
                 lesson.check.last().line);
        const QString language = m_settings.language.isEmpty()
                                     ? QLocale().name().section(QLatin1Char('_'), 0, 0)
                                     : m_settings.language;
        if (m_translatedTitles.contains(language))
            m_result.lesson.title = m_translatedTitles.value(language);
        if (m_translatedGoals.contains(language))
            m_result.lesson.goals = m_translatedGoals.value(language);
    }

    LessonParser::Settings m_settings;
    LessonParser::Result m_result;
    int m_line = 0;
    int m_lastLine = 1; // the last line with something on it, for end-of-file problems
    bool m_inStep = false;
    bool m_inCheck = false;
    QHash<QString, QString> m_translatedTitles;
    QHash<QString, QStringList> m_translatedGoals;
};

} // namespace

LessonParser::Result LessonParser::parse(const QByteArray &text, const QString &source,
                                         const Settings &settings)
{
    Reader reader(source, settings);
    if (text.size() > maxFileSize) {
        Result r;
        r.line = 0;
        r.error = QStringLiteral("%1 is %2 bytes; a lesson file is at most %3")
                      .arg(source)
                      .arg(text.size())
                      .arg(maxFileSize);
        return r;
    }
    // Editors on some systems start UTF-8 files with a byte order mark; it is not text.
    if (text.startsWith("\xef\xbb\xbf"))
        return parse(text.mid(3), source, settings);
    // Invalid UTF-8 does not survive a round trip (it decodes to U+FFFD).
    const auto validUtf8 = [](const QByteArray &bytes) {
        return QString::fromUtf8(bytes).toUtf8() == bytes;
    };
    if (!validUtf8(text)) {
        Result r;
        int line = 1;
        for (const QByteArray &l : text.split('\n')) {
            if (!validUtf8(l))
                break;
            ++line;
        }
        r.line = line;
        r.error = QStringLiteral("line %1: not UTF-8 text; save the lesson as UTF-8").arg(line);
        return r;
    }
    if (text.contains('\0')) {
        Result r;
        r.line = int(text.left(text.indexOf('\0')).count('\n')) + 1;
        r.error = QStringLiteral("line %1: a NUL byte; lesson files are text").arg(r.line);
        return r;
    }
    return reader.run(QString::fromUtf8(text));
}
