// SPDX-License-Identifier: MIT
#include "lesson/LessonParser.h"

#include "calls/SocketOption.h"
#include "calls/SocketRole.h"
#include "lesson/LessonActionReader.h"
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
        QStringLiteral("check"),  QStringLiteral("code")};
    return k;
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
        if (key == QLatin1String("code")) {
            // Indentation is Python's syntax: only the one space after the colon goes.
            QString code = fill(line.mid(colon + 1));
            if (code.startsWith(QLatin1Char(' ')))
                code.remove(0, 1);
            readKey(key, code);
            return;
        }
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
        } else if (key == QLatin1String("code")) {
            if (value.contains(QLatin1Char('\t')))
                fail(QStringLiteral("indent code with spaces, not tabs"));
            step.code << value;
        } else if (key == QLatin1String("expect")) {
            if (!m_actions.readExpect(step.action, value))
                fail(m_actions.error());
        } else {
            if (step.action.kind != LessonAction::Kind::None) {
                fail(QStringLiteral("a step does one thing; start a new step for this"));
                return;
            }
            step.action.line = m_line;
            bool ok = true;
            if (key == QLatin1String("do") || key == QLatin1String("wait"))
                ok = m_actions.readCall(step.action, value, key == QLatin1String("wait"));
            else if (key == QLatin1String("lookup"))
                ok = m_actions.readLookup(step.action, value);
            else if (key == QLatin1String("browse"))
                ok = m_actions.readBrowse(step.action, value);
            if (!ok)
                fail(m_actions.error());
        }
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
    LessonActionReader m_actions;
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
