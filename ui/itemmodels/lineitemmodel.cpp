// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/uitext.h"

#include "base/textformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Costscape::Ui {

namespace {


QString oneLine(QString s)
{
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1String("\r\n"), QLatin1String(" "));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}

bool isNumeric(int column)
{
    return column == LineItemModel::QuantityColumn || column == LineItemModel::UnitPriceColumn
        || column == LineItemModel::CostColumn;
}

} // namespace

QString formatMoney(double value, const QString &currency)
{
    return qs(Text::money(value, currency.toStdString()));
}

QString formatUnitPrice(double value, const QString &currency)
{
    return qs(Text::unitPrice(value, currency.toStdString()));
}

QString formatQuantity(double value)
{
    return qs(Text::quantity(value));
}

QString formatRawNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    // Fixed notation reads back as a number in every spreadsheet; the exponent form only for
    // magnitudes where fixed would be dozens of zeros.
    const double a = std::abs(value);
    const char format = (a != 0 && (a < 1e-6 || a >= 1e15)) ? 'g' : 'f';
    return QString::number(value, format, QLocale::FloatingPointShortest);
}

LineItemModel::LineItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

bool LineItemModel::sameShape(const std::vector<Option> &a, const std::vector<Option> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id || a[i].lines.size() != b[i].lines.size())
            return false;
        for (std::size_t j = 0; j < a[i].lines.size(); ++j)
            if (a[i].lines[j].name != b[i].lines[j].name)
                return false;
    }
    return true;
}

void LineItemModel::setEvaluation(const Models::Evaluation &evaluation)
{
    std::vector<Option> options;
    options.reserve(evaluation.options.size());
    for (const Models::OptionResult &o : evaluation.options) {
        Option option;
        option.id = qs(o.id);
        option.summary = qs(o.summary);
        option.feasible = o.feasible;
        option.priced = o.priced;
        for (const std::string &w : o.warnings)
            option.warnings.push_back(qs(w));
        option.monthlyCost = o.monthlyCost;
        option.lines.reserve(o.lineItems.size());
        for (const Models::LineItem &li : o.lineItems)
            option.lines.push_back({qs(li.name), li.quantity, qs(li.unit), li.unitPrice, li.cost, qs(li.note)});
        options.push_back(std::move(option));
    }
    const QString currency = qs(evaluation.prices.currency);
    std::vector<std::string> ids;
    for (const Models::OptionResult &o : evaluation.options)
        ids.push_back(o.id);
    m_colors.include(ids);

    if (sameShape(m_options, options)) {
        // Same rows: a recompute while typing must not drop the user's selection.
        m_options = std::move(options);
        m_currency = currency;
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }

    beginResetModel();
    m_options = std::move(options);
    m_currency = currency;
    m_rows.clear();
    for (std::size_t i = 0; i < m_options.size(); ++i) {
        const int option = static_cast<int>(i);
        for (std::size_t j = 0; j < m_options[i].lines.size(); ++j)
            m_rows.push_back({option, static_cast<int>(j)});
        m_rows.push_back({option, -1});
    }
    endResetModel();
}

void LineItemModel::setOptionColors(const OptionColors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, OptionColumn), index(rowCount() - 1, OptionColumn), {Qt::DecorationRole});
}

void LineItemModel::clear()
{
    if (m_options.empty())
        return;
    beginResetModel();
    m_options.clear();
    m_rows.clear();
    endResetModel();
}

int LineItemModel::optionTotalRow(const QString &id) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].line < 0 && m_options[static_cast<std::size_t>(m_rows[r].option)].id == id)
            return static_cast<int>(r);
    return -1;
}

bool LineItemModel::isTotalRow(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<std::size_t>(row)].line < 0;
}

int LineItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LineItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LineItemModel::totalNote(const Option &option) const
{
    if (option.feasible)
        return option.summary;
    if (!option.priced)
        return tr("Not priced: %1").arg(option.warnings.isEmpty() ? QString() : option.warnings.front());
    return tr("Infeasible: %1").arg(option.warnings.isEmpty() ? QString() : option.warnings.front());
}

QString LineItemModel::text(const Row &row, int column) const
{
    const Option &o = m_options[static_cast<std::size_t>(row.option)];
    if (row.line < 0) {
        switch (column) {
        case OptionColumn: return o.id;
        case LineColumn: return tr("Total");
        // An option with no bill has no cost: a $0.00 here would read as free.
        case CostColumn: return o.priced ? formatMoney(o.monthlyCost, m_currency) : tr("not priced");
        case NoteColumn: return totalNote(o);
        default: return {};
        }
    }
    const Line &li = o.lines[static_cast<std::size_t>(row.line)];
    switch (column) {
    case OptionColumn: return o.id;
    case LineColumn: return li.name;
    case QuantityColumn: return formatQuantity(li.quantity);
    case UnitColumn: return li.unit;
    case UnitPriceColumn: return formatUnitPrice(li.unitPrice, m_currency);
    case CostColumn: return formatMoney(li.cost, m_currency);
    case NoteColumn: return li.note;
    default: return {};
    }
}

QVariant LineItemModel::rawValue(const Row &row, int column) const
{
    const Option &o = m_options[static_cast<std::size_t>(row.option)];
    if (!isNumeric(column))
        return text(row, column);
    if (row.line < 0)
        return column == CostColumn && o.priced ? QVariant(o.monthlyCost) : QVariant();
    const Line &li = o.lines[static_cast<std::size_t>(row.line)];
    switch (column) {
    case QuantityColumn: return li.quantity;
    case UnitPriceColumn: return li.unitPrice;
    default: return li.cost;
    }
}

QVariant LineItemModel::toolTip(const Row &row, int column) const
{
    if (column != NoteColumn)
        return {};
    const Option &o = m_options[static_cast<std::size_t>(row.option)];
    if (row.line >= 0) {
        const QString &note = o.lines[static_cast<std::size_t>(row.line)].note;
        return note.isEmpty() ? QVariant() : QVariant(note);
    }
    // The total's tip carries every warning, not only the reason shown in the cell.
    QStringList parts{totalNote(o)};
    for (qsizetype i = o.feasible ? 0 : 1; i < o.warnings.size(); ++i)
        parts.push_back(o.warnings[i]);
    parts.removeAll(QString());
    return parts.isEmpty() ? QVariant() : QVariant(parts.join(QLatin1Char('\n')));
}

QVariant LineItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case RawValueRole:
        return rawValue(row, column);
    case TotalRowRole:
        return row.line < 0;
    case OptionIndexRole:
        return row.option;
    case Qt::TextAlignmentRole:
        return static_cast<int>((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.line < 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.line < 0 && !m_options[static_cast<std::size_t>(row.option)].feasible)
            return QBrush(QColor(190, 40, 40));
        return {};
    case Qt::DecorationRole:
        if (column == OptionColumn)
            return m_colors.color(m_options[static_cast<std::size_t>(row.option)].id.toStdString());
        return {};
    case Qt::ToolTipRole:
        return toolTip(row, column);
    default:
        return {};
    }
}

QVariant LineItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return static_cast<int>((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OptionColumn: return tr("Option");
    case LineColumn: return tr("Line item");
    case QuantityColumn: return tr("Quantity");
    case UnitColumn: return tr("Unit");
    case UnitPriceColumn: return tr("Unit price");
    case CostColumn: return tr("Cost");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

QString LineItemModel::toTsv(const QModelIndexList &selection) const
{
    std::vector<int> rows;
    if (selection.isEmpty()) {
        rows.resize(m_rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r)
            rows[r] = static_cast<int>(r);
    } else {
        for (const QModelIndex &i : selection)
            if (i.isValid() && i.model() == this)
                rows.push_back(i.row());
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    }

    QString out;
    QStringList cells;
    for (int c = 0; c < ColumnCount; ++c)
        cells.push_back(headerData(c, Qt::Horizontal).toString());
    out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    for (int r : rows) {
        const Row &row = m_rows[static_cast<std::size_t>(r)];
        cells.clear();
        for (int c = 0; c < ColumnCount; ++c) {
            if (isNumeric(c)) {
                const QVariant v = rawValue(row, c);
                cells.push_back(v.isValid() ? formatRawNumber(v.toDouble()) : QString());
            } else {
                cells.push_back(oneLine(text(row, c)));
            }
        }
        out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace Costscape::Ui
