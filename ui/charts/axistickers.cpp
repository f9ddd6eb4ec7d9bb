// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/axistickers.h"
#include "ui/charts/chartbase.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QLocale>
#include <QPointer>

#include <algorithm>
#include <array>
#include <cmath>

namespace Costscape::Ui::Tickers {

namespace {

QString twoDigitHour(int hour)
{
    return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
}

/** Smallest number of decimals that writes @p step exactly (0 .. 8). */
int decimalsFor(double step)
{
    for (int decimals = 0; decimals < 8; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return decimals;
    }
    return 8;
}

/**
 * Hours of a plan: a step from a list of whole-hour and whole-day steps, as dense as the axis
 * width allows without the labels touching.
 */
class HourTicker final : public QCPAxisTicker
{
public:
    HourTicker(int slotCount, QCPAxis *axis)
        : m_slots(slotCount)
        , m_axis(axis)
    {
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        // The viewport, not the axis rect: during an export at another size the axis rect still
        // has its on-screen width when the ticks are generated.
        double available = 800;
        QFont font;
        if (m_axis) {
            available = std::max(100, m_axis->parentPlot()->viewport().width() - 130);
            font = m_axis->tickLabelFont();
        }
        const QFontMetrics metrics(font);
        const QString sample = m_slots <= 168 ? QStringLiteral("00:00") : QStringLiteral("Day 365");
        const double labelWidth = metrics.horizontalAdvance(sample) + 18.0;
        const double ideal = range.size() / std::max(2.0, available / labelWidth);
        static constexpr std::array<double, 14> steps{1,   2,   3,   6,   12,   24,   48,
                                                      72,  168, 336, 672, 1344, 2016, 4368};
        m_step = steps.back();
        for (double step : steps) {
            if (step >= ideal) {
                m_step = step;
                break;
            }
        }
        if (ideal > steps.back())
            m_step = std::ceil(ideal / 168.0) * 168.0;
        return m_step;
    }

    int getSubTickCount(double step) override
    {
        // Sub-ticks on natural boundaries: hours, 3 or 6 hours, days.
        const int hours = static_cast<int>(std::lround(step));
        switch (hours) {
        case 1:
            return 0;
        case 2:
        case 6:
        case 12:
        case 48:
        case 336:
            return 1;
        case 3:
        case 72:
            return 2;
        case 24:
            return 3;
        case 168:
            return 6;
        default:
            return 3;
        }
    }

    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        const int slot = static_cast<int>(std::lround(tick));
        const bool withHour = m_step < 24 || slot % 24 != 0;
        return slotLabel(slot, m_slots, QStringLiteral("\n"), withHour);
    }

private:
    int m_slots;
    QPointer<QCPAxis> m_axis;
    double m_step = 24;
};

/** Money on a linear axis: as many decimals as the tick step needs (none for whole steps). */
class MoneyTicker final : public QCPAxisTicker
{
public:
    explicit MoneyTicker(const QString &currency)
        : m_currency(currency)
    {
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        m_step = QCPAxisTicker::getTickStep(range);
        return m_step;
    }

    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        int decimals = decimalsFor(m_step);
        if (decimals == 1)
            decimals = 2; // "$0.50", never "$0.5"
        // Ticks at multiples of a step like 0.1 carry rounding noise: -0.0000001 is 0.
        if (std::abs(tick) < m_step * 1e-6)
            tick = 0;
        return ChartBase::formatMoney(tick, m_currency, decimals);
    }

private:
    QString m_currency;
    double m_step = 1;
};

/** Powers of ten as "$0.01", "$1,000" or "0.01", "10,000" (never "1e+06"). */
class LogTicker final : public QCPAxisTickerLog
{
public:
    explicit LogTicker(const QString &currency)
        : m_currency(currency)
    {
    }

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        const int decimals = tick >= 1 ? 0 : decimalsFor(tick);
        if (!m_currency.isEmpty())
            return ChartBase::formatMoney(tick, m_currency, decimals);
        return english().toString(tick, 'f', decimals);
    }

private:
    QString m_currency;
};

} // namespace

QString slotLabel(int slot, int slotCount, const QString &separator, bool withHour)
{
    const int hour = ((slot % 24) + 24) % 24;
    const int day = slot >= 0 ? slot / 24 : (slot - 23) / 24;
    if (slotCount <= 24)
        return twoDigitHour(hour);
    if (slotCount <= 168) {
        const int weekday = ((day % 7) + 7) % 7; // a weekly profile starts on Monday 00:00
        return english().dayName(weekday + 1, QLocale::ShortFormat) + separator + twoDigitHour(hour);
    }
    const QString dayText = ChartBase::tr("Day %1").arg(day + 1);
    return withHour ? dayText + separator + twoDigitHour(hour) : dayText;
}


QSharedPointer<QCPAxisTicker> hours(int slotCount, QCPAxis *axis)
{
    return QSharedPointer<HourTicker>::create(slotCount, axis);
}

QSharedPointer<QCPAxisTicker> money(const QString &currency)
{
    return QSharedPointer<MoneyTicker>::create(currency);
}

QSharedPointer<QCPAxisTicker> logarithmic(const QString &currency)
{
    auto ticker = QSharedPointer<LogTicker>::create(currency);
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    return ticker;
}

} // namespace Costscape::Ui::Tickers
