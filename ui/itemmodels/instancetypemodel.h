// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricesheet.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace Costscape::Ui {

/**
 * The EC2 instance types of one region of a price sheet, for the price sheet dock. Columns: type,
 * vCPU, memory (GiB), Linux and Windows on-demand $/h, Linux $ per vCPU-hour, and Spot (the Spot
 * Instance Advisor's interruption band, with the spot $/h when the sheet has one).
 *
 * A price the sheet lacks shows as "—", never 0; its RawValueRole is +infinity so that it sorts
 * after every real price (InstanceTypeFilterModel keeps it last in both orders).
 */
class InstanceTypeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceTypeModel)

public:
    enum Column : int {
        TypeColumn,
        VcpuColumn,
        MemoryColumn,
        LinuxColumn,
        WindowsColumn,
        VcpuHourColumn,
        SpotColumn,
        ColumnCount,
    };
    enum Role : int {
        /**
         * The raw number of a numeric cell (+infinity when missing); the type name for the type
         * column; for the Spot column the lower bound of the interruption band in percent
         * ("<5%" gives 0, "5-10%" gives 5, ">20%" gives 20), +infinity when unknown.
         */
        RawValueRole = Qt::UserRole,
        /** QString: the family, "m5" for "m5.large". */
        FamilyRole,
        /** double: the Linux spot $/h, unset when the sheet has none. */
        SpotHourlyRole,
    };

    explicit InstanceTypeModel(QObject *parent = nullptr);

    /**
     * Shows the instance types of region (copied: the pointer need not outlive the call);
     * nullptr empties the model. currency labels the price headers ("USD" shows "$").
     */
    void setRegion(const Pricing::RegionPrices *region, const QString &currency);
    /** The type shown in row, or nullptr when row is out of range. */
    const Pricing::Ec2InstanceType *instanceType(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString currencyUnit() const;
    QVariant display(const Pricing::Ec2InstanceType &type, int column) const;
    QVariant raw(const Pricing::Ec2InstanceType &type, int column) const;
    QVariant toolTip(const Pricing::Ec2InstanceType &type, int column) const;

    std::vector<Pricing::Ec2InstanceType> m_types;
    QString m_currency = QStringLiteral("USD");
};

/**
 * Filters and sorts an InstanceTypeModel. setSearch takes space-separated terms that must all
 * match (case-insensitive):
 *  - plain text: part of the type name or family ("m5", "xlarge", "m7g.large");
 *  - comparisons `vcpu>=4`, `mem>=16` (also `memory`, `ram`), `price<=0.1` (Linux $/h) with
 *    `>=`, `<=`, `>`, `<`, `=`; a comparison with no valid number yet ("vcpu>=") is ignored, so
 *    the list does not empty while the user types;
 *  - `arm` / `graviton` / `arm64`: Graviton types; `x86` / `intel` / `amd`: the others.
 * Sorting uses RawValueRole: numbers numerically with missing prices last in either order, type
 * names by family and then size (Pricing::compareInstanceTypes: "c5.large, c5.xlarge, c5.2xlarge",
 * not the alphabet's "c5.2xlarge, c5.4xlarge, c5.large").
 */
class InstanceTypeFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceTypeFilterModel)

public:
    explicit InstanceTypeFilterModel(QObject *parent = nullptr);

    /** Replaces the search; an empty or blank text shows every type. */
    void setSearch(const QString &text);
    QString search() const { return m_search; }

    /**
     * Whether an instance family is AWS Graviton (arm64): a 'g' among the letters after the
     * generation digit ("m7g", "c6gn", "t4g", "r7gd", "x2gd", "g5g", "hpc7g"), or "a1". Price
     * sheets carry no architecture, and this is how AWS names its arm64 families.
     */
    static bool isArmFamily(const QString &family);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Term {
        enum class Kind {
            Text,
            Vcpu,
            Memory,
            Price,
            Arm,
            X86,
        };
        enum class Op {
            Less,
            LessOrEqual,
            Equal,
            GreaterOrEqual,
            Greater,
        };
        Kind kind = Kind::Text;
        Op op = Op::Equal;
        double number = 0;
        QString text;
    };
    static bool parseTerm(const QString &word, Term *term);

    QString m_search;
    std::vector<Term> m_terms;
};

} // namespace Costscape::Ui
