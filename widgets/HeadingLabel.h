#pragma once

#include <QLabel>

// A bold label scaled relative to the application font, so it grows with View → Zoom.
class HeadingLabel : public QLabel
{
    Q_OBJECT
public:
    HeadingLabel(const QString &text, double scale, QWidget *parent = nullptr);

protected:
    bool event(QEvent *event) override;

private:
    void applyScale();

    double m_scale;
};
