// SPDX-License-Identifier: MIT
#pragma once

#include "AppearanceController.h"
#include "SettingKey.h"
#include "lesson/LessonRunner.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Every setting the window keeps, by name and default. The panes keep their forms' values
// under their own groups (ServerPane, ClientPane).
namespace WindowSettings {
inline const SettingKey<int> zoomPercent{"view/zoomPercent",
                                         AppearanceController::defaultZoomPercent};
inline const SettingKey<int> presenterZoomPercent{"view/presenterZoomPercent",
                                                  AppearanceController::presenterZoomPercent};
inline const SettingKey<QString> theme{"view/theme", QString()};
inline const SettingKey<bool> reducedMotion{"view/reducedMotion", false};
inline const SettingKey<int> animationMs{"view/animationMs",
                                         AppearanceController::defaultAnimationMs};
inline const SettingKey<QString> language{"view/language", QStringLiteral("system")};
inline const SettingKey<int> lessonDelayMs{"lesson/delayMs", LessonRunner::defaultPlayDelayMs};
inline const SettingKey<QString> lessonId{"lesson/id", QString()};
inline const SettingKey<int> lessonStep{"lesson/step", -1};
inline const SettingKey<QByteArray> geometry{"window/geometry", QByteArray()};
inline const SettingKey<QByteArray> state{"window/state", QByteArray()};
inline const SettingKey<QByteArray> vertical{"window/vertical", QByteArray()};
inline const SettingKey<QByteArray> panes{"window/panes", QByteArray()};
inline const SettingKey<QByteArray> bottom{"window/bottom", QByteArray()};
inline const SettingKey<QStringList> recentFiles{"files/recent", QStringList()};
inline const SettingKey<QString> sessionFolder{"files/sessionFolder", QString()};
inline const SettingKey<QString> lessonFolder{"files/lessonFolder", QString()};
inline const SettingKey<QString> scriptsFolder{"files/scriptsFolder", QString()};
inline const SettingKey<QStringList> watchCommands{"watch/commands", QStringList()};
inline const SettingKey<QString> watchFolder{"watch/folder", QString()};
} // namespace WindowSettings
