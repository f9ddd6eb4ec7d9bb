// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Costscape::Ui {

enum class Theme {
    System, ///< the platform's style and palette
    Light,
    Dark,
};

/** "system", "light", "dark": the names kept in the settings. */
QString themeName(Theme theme);
Theme themeFromName(const QString &name);
/**
 * Applies a theme to the whole application. Light and Dark use the Fusion style, whose palette
 * is honoured everywhere; System restores the style and palette the application started with.
 * Widgets (and the charts) follow through QEvent::PaletteChange.
 */
void applyTheme(Theme theme);

} // namespace Costscape::Ui
