// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartbase.h"
#include "ui/charts/axistickers.h"
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
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QTemporaryDir>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace Costscape::Ui {

namespace {

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
    // One paint buffer instead of two: QCustomPlot buffers its "overlay" layer on its own (for a
    // selection rectangle, which these charts never draw), and every replot clears each buffer and
    // blends it over the widget.
    if (QCPLayer *overlay = m_plot->layer(QStringLiteral("overlay")))
        overlay->setMode(QCPLayer::lmLogical);

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
    connect(m_plot, &QCustomPlot::afterLayout, this, &ChartBase::onAfterLayout);

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

void ChartBase::setOptionColors(const OptionColors &colors)
{
    if (colors == m_optionColors)
        return;
    m_optionColors = colors;
    applyTheme();
    queueReplot();
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
    axis->setTicker(Tickers::hours(slotCount, axis));
}

void ChartBase::setMoneyTicker(QCPAxis *axis, const QString &currency)
{
    axis->setTicker(Tickers::money(currency));
}

void ChartBase::setLogTicker(QCPAxis *axis, const QString &currency)
{
    axis->setTicker(Tickers::logarithmic(currency));
}

void ChartBase::setAxisView(QCPAxis *axis, double lower, double upper)
{
    setAxisView(axis, lower, upper, lower, upper);
}

void ChartBase::setAxisView(QCPAxis *axis, double lower, double upper, double shownLower, double shownUpper)
{
    // The bounds first: the old ones would clamp a range that grew to the data it replaces
    // (the monthly chart kept a $137 top when the bars rose to $310).
    track(axis);
    AxisView &view = m_views[axis];
    view.lower = lower;
    view.upper = upper;
    view.bounded = upper > lower;
    view.userMoved = false;
    setOwnRange(axis, shownLower, shownUpper);
}

void ChartBase::setAxisBounds(QCPAxis *axis, double lower, double upper)
{
    track(axis);
    AxisView &view = m_views[axis];
    view.lower = lower;
    view.upper = upper;
    view.bounded = upper > lower;
    onRangeChanged(axis); // the new bounds apply to the view at once
}

bool ChartBase::refitAxis(QCPAxis *axis, double lower, double upper)
{
    const QCPRange before = axis->range();
    const bool userMoved = m_views.value(axis).userMoved;
    if (userMoved) {
        setAxisBounds(axis, lower, upper);
    } else {
        track(axis);
        AxisView &view = m_views[axis];
        view.lower = lower;
        view.upper = upper;
        view.bounded = upper > lower;
        setOwnRange(axis, lower, upper);
    }
    return axis->range() != before;
}

void ChartBase::track(QCPAxis *axis)
{
    if (m_views.contains(axis))
        return;
    m_views.insert(axis, AxisView{});
    connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this, axis] { onRangeChanged(axis); });
}

void ChartBase::setOwnRange(QCPAxis *axis, double lower, double upper)
{
    track(axis);
    const QScopedValueRollback<bool> guard(m_settingRange, true);
    axis->setRange(lower, upper);
}

void ChartBase::onRangeChanged(QCPAxis *axis)
{
    const auto it = m_views.find(axis);
    if (it == m_views.end())
        return;
    if (!m_settingRange)
        it->userMoved = true; // dragged, zoomed, or moved along with a linked axis
    if (!it->bounded)
        return;
    const double lower = it->lower;
    const double upper = it->upper;
    const QCPRange range = axis->range();
    const double size = range.size();
    QCPRange bounded = range;
    if (size >= upper - lower)
        bounded = QCPRange(lower, upper);
    else if (range.lower < lower)
        bounded = QCPRange(lower, lower + size);
    else if (range.upper > upper)
        bounded = QCPRange(upper - size, upper);
    if (bounded != range) {
        const QScopedValueRollback<bool> guard(m_settingRange, m_settingRange || !it->userMoved);
        axis->setRange(bounded); // re-emits once with a range inside the bounds
    }
}

double ChartBase::upperWithRoom(double lower, double value, double roomPixels, double heightPixels)
{
    if (!(value > lower))
        return value;
    if (!(heightPixels > 0) || roomPixels <= 0)
        return value;
    // (upper - value) / (upper - lower) * height >= room, solved for upper.
    const double share = roomPixels / heightPixels;
    if (share >= 0.9)
        return lower + (value - lower) * 10;
    return (value - lower * share) / (1 - share);
}

void ChartBase::onAfterLayout()
{
    if (m_fitting)
        return;
    const QScopedValueRollback<bool> guard(m_fitting, true);
    // A range that changed moves the ticks and may change the margins, hence the rects: lay out
    // again, and fit again to the new rects (the last pass changes no range).
    for (int pass = 0; pass < 3 && fitToLayout(); ++pass) {
        for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
            m_plot->plotLayout()->update(phase);
    }
}

QString ChartBase::hourLabel(int slot, int slotCount)
{
    return Tickers::slotLabel(slot, slotCount, QStringLiteral(" "), true);
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
