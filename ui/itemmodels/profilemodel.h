// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace Costscape::Ui {

/**
 * An hourly workload profile (requests per second, hour by hour) as a two-column table: "Hour"
 * and "Requests/s". Hours are labelled by the profile's length: 24 values "00:00".."23:00", 168
 * values "Mon 00:00".."Sun 23:00", any other length "Day 1 00:00", "Day 1 01:00", ...
 *
 * Editing does not change the model: a valid edit is announced with valueEdited, and the owner
 * applies it (through its undo stack) and calls setValue. An invalid one is refused with the
 * reason the scenario format gives (Models::Rules::RequestRate).
 */
class ProfileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileModel)

public:
    enum Column : int {
        HourColumn,
        RateColumn,
        ColumnCount,
    };
    /** The raw double of the rate column (and of the hour column: the slot's index). */
    static constexpr int RawValueRole = Qt::UserRole;

    explicit ProfileModel(QObject *parent = nullptr);

    /** Shows perSecond; resets only when the length changes, else emits dataChanged. */
    void setProfile(const std::vector<double> &perSecond);
    const std::vector<double> &profile() const { return m_values; }
    /** Sets one value (an edit the owner has applied); emits dataChanged. Ignored out of range. */
    void setValue(int row, double value);
    /** A read-only profile (a constant or monthly workload shown for reference) has no editable cells. */
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /** "00:00", "Tue 13:00" or "Day 3 07:00" for row of a profile of count values. */
    static QString hourLabel(int row, int count);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /**
     * Reads the rate column's text (C locale, then the user's; a number is taken as is) and
     * checks it. Valid: emits valueEdited and returns true, leaving the data as it was (an
     * unchanged value emits nothing). Invalid: emits editRejected with the reason and returns
     * false. Other columns, roles and read-only models return false without a signal.
     */
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void valueEdited(int row, double value);
    void editRejected(int row, const QString &reason);

private:
    std::vector<double> m_values;
    bool m_readOnly = false;
};

} // namespace Costscape::Ui
