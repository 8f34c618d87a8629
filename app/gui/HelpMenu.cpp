// SPDX-License-Identifier: MIT
#include "HelpMenu.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>

void HelpMenu::build(QMenu *menu, QWidget *window, const std::function<void(int)> &openGuide)
{
    QAction *guide = menu->addAction(tr("&Guide"), menu, [openGuide] { openGuide(0); });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName(QStringLiteral("openGuide"));
    menu->addAction(tr("&Instructor Guide"), menu, [openGuide] { openGuide(1); });
    menu->addAction(tr("&Lesson Format"), menu, [openGuide] { openGuide(2); });
    menu->addAction(tr("&Keyboard Shortcuts"), menu, [window] {
        QMessageBox::information(window, tr("Keyboard shortcuts"), shortcutSummary());
    });
    QAction *about = menu->addAction(tr("&About SocketLab"), menu, [window] {
        QMessageBox::about(window, tr("About SocketLab"),
                           tr("SocketLab %1\nWatch BSD socket calls happen for real: each "
                              "call, its result or errno, and the bytes that crossed.\n\n"
                              "Copyright © The SocketLab authors. Free software under the MIT "
                              "license: you may use, copy, change and share it, as the license "
                              "that comes with it says.")
                               .arg(QApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("about"));
    menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString HelpMenu::shortcutSummary()
{
    return tr("Server: Ctrl+1 socket, Ctrl+2 setsockopt(SO_REUSEADDR), Ctrl+3 bind, Ctrl+4 "
              "listen, Ctrl+5 accept, Ctrl+L close the listener; its UDP socket: Ctrl+Shift+6 "
              "sendto, Ctrl+Shift+8 recvfrom.\n"
              "Selected connection: Ctrl+6 send, Ctrl+7 sendall, Ctrl+8 recv, Ctrl+9 shutdown, "
              "Ctrl+W close.\n"
              "Client: Alt+1 socket, Alt+2 connect, Alt+3 create_connection, Alt+4 setsockopt, "
              "Alt+6 send, Alt+7 sendall, Alt+8 recv, Alt+9 shutdown, Alt+0 close; UDP: "
              "Alt+Shift+6 sendto, Alt+Shift+8 recvfrom.\n"
              "Ctrl+J the lab, Ctrl+K lookups, Ctrl+Shift+I allow invalid calls, Ctrl++ (or "
              "Ctrl+=) / Ctrl+- / Ctrl+0 zoom.\n"
              "Ctrl+S (or Ctrl+E) save the session, Ctrl+Shift+O open one for replay, Alt+← / "
              "Alt+→ / Alt+Home / Alt+End step through it, Ctrl+Shift+E export it as scripts, "
              "Ctrl+Shift+W watch a program, Ctrl+Shift+T check an echo server, Ctrl+Q quit.\n"
              "Lessons: Space or → next step, ← previous step, P play/pause, A show the answer, "
              "Ctrl+Shift+R restart, Ctrl+O open a lesson file.\n"
              "F1 the guide, F5 presenter mode, Esc leaves it, F11 full screen.");
}
