// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSharedPointer>
#include <QString>

class QCPAxis;
class QCPAxisTicker;

/** The axis tickers the charts share; ChartBase sets them (setHourTicker() and the others). */
namespace Costscape::Ui::Tickers {

/**
 * Label of hour @p slot in a plan of @p slotCount slots: "13:00" for a day, "Mon" + separator +
 * "13:00" for a week (a weekly profile starts on Monday 00:00), "Day 3" (and the hour when
 * @p withHour) for longer plans; the parts are joined with @p separator.
 */
QString slotLabel(int slot, int slotCount, const QString &separator, bool withHour);

/** Hours of a plan of @p slotCount slots on @p axis: whole-hour and whole-day steps, as dense as its width allows. */
QSharedPointer<QCPAxisTicker> hours(int slotCount, QCPAxis *axis);
/** Money in @p currency on a linear axis, with as many decimals as the step needs. */
QSharedPointer<QCPAxisTicker> money(const QString &currency);
/** Powers of ten on a logarithmic axis, as money in @p currency or as plain numbers when it is empty. */
QSharedPointer<QCPAxisTicker> logarithmic(const QString &currency);

} // namespace Costscape::Ui::Tickers
