// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

// What a server pane asks around bind(): before binding to every address (anyone on the
// network may then connect), and after bind failed on a Unix socket file an earlier run left
// (remove it?). A test answers through a confirmer instead of a dialog.
class BindQuestions
{
    Q_DECLARE_TR_FUNCTIONS(BindQuestions)

public:
    using Confirmer = std::function<bool(const QString &message)>;

    explicit BindQuestions(QWidget *parent) : m_parent(parent) {}

    // Whether to go ahead with bind((host, port)) in this family.
    bool mayBind(int family, const QString &host, int port) const;
    bool mayRemoveStaleFile(const QString &path) const;
    void setAnyAddressConfirmer(Confirmer confirmer) { m_anyAddress = std::move(confirmer); }
    void setStaleFileConfirmer(Confirmer confirmer) { m_staleFile = std::move(confirmer); }

private:
    bool ask(const Confirmer &confirmer, const QString &title, const QString &message) const;

    QWidget *m_parent;
    Confirmer m_anyAddress;
    Confirmer m_staleFile;
};
