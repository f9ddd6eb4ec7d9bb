// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/scenario.h"
#include "ui/optioncolors.h"

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace Costscape::Ui {

/**
 * The scenario's deployment options as a checkable list: "id — Platform title", checked when the
 * option is enabled, with its monthly cost after the name once setCosts has given one.
 *
 * Each row's decoration is the option's own colour (OptionColors), the one the charts draw it in.
 *
 * Toggling a check box does not change the model: enabledToggled is emitted and the owner
 * applies it (through its undo stack) and calls setOptions again.
 */
class OptionListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionListModel)

public:
    enum Role : int {
        /** QString: the option id. */
        IdRole = Qt::UserRole,
        /** QString: the formatted monthly cost given by setCosts, empty when there is none. */
        CostRole,
        /** QString: the platform's name in the scenario format ("lambda", "ecs-ec2"). */
        PlatformRole,
    };

    explicit OptionListModel(QObject *parent = nullptr);

    /** Shows options (copied); resets only when the ids or their order change, else emits dataChanged. */
    void setOptions(const std::vector<Models::OptionSpec> &options);
    /**
     * Monthly costs to show, by option id, already formatted ("$169.40"); ids without an entry
     * show none (a disabled option is not evaluated). Emits dataChanged.
     */
    void setCosts(const QHash<QString, QString> &costById);
    /**
     * The options' colours, shown as each row's decoration. Until they are set, options take
     * colours in the order they are first shown. Emits dataChanged for the decorations.
     */
    void setOptionColors(const OptionColors &colors);
    /** The row of the option with this id, or -1. */
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /**
     * Qt::CheckStateRole only: emits enabledToggled(row, checked) when the state differs from the
     * option's and returns true, without changing the data. Anything else returns false.
     */
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void enabledToggled(int row, bool enabled);

private:
    struct Item {
        QString id;
        Models::Platform platform = Models::Platform::Lambda;
        bool enabled = true;
    };

    QString name(const Item &item) const;

    std::vector<Item> m_items;
    QHash<QString, QString> m_costs;
    OptionColors m_colors;
};

} // namespace Costscape::Ui
