// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/profilemodel.h"
#include "ui/uitext.h"

#include "models/scenario/scenariorules.h"

#include <QLocale>

#include <cmath>

namespace Costscape::Ui {

ProfileModel::ProfileModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProfileModel::setProfile(const std::vector<double> &perSecond)
{
    if (perSecond.size() == m_values.size()) {
        // Same hours: keep the view's selection and current cell through undo and reloads.
        if (perSecond == m_values)
            return;
        m_values = perSecond;
        if (!m_values.empty())
            Q_EMIT dataChanged(index(0, RateColumn), index(rowCount() - 1, RateColumn));
        return;
    }
    beginResetModel();
    m_values = perSecond;
    endResetModel();
}

void ProfileModel::setValue(int row, double value)
{
    if (row < 0 || row >= rowCount())
        return;
    m_values[static_cast<std::size_t>(row)] = value;
    const QModelIndex i = index(row, RateColumn);
    Q_EMIT dataChanged(i, i);
}

void ProfileModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

QString ProfileModel::hourLabel(int row, int count)
{
    const QString hour = QStringLiteral("%1:00").arg(row % 24, 2, 10, QLatin1Char('0'));
    if (count <= 24)
        return hour;
    if (count == 168) {
        // Fixed English abbreviations (translatable), not the locale's: the week of a profile
        // starts on Monday whatever the user's locale says.
        static const char *const days[] = {
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Mon"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Tue"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Wed"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Thu"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Fri"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Sat"),
            QT_TRANSLATE_NOOP("Costscape::Ui::ProfileModel", "Sun"),
        };
        return tr(days[(row / 24) % 7]) + QLatin1Char(' ') + hour;
    }
    return tr("Day %1 %2").arg(row / 24 + 1).arg(hour);
}

int ProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_values.size());
}

int ProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double value = m_values[static_cast<std::size_t>(index.row())];
    if (index.column() == HourColumn) {
        switch (role) {
        case Qt::DisplayRole: return hourLabel(index.row(), rowCount());
        case RawValueRole: return index.row();
        default: return {};
        }
    }
    switch (role) {
    // Text for editing too: a double EditRole would get a QDoubleSpinBox with two decimals,
    // which rounds 0.125 requests/s away. setData reads the text back.
    case Qt::DisplayRole:
    case Qt::EditRole: return formatEditorNumber(value);
    case RawValueRole: return value;
    case Qt::TextAlignmentRole: return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return section == HourColumn ? tr("Hour") : tr("Requests/s");
    if (role == Qt::TextAlignmentRole && section == RateColumn)
        return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags ProfileModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RateColumn && !m_readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ProfileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || m_readOnly || index.column() != RateColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();

    bool ok = false;
    double v = 0;
    const int type = value.typeId();
    if (type == QMetaType::Double || type == QMetaType::Float || type == QMetaType::Int
        || type == QMetaType::LongLong || type == QMetaType::UInt || type == QMetaType::ULongLong) {
        v = value.toDouble(&ok);
    } else {
        // Files use the C locale ("1.5"); people type their own ("1,5"). Accept both, C first,
        // and C without group separators: else a German "1,500" (1.5) would be read as 1500.
        const QString text = value.toString().trimmed();
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::RejectGroupSeparator);
        v = c.toDouble(text, &ok);
        if (!ok)
            v = QLocale().toDouble(text, &ok);
        if (!ok) {
            Q_EMIT editRejected(row, text.isEmpty() ? tr("a value is required") : tr("not a number: %1").arg(text));
            return false;
        }
    }
    if (const std::string problem = Models::Rules::RequestRate.problem(v); !problem.empty()) {
        Q_EMIT editRejected(row, QString::fromStdString(problem));
        return false;
    }
    // Committing an editor without a change would otherwise put a no-op on the owner's undo stack.
    if (v != m_values[static_cast<std::size_t>(row)])
        Q_EMIT valueEdited(row, v);
    return true;
}

} // namespace Costscape::Ui
