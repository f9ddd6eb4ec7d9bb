// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartbase.h"
#include "ui/charts/filewriter.h"
#include "ui/logging.h"
#include "ui/uitext.h"

#include "base/textformat.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace Costscape::Ui {

namespace {

QString twoDigitHour(int hour)
{
    return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
}

/** Label of hour @p slot in a plan of @p slotCount slots; the parts are joined with @p separator. */
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

/**
 * What an export changes for its duration: a caption row under the plot (on screen the caption is
 * a QLabel, which QCustomPlot's renderers do not see) and the layout, which the renderers leave
 * at the export's size. Both are undone when the scope ends.
 */
class ExportScope final
{
public:
    ExportScope(QCustomPlot *plot, const QString &caption, const QColor &color)
        : m_plot(plot)
    {
        if (caption.isEmpty())
            return;
        m_element = new QCPTextElement(plot, caption);
        m_element->setTextColor(color);
        m_element->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        m_element->setMargins(QMargins(10, 2, 10, 6));
        const int row = plot->plotLayout()->rowCount();
        plot->plotLayout()->addElement(row, 0, m_element);
        plot->plotLayout()->setRowStretchFactor(row, 0.001);
    }
    ~ExportScope()
    {
        if (m_element) {
            m_plot->plotLayout()->remove(m_element); // deletes it
            m_plot->plotLayout()->simplify();        // and drops the row it leaves empty
        }
        // Pixel positions (tooltips, hit tests) must describe the widget again right away.
        m_plot->replot();
    }
    Q_DISABLE_COPY_MOVE(ExportScope)

private:
    QCustomPlot *m_plot;
    QCPTextElement *m_element = nullptr;
};

} // namespace

ChartBase::ChartBase(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_plot(new QCustomPlot(this))
    , m_emptyText(nullptr)
    , m_emptyMessage(tr("Nothing to plot"))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addWidget(m_plot, 1);

    m_plot->setLocale(english());
    m_plot->setMouseTracking(true); // hover tooltips without a pressed button
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumSize(240, 160);
    m_plot->legend->setVisible(false);
    m_plot->legend->setSelectableParts(QCPLegend::spNone);
    m_plot->legend->setIconSize(18, 10);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->setClipToAxisRect(false);
    m_emptyText->position->setType(QCPItemPosition::ptViewportRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setPositionAlignment(Qt::AlignCenter);
    m_emptyText->setSelectable(false);
    m_emptyText->setLayer(QStringLiteral("legend"));
    m_emptyText->setFont(scaledFont(font(), 1.25));
    m_emptyText->setText(m_emptyMessage);
    m_emptyText->setVisible(false);

    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QCustomPlot::customContextMenuRequested, this, &ChartBase::showContextMenu);
    connect(m_plot, &QCustomPlot::legendClick, this, &ChartBase::onLegendClick);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ChartBase::onMouseMove);

    ChartBase::applyTheme();
}

ChartBase::~ChartBase()
{
    // QCustomPlot's destructor removes its plottables one by one, re-laying the legend out after
    // each: empty the legend first (a thousand series took seconds to destroy).
    m_plot->legend->clearItems();
}

bool ChartBase::failExport(const QString &fileName, const QString &reason, QString *error)
{
    qCWarning(lcExport) << "chart export failed:" << fileName << reason;
    if (error)
        *error = tr("Cannot export %1: %2").arg(QDir::toNativeSeparators(fileName), reason);
    return false;
}

bool ChartBase::setSeriesVisible(const QString &name, bool visible)
{
    bool found = false;
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *plottable = m_plot->plottable(i);
        if (plottable->name() == name) {
            found = true;
            plottable->setVisible(visible);
        }
    }
    if (!found)
        return false;
    updateLegendItems();
    seriesVisibilityChanged();
    queueReplot();
    return true;
}

bool ChartBase::isSeriesVisible(const QString &name) const
{
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        const QCPAbstractPlottable *plottable = m_plot->plottable(i);
        if (plottable->name() == name)
            return plottable->visible();
    }
    return false;
}

bool ChartBase::exportPng(const QString &fileName, int width, int height, QString *error)
{
    auto fail = [&](const QString &reason) { return failExport(fileName, reason, error); };
    if (width <= 0 || height <= 0)
        return fail(tr("the size %1 x %2 is not valid").arg(width).arg(height));
    QPixmap pixmap;
    {
        const ExportScope scope(m_plot, exportCaption(), foregroundColor());
        pixmap = m_plot->toPixmap(width, height);
    }
    if (pixmap.isNull())
        return fail(tr("the chart could not be drawn"));
    // Encoded in memory, then written as a whole (writeWholeFile): a failed export leaves no partial file.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG") || bytes.isEmpty())
        return fail(tr("the PNG could not be encoded"));
    return writeAtomically(fileName, bytes, error);
}

void ChartBase::renderTo(QCPPainter *painter, int width, int height)
{
    if (!painter || !painter->isActive() || width <= 0 || height <= 0)
        return;
    {
        // An empty caption: the scope only restores the layout (and replots) when it ends.
        const ExportScope scope(m_plot, QString(), foregroundColor());
        m_plot->toPainter(painter, width, height);
    }
}

bool ChartBase::exportPdf(const QString &fileName, int width, int height, QString *error)
{
    auto fail = [&](const QString &reason) { return failExport(fileName, reason, error); };
    if (width <= 0 || height <= 0)
        return fail(tr("the size %1 x %2 is not valid").arg(width).arg(height));
    // QPrinter writes straight to a path: render into a private folder, then copy the result
    // as a whole (writeWholeFile) so the destination only ever holds a complete PDF.
    const QTemporaryDir dir;
    if (!dir.isValid())
        return fail(tr("no temporary folder (%1)").arg(dir.errorString()));
    const QString rendered = dir.filePath(QStringLiteral("chart.pdf"));
    bool drawn = false;
    {
        const ExportScope scope(m_plot, exportCaption(), foregroundColor());
        drawn = m_plot->savePdf(rendered, width, height);
    }
    if (!drawn)
        return fail(tr("the PDF could not be drawn"));
    QFile in(rendered);
    if (!in.open(QIODevice::ReadOnly))
        return fail(tr("the rendered PDF could not be read (%1)").arg(in.errorString()));
    const QByteArray bytes = in.readAll();
    if (bytes.isEmpty())
        return fail(tr("the rendered PDF is empty"));
    return writeAtomically(fileName, bytes, error);
}

bool ChartBase::writeAtomically(const QString &fileName, const QByteArray &bytes, QString *error)
{
    // A regular file through QSaveFile; a pipe or a device written through, never replaced.
    const QString why = writeWholeFile(fileName, bytes);
    return why.isEmpty() || failExport(fileName, why, error);
}

void ChartBase::resetView()
{
    queueReplot();
}

void ChartBase::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    m_emptyText->setText(message);
    queueReplot();
}

bool ChartBase::isEmptyMessageShown() const
{
    return m_emptyText->visible();
}

QString ChartBase::tooltipAt(const QPointF &pixel) const
{
    Q_UNUSED(pixel)
    return {};
}

QColor ChartBase::seriesColor(int index)
{
    // Okabe & Ito (2008), "Color Universal Design"; black is left out so that every colour reads
    // on a dark background as well as on a white one.
    static const std::array<QColor, 7> colors{
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    const int i = std::max(0, index);
    const QColor base = colors[static_cast<std::size_t>(i) % colors.size()];
    switch ((i / static_cast<int>(colors.size())) % 3) {
    case 1:
        return base.lighter(135);
    case 2:
        return base.darker(135);
    default:
        return base;
    }
}

QString ChartBase::formatMoney(double value, const QString &currency, int decimals)
{
    return qs(Text::money(value, currency.toStdString(), decimals));
}

void ChartBase::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
        || event->type() == QEvent::StyleChange) {
        applyTheme();
        queueReplot();
    }
}

void ChartBase::applyTheme()
{
    const QColor background = backgroundColor();
    const QColor text = foregroundColor();
    const QColor grid = gridColor();
    m_plot->setBackground(QBrush(background));
    const QList<QCPAxisRect *> rects = m_plot->axisRects();
    for (QCPAxisRect *rect : rects) {
        rect->setBackground(QBrush(Qt::NoBrush));
        const QList<QCPAxis *> axes = rect->axes();
        for (QCPAxis *axis : axes) {
            axis->setBasePen(QPen(text, 0));
            axis->setTickPen(QPen(text, 0));
            axis->setSubTickPen(QPen(text, 0));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
            axis->grid()->setSubGridPen(QPen(blend(background, grid, 0.5), 0, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    m_plot->legend->setBrush(QBrush(background));
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    updateLegendItems();
    m_emptyText->setColor(mutedColor());
}

void ChartBase::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_plot->legend->itemCount() > 0) {
        reflowLegend();
        queueReplot();
    }
}

void ChartBase::clearPlot()
{
    // The legend first, in one go: removing a plottable would re-lay it out once per entry.
    m_plot->legend->clearItems();
    m_plot->clearPlottables();
    for (int i = m_plot->itemCount() - 1; i >= 0; --i) {
        if (m_plot->item(i) != m_emptyText)
            m_plot->removeItem(i);
    }
}

void ChartBase::showEmptyMessage(bool show)
{
    m_emptyText->setText(m_emptyMessage);
    m_emptyText->setVisible(show);
    queueReplot();
}

void ChartBase::queueReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartBase::setHourTicker(QCPAxis *axis, int slotCount)
{
    axis->setTicker(QSharedPointer<HourTicker>::create(slotCount, axis));
}

void ChartBase::setMoneyTicker(QCPAxis *axis, const QString &currency)
{
    axis->setTicker(QSharedPointer<MoneyTicker>::create(currency));
}

void ChartBase::setLogTicker(QCPAxis *axis, const QString &currency)
{
    auto ticker = QSharedPointer<LogTicker>::create(currency);
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    axis->setTicker(ticker);
}

void ChartBase::boundKeyRange(QCPAxis *axis, double lower, double upper)
{
    if (const auto it = m_bounds.find(axis); it != m_bounds.end()) {
        disconnect(it.value());
        m_bounds.erase(it);
    }
    if (!(upper > lower))
        return;
    const auto onChanged = [axis, lower, upper](const QCPRange &range) {
        const double size = range.size();
        QCPRange bounded = range;
        if (size >= upper - lower)
            bounded = QCPRange(lower, upper);
        else if (range.lower < lower)
            bounded = QCPRange(lower, lower + size);
        else if (range.upper > upper)
            bounded = QCPRange(upper - size, upper);
        if (bounded != range)
            axis->setRange(bounded); // re-emits once with a range inside the bounds
    };
    m_bounds.insert(axis, connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                                  onChanged));
}

QString ChartBase::hourLabel(int slot, int slotCount)
{
    return slotLabel(slot, slotCount, QStringLiteral(" "), true);
}

QColor ChartBase::backgroundColor() const
{
    return palette().color(QPalette::Base);
}

QColor ChartBase::foregroundColor() const
{
    return palette().color(QPalette::WindowText);
}

QColor ChartBase::gridColor() const
{
    const QColor background = backgroundColor();
    const QColor text = foregroundColor();
    const QColor mid = palette().color(QPalette::Mid);
    // Mid must lie between the background and the text; a palette that only darkened Window and
    // Base keeps a light Mid, which would glare on the dark background.
    const double lb = background.lightnessF();
    const double lt = text.lightnessF();
    const double lm = mid.lightnessF();
    if ((lm - lb) * (lt - lb) > 0 && std::abs(lm - lb) < std::abs(lt - lb))
        return mid;
    return blend(background, text, 0.3);
}

QColor ChartBase::mutedColor() const
{
    return blend(foregroundColor(), backgroundColor(), 0.5);
}

QPen ChartBase::seriesPen(const QColor &color, int pointCount)
{
    // Wide pens on dense data cost seconds per replot with software rendering (STYLE.md).
    QPen pen(color);
    if (pointCount <= 400) {
        pen.setWidthF(2);
    } else {
        pen.setWidthF(1);
        pen.setCosmetic(true);
    }
    return pen;
}

QFont ChartBase::scaledFont(const QFont &font, double factor)
{
    QFont scaled = font;
    if (font.pointSizeF() > 0)
        scaled.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0) // a font set in pixels has no point size
        scaled.setPixelSize(std::max(1, static_cast<int>(std::lround(font.pixelSize() * factor))));
    return scaled;
}

QColor ChartBase::blend(const QColor &from, const QColor &to, double amount)
{
    const double t = std::clamp(amount, 0.0, 1.0);
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void ChartBase::onLegendClick(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *event)
{
    if (event && event->button() != Qt::LeftButton)
        return;
    auto *entry = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!entry || !entry->plottable())
        return;
    setSeriesVisible(entry->plottable()->name(), !entry->plottable()->visible());
}

void ChartBase::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return; // panning or editing: a tooltip would chase the mouse
    const QString text = tooltipAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void ChartBase::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    QAction *png = menu.addAction(tr("Export as PNG…"));
    QAction *pdf = menu.addAction(tr("Export as PDF…"));
    menu.addSeparator();
    QAction *reset = menu.addAction(tr("Reset view"));
    connect(png, &QAction::triggered, this, [this] { exportWithDialog(false); });
    connect(pdf, &QAction::triggered, this, [this] { exportWithDialog(true); });
    connect(reset, &QAction::triggered, this, &ChartBase::resetView);
    menu.exec(m_plot->mapToGlobal(pos));
}

void ChartBase::exportWithDialog(bool pdf)
{
    const QString suffix = pdf ? QStringLiteral(".pdf") : QStringLiteral(".png");
    QString fileName = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export as PDF") : tr("Export as PNG"), QString(),
        pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (fileName.isEmpty())
        return;
    if (!fileName.endsWith(suffix, Qt::CaseInsensitive))
        fileName += suffix;
    QString error;
    // The chart at its on-screen size: the labels keep the proportions the user sees.
    const bool ok = pdf ? exportPdf(fileName, m_plot->width(), m_plot->height(), &error)
                        : exportPng(fileName, m_plot->width(), m_plot->height(), &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"), error);
}

QLabel *ChartBase::addCaption()
{
    auto *caption = new QLabel(this);
    caption->setWordWrap(true);
    caption->setTextFormat(Qt::PlainText);
    caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    caption->setContentsMargins(8, 0, 8, 4);
    caption->setVisible(false);
    m_layout->addWidget(caption);
    return caption;
}

} // namespace Costscape::Ui
