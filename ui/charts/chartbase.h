// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/optioncolors.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QMetaObject>
#include <QPen>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QCPAbstractLegendItem;
class QCPAbstractPlottable;
class QCPAxis;
class QCPItemText;
class QCPLegend;
class QCPPainter;
class QCustomPlot;
class QMouseEvent;
class QVBoxLayout;

namespace Costscape::Ui {

/**
 * What every chart of the results view shares: one QCustomPlot, themed from the widget's palette
 * (and re-themed when the palette changes), drag and wheel zoom, a legend whose entries show and
 * hide their series when clicked, hover tooltips with exact values, a context menu with PNG/PDF
 * export and "Reset view", and a centred message when there is nothing to plot.
 *
 * Series are addressed by their plottable name: every plottable with that name is shown or hidden
 * together (a chart may draw one option in two axis rects under one legend entry).
 *
 * Changes are drawn with a queued replot, so a burst of edits costs one repaint. Geometry-based
 * accessors of subclasses (pixel positions) are valid once the plot has been laid out, i.e. after
 * it was shown and replotted.
 */
class ChartBase : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartBase)
    Q_PROPERTY(QString emptyMessage READ emptyMessage WRITE setEmptyMessage)

public:
    explicit ChartBase(QWidget *parent = nullptr);
    ~ChartBase() override;

    /** The plot widget; tests drive the mouse on it. Never null. */
    QCustomPlot *plot() const { return m_plot; }

    /**
     * Shows or hides every series named @p name and greys its legend entry while hidden.
     * Returns false (and changes nothing) when no series has that name.
     */
    bool setSeriesVisible(const QString &name, bool visible);
    /** True when a series named @p name exists and is shown; false when hidden or unknown. */
    bool isSeriesVisible(const QString &name) const;

    /**
     * Writes the chart as a PNG of @p width x @p height pixels. The file is replaced atomically
     * (QSaveFile): on failure it returns false, sets @p error (when given) to a message naming the
     * file and the reason, and leaves any existing file untouched and no partial file behind.
     * The chart's caption, if it has one, is written under the plot.
     */
    bool exportPng(const QString &fileName, int width, int height, QString *error = nullptr);
    /** As exportPng(), as a one-page PDF of the chart laid out at @p width x @p height. */
    bool exportPdf(const QString &fileName, int width, int height, QString *error = nullptr);

    /**
     * Draws the chart without its caption onto @p painter, with the painter's current transform,
     * laid out at @p width x @p height logical pixels from the painter's origin: vector output on a
     * PDF painter (the reports use it). Does nothing for a size that is not positive or a painter
     * that is not active. The on-screen layout is restored afterwards.
     */
    void renderTo(QCPPainter *painter, int width, int height);
    /** The text exports write under the plot (empty for none), for a report that sets it as text. */
    QString captionText() const { return exportCaption(); }

    /** Back to the ranges the chart chose when its data was set. */
    virtual void resetView();

    /**
     * The text shown in the middle of the chart when there is nothing to plot. Each chart sets a
     * default; setting it replaces the default and updates a message already shown.
     */
    QString emptyMessage() const { return m_emptyMessage; }
    void setEmptyMessage(const QString &message);
    /** True while the empty message is shown instead of data. */
    bool isEmptyMessageShown() const;

    /**
     * The tooltip for the widget pixel @p pixel of plot(): exact values of what is under the
     * mouse, as rich text; empty when there is nothing there. The base returns an empty string.
     */
    virtual QString tooltipAt(const QPointF &pixel) const;

    /**
     * The options' colours (OptionColors): every option is drawn in its own, as in the options list
     * and the tables. Until they are set, a chart gives the options it is shown colours in the
     * order it meets them. Re-colours what is drawn.
     */
    void setOptionColors(const OptionColors &colors);
    const OptionColors &optionColors() const { return m_optionColors; }

    /**
     * @p value as money with English digit grouping: "$1,234.56" for USD, "€", "£", "¥" for EUR,
     * GBP, JPY, else "CHF 1,234.56"; no sign on a value that rounds to 0. @p decimals < 0 shows
     * the value exactly: two to six decimals ("$30.368"), six significant digits below a cent.
     */
    static QString formatMoney(double value, const QString &currency, int decimals = 2);

    /**
     * @p text as a bidirectional isolate (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL
     * ISOLATE) when it holds right-to-left letters or bidirectional controls, so that an id with
     * U+202E RIGHT-TO-LEFT OVERRIDE cannot reorder the words around it; the text's own isolate
     * controls (U+2066..U+2069) are dropped first, so it cannot end the isolate early. Text with
     * neither is returned unchanged. For text from a file placed among other words: report
     * sentences, table cells, legends.
     */
    static QString isolated(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

    /**
     * Colours everything from the palette: background, axes of every axis rect, grid, legend
     * (hidden entries greyed), the empty message. Subclasses call the base, then re-colour their
     * own plottables and items. Called on palette changes.
     */
    virtual void applyTheme();
    /**
     * Text written under the plot in exports (on screen it is a label under the plot, which the
     * renderers do not see); empty for none. The base returns an empty string.
     */
    virtual QString exportCaption() const { return {}; }
    /** Called after setSeriesVisible() changed something, before the replot. */
    virtual void seriesVisibilityChanged() {}

    /** Moves the legend into a row of its own above the axis rects (it never hides data there). */
    void placeLegendAbove();
    /**
     * Re-flows the legend after entries were added or removed: one row up to eight entries,
     * else as few rows as that allows, filled evenly, in reading order.
     */
    void reflowLegend();
    /** The colour of option @p id (see setOptionColors()). */
    QColor optionColor(const std::string &id) const { return m_optionColors.color(id); }
    /** Gives the options among @p ids that the colours have not seen one; call when data is set. */
    void includeOptions(const std::vector<std::string> &ids) { m_optionColors.include(ids); }
    /** The fill of the @p index-th part of an option: a stacked line item, a task group. */
    static QBrush partBrush(int index) { return OptionColors::partBrush(index); }

    /**
     * Removes every plottable and item except the empty message; keeps axes and the legend
     * (emptied once, first: QCustomPlot would re-lay it out for every plottable it removes).
     */
    void clearPlot();
    /**
     * Takes @p plottable's entry out of the legend without re-laying the legend out (which
     * QCPAbstractPlottable::removeFromLegend does, a cost growing with the square of the
     * entries: a thousand series took seconds). The cell stays empty: the next entry added fills
     * it, and reflowLegend() closes what is left.
     */
    void leaveOutOfLegend(QCPAbstractPlottable *plottable);
    /** Moves @p plottable's legend entry after every other (the demand after the options). */
    void moveToLegendEnd(QCPAbstractPlottable *plottable);
    /**
     * Adds a legend entry for each of @p plottables, in order, after the entries already there,
     * each in constant time (QCPAbstractPlottable::addToLegend searches the whole legend first,
     * and a chart of a thousand options added two thousand plottables). The plottables must have
     * no entry yet: create them with the plot's setAutoAddPlottableToLegend(false), as
     * LegendBatch does. The legend is left on one line; reflowLegend() wraps it.
     */
    void appendToLegend(const std::vector<QCPAbstractPlottable *> &plottables);

    /** While it lives, new plottables get no legend entry of their own (see appendToLegend). */
    class LegendBatch final
    {
    public:
        explicit LegendBatch(ChartBase *chart);
        ~LegendBatch();
        LegendBatch(const LegendBatch &) = delete;
        LegendBatch &operator=(const LegendBatch &) = delete;

    private:
        QCustomPlot *m_plot;
        bool m_wasAdding;
    };
    /** Shows or hides the empty message. */
    void showEmptyMessage(bool show);
    /** Queues one replot for the current burst of changes. */
    void queueReplot();

    /**
     * Labels @p axis as the hours of a plan of @p slotCount slots: "00:00" for a day, "Mon\n00:00" for
     * a week, "Day 3" (with the hour when zoomed in) for longer plans. The tick step adapts to
     * the space available.
     */
    void setHourTicker(QCPAxis *axis, int slotCount);
    /** Labels @p axis with money ("$1,200") in @p currency. */
    void setMoneyTicker(QCPAxis *axis, const QString &currency);
    /** Labels a logarithmic @p axis with money, or with plain numbers when @p currency is empty. */
    void setLogTicker(QCPAxis *axis, const QString &currency);
    /**
     * Shows [@p lower, @p upper] on @p axis and keeps the user's dragging and zooming inside it
     * (no panning into empty space). The new bounds replace the old ones before the range is set,
     * so a range that grew is never clamped to the bounds of the data it replaces.
     */
    void setAxisView(QCPAxis *axis, double lower, double upper);
    /** As above, showing [@p shownLower, @p shownUpper] of the bounds (a week of a month's plan). */
    void setAxisView(QCPAxis *axis, double lower, double upper, double shownLower, double shownUpper);
    /**
     * Replaces the bounds of @p axis and applies them to the current view at once, keeping the
     * user's zoom where it fits: for a refit that must not undo a zoom.
     */
    void setAxisBounds(QCPAxis *axis, double lower, double upper);
    /**
     * A refit of @p axis to [@p lower, @p upper] from fitToLayout(): the bounds always, the view
     * only while the user has not dragged or zoomed that axis since the last setAxisView().
     * Returns true when the view changed.
     */
    bool refitAxis(QCPAxis *axis, double lower, double upper);
    /**
     * The upper end a linear value axis starting at @p lower needs so that @p value sits at least
     * @p roomPixels below the top of an axis rect @p heightPixels tall: room for the labels drawn
     * above a bar or a point. When the room would take most of the rect, the top is at most ten
     * times the value (the labels cannot fit such a plot anyway).
     */
    static double upperWithRoom(double lower, double value, double roomPixels, double heightPixels);

    /**
     * Called after every layout of the plot, on screen and in exports, before anything is drawn.
     * A chart whose ranges or label positions depend on its size in pixels (room above the bars
     * for their totals, labels turned away from the edges) sets them here; return true when an
     * axis range changed, and the plot is laid out again for the new ticks. The base does nothing.
     */
    virtual bool fitToLayout() { return false; }

    /** "Mon 13:00" (or "13:00", "Day 3 13:00") for slot @p slot of a plan of @p slotCount slots. */
    static QString hourLabel(int slot, int slotCount);

    QColor backgroundColor() const;
    QColor foregroundColor() const;
    QColor gridColor() const;
    /** Halfway between text and background: greyed-out entries, secondary text. */
    QColor mutedColor() const;
    /** The pen for a series of @p pointCount points: width 2 on sparse data, a width-1 cosmetic pen on dense data. */
    static QPen seriesPen(const QColor &color, int pointCount);
    static QColor blend(const QColor &from, const QColor &to, double amount);
    /** @p font @p factor times larger, whether its size is in points or pixels. */
    static QFont scaledFont(const QFont &font, double factor);

    QVBoxLayout *mainLayout() const { return m_layout; }
    /**
     * A selectable, word-wrapped line of plain text under the plot, hidden until it has text:
     * the charts state their findings (break-evens, gaps, who meets demand) in words there.
     */
    QLabel *addCaption();

private:
    void onLegendClick(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void showContextMenu(const QPoint &pos);
    void exportWithDialog(bool pdf);
    void updateLegendItems();
    static bool writeAtomically(const QString &fileName, const QByteArray &bytes, QString *error);
    static bool failExport(const QString &fileName, const QString &reason, QString *error);

    void onAfterLayout();
    void onRangeChanged(QCPAxis *axis);
    /** Starts keeping an AxisView for @p axis (once). */
    void track(QCPAxis *axis);
    /** Sets the range of @p axis as the chart's own change, not the user's. */
    void setOwnRange(QCPAxis *axis, double lower, double upper);

    /** What the chart set on an axis: its bounds, and whether the user has moved it since. */
    struct AxisView {
        double lower = 0;
        double upper = 0;
        bool bounded = false;
        bool userMoved = false;
    };

    QVBoxLayout *m_layout;
    QCustomPlot *m_plot;
    QCPItemText *m_emptyText;
    QString m_emptyMessage;
    OptionColors m_optionColors;
    QHash<QCPAxis *, AxisView> m_views;
    bool m_settingRange = false;
    bool m_fitting = false;
};

} // namespace Costscape::Ui
