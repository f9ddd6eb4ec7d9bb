// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/optionlistmodel.h"

#include <QColor>

namespace Costscape::Ui {

OptionListModel::OptionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void OptionListModel::setOptions(const std::vector<Models::OptionSpec> &options)
{
    std::vector<Item> items;
    items.reserve(options.size());
    std::vector<std::string> ids;
    for (const Models::OptionSpec &o : options) {
        items.push_back({QString::fromStdString(o.id), o.platform(), o.enabled});
        ids.push_back(o.id);
    }
    m_colors.include(ids);

    bool sameIds = items.size() == m_items.size();
    for (std::size_t i = 0; sameIds && i < items.size(); ++i)
        sameIds = items[i].id == m_items[i].id;
    if (sameIds) {
        // Same rows: a toggle or a platform change keeps the current row and selection.
        m_items = std::move(items);
        if (!m_items.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

void OptionListModel::setCosts(const QHash<QString, QString> &costById)
{
    m_costs = costById;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole, CostRole});
}

void OptionListModel::setOptionColors(const OptionColors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

int OptionListModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int OptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QString OptionListModel::name(const Item &item) const
{
    return tr("%1 \u2014 %2").arg(item.id, QString::fromLatin1(Models::platformTitle(item.platform)));
}

QVariant OptionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items[static_cast<std::size_t>(index.row())];
    const QString cost = item.enabled ? m_costs.value(item.id) : QString();
    switch (role) {
    case Qt::DisplayRole:
        // One line, the cost set off by spaces: a second line would double every row's height.
        return cost.isEmpty() ? name(item) : name(item) + QStringLiteral("   ") + cost;
    case Qt::ToolTipRole:
        if (!item.enabled)
            return tr("%1\nDisabled: kept in the scenario, not evaluated").arg(name(item));
        return cost.isEmpty() ? name(item) : tr("%1\nMonthly cost: %2").arg(name(item), cost);
    case Qt::CheckStateRole:
        return static_cast<int>(item.enabled ? Qt::Checked : Qt::Unchecked);
    case Qt::DecorationRole:
        return m_colors.color(item.id.toStdString());
    case IdRole:
        return item.id;
    case CostRole:
        return cost;
    case PlatformRole:
        return QString::fromLatin1(Models::platformName(item.platform));
    default:
        return {};
    }
}

Qt::ItemFlags OptionListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool OptionListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled != m_items[static_cast<std::size_t>(index.row())].enabled)
        Q_EMIT enabledToggled(index.row(), enabled);
    return true;
}

} // namespace Costscape::Ui
