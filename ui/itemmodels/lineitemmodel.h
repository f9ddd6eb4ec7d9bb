// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace Costscape::Ui {

/**
 * "$1,234.56" for USD, "EUR 1,234.56" for any other currency code: money to the cent, with
 * thousands separators. A value that rounds to zero cents shows as "$0.00", never "-$0.00".
 */
QString formatMoney(double value, const QString &currency);
/**
 * A unit price in full: up to 10 significant digits in fixed notation ("$0.0000166667"), so that
 * a per-GB-second rate is not rounded to "$0.00". Trailing zeros are dropped.
 */
QString formatUnitPrice(double value, const QString &currency);
/**
 * A quantity with thousands separators: up to 4 decimals at 1 and above ("12,345.6789",
 * "2,628,000"), 4 significant digits below 1 ("0.0001235"), trailing zeros dropped.
 */
QString formatQuantity(double value);
/**
 * The shortest text that reads back as exactly value: '.' decimal point, no grouping, no
 * currency; what a spreadsheet takes as a number. Non-finite values give "inf" / "nan".
 */
QString formatRawNumber(double value);

/**
 * The bill of an Evaluation as a table: for each option its line items, then a total row.
 * Columns: option id, line item, quantity, unit, unit price, cost, note. It adapts the result for
 * views and holds no pricing rule: every figure is the Evaluation's.
 *
 * Re-setting an Evaluation with the same options and line item names (a live recompute with new
 * numbers) emits dataChanged only, so selections and scroll positions survive; anything else
 * resets the model.
 */
class LineItemModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineItemModel)

public:
    enum Column : int {
        OptionColumn,
        LineColumn,
        QuantityColumn,
        UnitColumn,
        UnitPriceColumn,
        CostColumn,
        NoteColumn,
        ColumnCount,
    };
    enum Role : int {
        /** The raw double of a numeric cell (unset for a total row's quantity and unit price); the text of a text cell. */
        RawValueRole = Qt::UserRole,
        /** bool: the row is an option's total. */
        TotalRowRole,
        /** int: the index of the row's option in the Evaluation. */
        OptionIndexRole,
    };

    explicit LineItemModel(QObject *parent = nullptr);

    /** Shows evaluation (copied); resets only when the options or their line item names changed. */
    void setEvaluation(const Models::Evaluation &evaluation);
    /** Empties the model. */
    void clear();

    /** The row of the total of the option with this id, or -1 when there is none. */
    int optionTotalRow(const QString &id) const;
    /** True for an option's total row; false for line items and rows out of range. */
    bool isTotalRow(int row) const;
    /** The currency code of the shown Evaluation ("USD"). */
    QString currency() const { return m_currency; }

    /**
     * Tab-separated text for a spreadsheet: a header line, then one line per row of selection (all
     * rows when it is empty), every column, in model order. Numbers are raw full-precision values
     * with a '.' decimal point (no currency, no grouping) so they paste as numbers; tabs and line
     * breaks inside text become spaces. Indexes of other models are ignored (map proxy indexes
     * to this model first). Every line ends with '\n'.
     */
    QString toTsv(const QModelIndexList &selection = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Line {
        QString name;
        double quantity = 0;
        QString unit;
        double unitPrice = 0;
        double cost = 0;
        QString note;
    };
    struct Option {
        QString id;
        QString summary;
        bool feasible = true;
        QStringList warnings;
        double monthlyCost = 0;
        std::vector<Line> lines;
    };
    struct Row {
        int option = 0;
        int line = -1; ///< -1: the option's total
    };

    static bool sameShape(const std::vector<Option> &a, const std::vector<Option> &b);
    QString text(const Row &row, int column) const;
    QString totalNote(const Option &option) const;
    QVariant rawValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;

    std::vector<Option> m_options;
    std::vector<Row> m_rows;
    QString m_currency = QStringLiteral("USD");
};

} // namespace Costscape::Ui
