// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"
#include "ui/optioncolors.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace Costscape::Ui {

/** Text::money to the cent for the cell: "$1,234.56", "€12.00", never "-$0.00"; "-" when not finite. */
QString formatMoney(double value, const QString &currency);
/** Text::unitPrice: a price sheet's rate in full ("$0.0000166667"), trailing zeros dropped. */
QString formatUnitPrice(double value, const QString &currency);
/** Text::quantity: "141,166,800", "0.5", "0.0001234". */
QString formatQuantity(double value);
/**
 * The value as the clipboard copies it for a spreadsheet: fixed notation, no grouping, all the
 * digits a double has ("nan", "inf" for the non-finite).
 */
QString formatRawNumber(double value);

/**
 * The bill of an Evaluation as a table: for each option its line items, then a total row.
 * Columns: option id, line item, quantity, unit, unit price, cost, note. It adapts the result for
 * views and holds no pricing rule: every figure is the Evaluation's. An option that could not be
 * priced (OptionResult::priced false) shows "not priced" as its cost and "Not priced: reason" as
 * its note, never a zero; its raw cost is unset (an empty cell in toTsv).
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
        /**
         * The raw double of a numeric cell (unset for a total row's quantity and unit price, and
         * for the cost of an option that could not be priced); the text of a text cell.
         */
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
    /**
     * The options' colours: the option column's decoration, as in the options list and the
     * charts. Until they are set, options take colours in the order they are first shown.
     */
    void setOptionColors(const OptionColors &colors);

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
        bool priced = true; ///< false: no bill (Models::OptionResult::priced); the cost cell says so
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
    OptionColors m_colors;
};

} // namespace Costscape::Ui
