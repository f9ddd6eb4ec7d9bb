// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

#include <string>

namespace Costscape::Ui {

/** The core's UTF-8 text as a QString. */
inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

/**
 * The locale every figure is written in. Money and rates read the same whatever the system
 * locale, because they are compared against AWS pages and exported files, which use English
 * grouping.
 */
inline const QLocale &english()
{
    static const QLocale locale(QLocale::English);
    return locale;
}

/** "0.50" -> "0.5", "16.000" -> "16": a fixed-notation number without its trailing zeros. */
inline QString trimZeros(QString s)
{
    if (!s.contains(QLatin1Char('.')))
        return s;
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

/**
 * A number as an editor shows it for typing: up to 10 significant digits, no grouping, a dot for
 * the decimal point (what the scenario file holds, and what the fields parse back).
 */
inline QString formatEditorNumber(double value)
{
    return QLocale::c().toString(value, 'g', 10);
}

} // namespace Costscape::Ui
