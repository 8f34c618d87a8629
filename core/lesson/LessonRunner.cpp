// SPDX-License-Identifier: MIT
#include "lesson/LessonRunner.h"

#include "lesson/LessonExecutor.h"

LessonRunner::LessonRunner(SocketSession *session, QObject *parent)
    : QObject(parent), m_executor(new LessonExecutor(session, this))
{
    connect(m_executor, &LessonExecutor::statusChanged, this, &LessonRunner::statusChanged);
    connect(m_executor, &LessonExecutor::output, this, &LessonRunner::output);
    connect(m_executor, &LessonExecutor::socketNamed, this, &LessonRunner::socketNamed);
    connect(m_executor, &LessonExecutor::browseRequested, this, &LessonRunner::browseRequested);
    connect(m_executor, &LessonExecutor::stepEnded, this, &LessonRunner::stepEnded);
    m_playTimer.setSingleShot(true);
    connect(&m_playTimer, &QTimer::timeout, this, [this] {
        if (m_playing)
            next();
    });
}

LessonRunner::~LessonRunner() = default;

QString LessonRunner::statusName(StepStatus status)
{
    switch (status) {
    case StepStatus::NotRun:
        return tr("not run");
    case StepStatus::Running:
        return tr("running");
    case StepStatus::WaitingForUser:
        return tr("your turn");
    case StepStatus::Done:
        return tr("done");
    case StepStatus::Failed:
        return tr("failed");
    case StepStatus::Skipped:
        return tr("skipped");
    }
    return QString();
}

void LessonRunner::setLesson(const Lesson &lesson)
{
    pause();
    m_executor->setLesson(lesson);
    m_lesson = lesson;
    m_current = -1;
    m_reached = -1;
    emit stepChanged(m_current);
}

void LessonRunner::setReachPolicy(bool anyAddress, std::function<bool(const QString &why)> ask)
{
    m_executor->setReachPolicy(anyAddress, std::move(ask));
}

void LessonRunner::setPlayDelayMs(int ms)
{
    m_playDelayMs = qBound(0, ms, 60000);
}

LessonRunner::StepStatus LessonRunner::status(int step) const
{
    return m_executor->status(step);
}

QString LessonRunner::statusDetail(int step) const
{
    return m_executor->statusDetail(step);
}

QString LessonRunner::socketIdFor(const QString &name) const
{
    return m_executor->socketIdFor(name);
}

bool LessonRunner::isBusy() const
{
    const StepStatus s = status(m_reached);
    return m_reached >= 0 && (s == StepStatus::Running || s == StepStatus::WaitingForUser);
}

void LessonRunner::next()
{
    if (!hasLesson() || m_current >= stepCount())
        return;
    if (m_current == m_reached && status(m_reached) == StepStatus::WaitingForUser) {
        doItForMe();
        return;
    }
    if (m_current == m_reached && status(m_reached) == StepStatus::Running) {
        m_nextWhenDone = true;
        return;
    }
    ++m_current;
    emit stepChanged(m_current);
    if (m_current == stepCount()) {
        bool ok = true;
        for (int i = 0; i < stepCount(); ++i)
            ok = ok && status(i) != StepStatus::Failed;
        if (m_playing) {
            m_playing = false;
            emit playingChanged(false);
        }
        emit finished(ok);
        return;
    }
    if (m_current > m_reached) {
        m_reached = m_current;
        m_nextWhenDone = false;
        m_executor->perform(m_current, m_actsForUser || (m_stopAt && *m_stopAt >= m_current));
    } else if (m_stopAt == m_current) {
        pause();
    } else if (m_playing) {
        m_playTimer.start(hurrying(m_current) ? 0 : m_playDelayMs);
    }
}

void LessonRunner::previous()
{
    if (m_current < 0)
        return;
    pause();
    --m_current;
    emit stepChanged(m_current);
}

void LessonRunner::play()
{
    if (!hasLesson() || m_playing || m_current >= stepCount())
        return;
    m_playing = true;
    emit playingChanged(true);
    if (!isBusy())
        m_playTimer.start(m_current < 0 ? 0 : m_playDelayMs);
}

void LessonRunner::pause()
{
    m_playTimer.stop();
    m_stopAt.reset();
    if (!m_playing)
        return;
    m_playing = false;
    emit playingChanged(false);
}

void LessonRunner::runTo(int step)
{
    if (step <= m_current)
        return;
    m_stopAt = qMin(step, stepCount());
    if (!m_playing) {
        m_playing = true;
        emit playingChanged(true);
    }
    if (!isBusy())
        m_playTimer.start(0);
}

void LessonRunner::restart()
{
    const Lesson lesson = m_lesson;
    setLesson(lesson);
}

void LessonRunner::doItForMe()
{
    if (m_reached < 0 || status(m_reached) != StepStatus::WaitingForUser)
        return;
    m_nextWhenDone = false;
    m_executor->perform(m_reached, true);
}

void LessonRunner::stepEnded(int step)
{
    if (step != m_reached)
        return;
    if (status(step) == StepStatus::Failed) {
        pause();
        m_nextWhenDone = false;
        return;
    }
    if (m_stopAt == step) {
        pause();
        return;
    }
    if (m_nextWhenDone) {
        m_nextWhenDone = false;
        QTimer::singleShot(0, this, &LessonRunner::next);
    } else if (m_playing) {
        m_playTimer.start(hurrying(step) ? 0 : m_playDelayMs);
    }
}
