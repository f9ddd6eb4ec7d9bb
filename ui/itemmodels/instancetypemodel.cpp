// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/instancetypemodel.h"
#include "ui/uitext.h"

#include "ui/itemmodels/lineitemmodel.h"

#include "pricing/instancetypeorder.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <optional>

namespace Costscape::Ui {

namespace {

constexpr double Missing = std::numeric_limits<double>::infinity();
const QString Dash = QStringLiteral("\u2014");


std::optional<double> price(const std::map<std::string, double> &byOs, const char *os)
{
    const auto it = byOs.find(os);
    if (it == byOs.end())
        return std::nullopt;
    return it->second;
}

/** The band's lower bound in percent: "<5%" 0, "5-10%" 5, ">20%" 20; +infinity when unknown. */
double bandRank(const std::string &band)
{
    static const QRegularExpression number(QStringLiteral("(\\d+(?:\\.\\d+)?)"));
    const QString b = qs(band).trimmed();
    if (b.isEmpty())
        return Missing;
    if (b.startsWith(QLatin1Char('<')))
        return 0;
    const auto m = number.match(b);
    return m.hasMatch() ? m.captured(1).toDouble() : Missing;
}

/** A plain number for a column whose header carries the unit: "0.0416", "16", "0.5". */
QString plainNumber(double value, int significant)
{
    if (value == 0)
        return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const int decimals = std::max(0, significant - 1 - magnitude);
    return trimZeros(QLocale::c().toString(value, 'f', std::min(decimals, 20)));
}

} // namespace

InstanceTypeModel::InstanceTypeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void InstanceTypeModel::setRegion(const Pricing::RegionPrices *region, const QString &currency)
{
    beginResetModel();
    m_types.clear();
    if (region) {
        m_types.reserve(region->ec2.size());
        for (const auto &[name, type] : region->ec2)
            m_types.push_back(type);
    }
    m_currency = currency.isEmpty() ? QStringLiteral("USD") : currency;
    endResetModel();
}

const Pricing::Ec2InstanceType *InstanceTypeModel::instanceType(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_types[static_cast<std::size_t>(row)];
}

int InstanceTypeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_types.size());
}

int InstanceTypeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstanceTypeModel::currencyUnit() const
{
    return m_currency == QLatin1String("USD") ? QStringLiteral("$") : m_currency;
}

QVariant InstanceTypeModel::display(const Pricing::Ec2InstanceType &type, int column) const
{
    const auto priceText = [](std::optional<double> p) { return p ? plainNumber(*p, 10) : Dash; };
    switch (column) {
    case TypeColumn: return qs(type.name);
    case VcpuColumn: return plainNumber(type.vcpu, 6);
    case MemoryColumn: return plainNumber(type.memoryGib, 6);
    case LinuxColumn: return priceText(price(type.onDemandHourly, "linux"));
    case WindowsColumn: return priceText(price(type.onDemandHourly, "windows"));
    case VcpuHourColumn: {
        const auto linuxHourly = price(type.onDemandHourly, "linux");
        // A derived figure: 6 significant digits are plenty to compare types by.
        return linuxHourly && type.vcpu > 0 ? plainNumber(*linuxHourly / type.vcpu, 6) : Dash;
    }
    case SpotColumn: {
        QStringList parts;
        if (!type.interruption.empty())
            parts.push_back(qs(type.interruption));
        if (const auto spot = price(type.spotHourly, "linux"))
            parts.push_back(tr("%1/h").arg(formatUnitPrice(*spot, m_currency)));
        return parts.isEmpty() ? Dash : parts.join(QStringLiteral(" \u00b7 "));
    }
    default: return {};
    }
}

QVariant InstanceTypeModel::raw(const Pricing::Ec2InstanceType &type, int column) const
{
    switch (column) {
    case TypeColumn: return qs(type.name);
    case VcpuColumn: return type.vcpu;
    case MemoryColumn: return type.memoryGib;
    case LinuxColumn: return price(type.onDemandHourly, "linux").value_or(Missing);
    case WindowsColumn: return price(type.onDemandHourly, "windows").value_or(Missing);
    case VcpuHourColumn: {
        const auto linuxHourly = price(type.onDemandHourly, "linux");
        return linuxHourly && type.vcpu > 0 ? *linuxHourly / type.vcpu : Missing;
    }
    case SpotColumn: return bandRank(type.interruption);
    default: return {};
    }
}

QVariant InstanceTypeModel::toolTip(const Pricing::Ec2InstanceType &type, int column) const
{
    switch (column) {
    case TypeColumn:
    case VcpuColumn:
        if (type.isBurstable())
            return tr("Burstable: sustained CPU is a fraction of its vCPUs");
        return {};
    case WindowsColumn:
        if (!price(type.onDemandHourly, "windows"))
            return tr("The price sheet has no Windows price for this type in this region");
        return {};
    case SpotColumn: {
        QStringList lines;
        if (!type.interruption.empty())
            lines.push_back(tr("Spot Instance Advisor: interruptions %1 of the time").arg(qs(type.interruption)));
        if (type.spotAdvisorSavingsPercent)
            lines.push_back(tr("Average saving over on-demand: %1%").arg(*type.spotAdvisorSavingsPercent));
        if (const auto spot = price(type.spotHourly, "linux"))
            lines.push_back(tr("Spot price (Linux): %1/h").arg(formatUnitPrice(*spot, m_currency)));
        else
            lines.push_back(tr("No spot price in the sheet"));
        return lines.join(QLatin1Char('\n'));
    }
    default: return {};
    }
}

QVariant InstanceTypeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Pricing::Ec2InstanceType &type = m_types[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(type, column);
    case RawValueRole:
        return raw(type, column);
    case FamilyRole:
        return qs(type.family());
    case SpotHourlyRole:
        if (const auto spot = price(type.spotHourly, "linux"))
            return *spot;
        return {};
    case Qt::ToolTipRole:
        return toolTip(type, column);
    case Qt::TextAlignmentRole:
        return static_cast<int>((column == TypeColumn || column == SpotColumn ? Qt::AlignLeft : Qt::AlignRight)
                                | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant InstanceTypeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MemoryColumn: return tr("Memory in GiB");
        case LinuxColumn: return tr("Linux on-demand price per hour");
        case WindowsColumn: return tr("Windows on-demand price per hour, licence included");
        case VcpuHourColumn: return tr("Linux on-demand price per vCPU-hour: how cheap its CPU is");
        case SpotColumn: return tr("Spot Instance Advisor interruption frequency, and the spot price when the sheet has one");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QString unit = currencyUnit();
    switch (section) {
    case TypeColumn: return tr("Type");
    case VcpuColumn: return tr("vCPU");
    case MemoryColumn: return tr("GiB");
    case LinuxColumn: return tr("Linux %1/h").arg(unit);
    case WindowsColumn: return tr("Win %1/h").arg(unit);
    case VcpuHourColumn: return tr("%1/vCPU-h").arg(unit);
    case SpotColumn: return tr("Spot");
    default: return {};
    }
}

InstanceTypeFilterModel::InstanceTypeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(InstanceTypeModel::RawValueRole);
}

bool InstanceTypeFilterModel::isArmFamily(const QString &family)
{
    const QString f = family.toLower();
    if (f == QLatin1String("a1"))
        return true;
    qsizetype i = 0;
    while (i < f.size() && !f[i].isDigit())
        ++i;
    if (i == 0 || i == f.size())
        return false;
    while (i < f.size() && f[i].isDigit())
        ++i;
    // The attribute letters: "g" Graviton, "d" local NVMe, "n" network, "a" AMD, "i" Intel...
    for (; i < f.size() && f[i] != QLatin1Char('-'); ++i)
        if (f[i] == QLatin1Char('g'))
            return true;
    return false;
}

bool InstanceTypeFilterModel::parseTerm(const QString &word, Term *term)
{
    static const QRegularExpression comparison(QStringLiteral("^([a-z]+)(>=|<=|==|=|>|<)(.*)$"));
    const auto m = comparison.match(word);
    if (m.hasMatch()) {
        const QString key = m.captured(1);
        if (key == QLatin1String("vcpu") || key == QLatin1String("vcpus") || key == QLatin1String("cpu"))
            term->kind = Term::Kind::Vcpu;
        else if (key == QLatin1String("mem") || key == QLatin1String("memory") || key == QLatin1String("ram")
                 || key == QLatin1String("gib"))
            term->kind = Term::Kind::Memory;
        else if (key == QLatin1String("price") || key == QLatin1String("linux"))
            term->kind = Term::Kind::Price;
        else
            return false;
        const QString op = m.captured(2);
        if (op == QLatin1String(">="))
            term->op = Term::Op::GreaterOrEqual;
        else if (op == QLatin1String("<="))
            term->op = Term::Op::LessOrEqual;
        else if (op == QLatin1String(">"))
            term->op = Term::Op::Greater;
        else if (op == QLatin1String("<"))
            term->op = Term::Op::Less;
        else
            term->op = Term::Op::Equal;
        bool ok = false;
        QString number = m.captured(3);
        number.remove(QLatin1Char('$'));
        term->number = QLocale::c().toDouble(number, &ok);
        if (!ok)
            term->number = QLocale().toDouble(number, &ok);
        // "vcpu>=" while the user is still typing: no term rather than no rows.
        return ok && std::isfinite(term->number);
    }
    if (word == QLatin1String("arm") || word == QLatin1String("arm64") || word == QLatin1String("graviton")) {
        term->kind = Term::Kind::Arm;
        return true;
    }
    if (word == QLatin1String("x86") || word == QLatin1String("x86_64") || word == QLatin1String("intel")
        || word == QLatin1String("amd")) {
        term->kind = Term::Kind::X86;
        return true;
    }
    term->kind = Term::Kind::Text;
    term->text = word;
    return true;
}

void InstanceTypeFilterModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms.clear();
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        Term term;
        if (parseTerm(w.trimmed(), &term))
            m_terms.push_back(std::move(term));
    }
    invalidateFilter();
}

bool InstanceTypeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.empty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    const auto value = [&](int column) {
        return source->data(source->index(sourceRow, column, sourceParent), InstanceTypeModel::RawValueRole);
    };
    const QString name = value(InstanceTypeModel::TypeColumn).toString();
    QString family = source->data(source->index(sourceRow, InstanceTypeModel::TypeColumn, sourceParent),
                                  InstanceTypeModel::FamilyRole).toString();
    if (family.isEmpty())
        family = name.section(QLatin1Char('.'), 0, 0);

    const auto compare = [](double v, const Term &t) {
        switch (t.op) {
        case Term::Op::Less: return v < t.number;
        case Term::Op::LessOrEqual: return v <= t.number;
        case Term::Op::Equal: return v == t.number;
        case Term::Op::GreaterOrEqual: return v >= t.number;
        case Term::Op::Greater: return v > t.number;
        }
        return false;
    };
    for (const Term &t : m_terms) {
        bool ok = false;
        switch (t.kind) {
        case Term::Kind::Text:
            ok = name.contains(t.text, Qt::CaseInsensitive) || family.contains(t.text, Qt::CaseInsensitive);
            break;
        case Term::Kind::Vcpu:
            ok = compare(value(InstanceTypeModel::VcpuColumn).toDouble(), t);
            break;
        case Term::Kind::Memory:
            ok = compare(value(InstanceTypeModel::MemoryColumn).toDouble(), t);
            break;
        case Term::Kind::Price: {
            // A type without a Linux price (+infinity) never matches a price bound.
            const double p = value(InstanceTypeModel::LinuxColumn).toDouble();
            ok = std::isfinite(p) && compare(p, t);
            break;
        }
        case Term::Kind::Arm:
            ok = isArmFamily(family);
            break;
        case Term::Kind::X86:
            ok = !isArmFamily(family);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

bool InstanceTypeFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const bool numeric = l.typeId() == QMetaType::Double || r.typeId() == QMetaType::Double;
    if (!numeric) // the type column: family, then size (nano .. 48xlarge, metal)
        return Pricing::instanceTypeLess(l.toString().toStdString(), r.toString().toStdString());
    const double a = l.isValid() ? l.toDouble() : Missing;
    const double b = r.isValid() ? r.toDouble() : Missing;
    const bool aMissing = !std::isfinite(a);
    const bool bMissing = !std::isfinite(b);
    if (aMissing || bMissing) {
        if (aMissing == bMissing)
            return false;
        // A descending sort asks lessThan(right, left): answer so that missing ends up last both ways.
        const bool missingIsGreatest = sortOrder() == Qt::AscendingOrder;
        return aMissing ? !missingIsGreatest : missingIsGreatest;
    }
    return a < b;
}

} // namespace Costscape::Ui
