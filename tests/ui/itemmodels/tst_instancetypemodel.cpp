// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricesheet.h"
#include "ui/itemmodels/instancetypemodel.h"
#include "ui/panels/pricesheetpanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace Costscape;
using Ui::InstanceTypeFilterModel;
using Ui::InstanceTypeModel;

namespace {

const Pricing::RegionPrices &usEast1()
{
    const auto *region = Pricing::embeddedPriceSheet().region("us-east-1");
    if (!region)
        qFatal("the embedded sheet has no us-east-1");
    return *region;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

/** The names of the embedded us-east-1 types that pass keep, sorted. */
QStringList expectedTypes(const std::function<bool(const Pricing::Ec2InstanceType &)> &keep)
{
    QStringList out;
    for (const auto &[name, type] : usEast1().ec2)
        if (keep(type))
            out.push_back(qs(name));
    out.sort();
    return out;
}

QStringList shownTypes(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.push_back(model.index(r, InstanceTypeModel::TypeColumn).data().toString());
    out.sort();
    return out;
}

/** The Graviton rule as the brief words it: a 'g' among the letters after the generation digit. */
bool graviton(const Pricing::Ec2InstanceType &t)
{
    static const QRegularExpression re(QStringLiteral("^[a-z]+[0-9]+[a-z]*g[a-z]*$"));
    return re.match(qs(t.family())).hasMatch();
}

int rowOf(const QAbstractItemModel &model, const QString &type)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, InstanceTypeModel::TypeColumn).data().toString() == type)
            return r;
    return -1;
}

std::shared_ptr<const Pricing::PriceSheet> embeddedCopy()
{
    return std::make_shared<const Pricing::PriceSheet>(Pricing::embeddedPriceSheet());
}

} // namespace

class TestInstanceTypeModel : public QObject
{
    Q_OBJECT

private slots:
    void columns_showTheSheetsFigures();
    void missingWindowsPrice_showsDashAndSortsLast();
    void burstableTypes_sayWhyInTheTooltip();
    void nullRegion_isEmpty();
    void search_data();
    void search();
    void search_incompleteComparisonIsIgnored();
    void armFamilies_data();
    void armFamilies();
    void panel_showsSheetRegionsAndCount();
    void panel_searchBoxFilters();
    void panel_regionChoiceEmitsOnlyForTheUser();
    void panel_loadButtonAsksTheOwner();
};

void TestInstanceTypeModel::columns_showTheSheetsFigures()
{
    InstanceTypeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    QCOMPARE(model.rowCount(), static_cast<int>(usEast1().ec2.size()));
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(InstanceTypeModel::LinuxColumn, Qt::Horizontal).toString(), QStringLiteral("Linux $/h"));
    QCOMPARE(model.headerData(InstanceTypeModel::VcpuHourColumn, Qt::Horizontal).toString(),
             QStringLiteral("$/vCPU-h"));

    const Pricing::Ec2InstanceType &m5 = usEast1().ec2.at("m5.large");
    const int row = rowOf(model, QStringLiteral("m5.large"));
    QVERIFY(row >= 0);
    const auto raw = [&](int column) { return model.index(row, column).data(InstanceTypeModel::RawValueRole); };
    QCOMPARE(raw(InstanceTypeModel::TypeColumn).toString(), QStringLiteral("m5.large"));
    QCOMPARE(raw(InstanceTypeModel::VcpuColumn).toDouble(), m5.vcpu);
    QCOMPARE(raw(InstanceTypeModel::MemoryColumn).toDouble(), m5.memoryGib);
    QCOMPARE(raw(InstanceTypeModel::LinuxColumn).toDouble(), m5.onDemandHourly.at("linux"));
    QCOMPARE(raw(InstanceTypeModel::WindowsColumn).toDouble(), m5.onDemandHourly.at("windows"));
    QCOMPARE(raw(InstanceTypeModel::VcpuHourColumn).toDouble(), m5.onDemandHourly.at("linux") / m5.vcpu);
    QCOMPARE(model.index(row, InstanceTypeModel::LinuxColumn).data().toString(),
             QLocale::c().toString(m5.onDemandHourly.at("linux"), 'f', QLocale::FloatingPointShortest));
    QCOMPARE(model.index(row, InstanceTypeModel::SpotColumn).data().toString(), qs(m5.interruption));

    // Another currency labels the headers with its code.
    model.setRegion(&usEast1(), QStringLiteral("EUR"));
    QCOMPARE(model.headerData(InstanceTypeModel::WindowsColumn, Qt::Horizontal).toString(), QStringLiteral("Win EUR/h"));
}

void TestInstanceTypeModel::missingWindowsPrice_showsDashAndSortsLast()
{
    InstanceTypeModel model;
    InstanceTypeFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegion(&usEast1(), QStringLiteral("USD"));

    const QStringList withoutWindows = expectedTypes([](const auto &t) { return !t.onDemandHourly.count("windows"); });
    QVERIFY(!withoutWindows.isEmpty());
    QVERIFY(withoutWindows.contains(QStringLiteral("m7g.large")));
    const int m7g = rowOf(model, QStringLiteral("m7g.large"));
    QCOMPARE(model.index(m7g, InstanceTypeModel::WindowsColumn).data().toString(), QStringLiteral("\u2014"));
    QVERIFY(std::isinf(model.index(m7g, InstanceTypeModel::WindowsColumn).data(InstanceTypeModel::RawValueRole).toDouble()));

    const int missing = static_cast<int>(withoutWindows.size());
    const int total = filter.rowCount();
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        filter.sort(InstanceTypeModel::WindowsColumn, order);
        QStringList last;
        double previous = order == Qt::AscendingOrder ? -1 : 1e9;
        for (int r = 0; r < total; ++r) {
            const QModelIndex i = filter.index(r, InstanceTypeModel::WindowsColumn);
            const double v = i.data(InstanceTypeModel::RawValueRole).toDouble();
            if (r >= total - missing) {
                QCOMPARE(i.data().toString(), QStringLiteral("\u2014"));
                last.push_back(filter.index(r, InstanceTypeModel::TypeColumn).data().toString());
                continue;
            }
            QVERIFY2(std::isfinite(v), qPrintable(QStringLiteral("row %1 of %2").arg(r).arg(total)));
            QVERIFY(order == Qt::AscendingOrder ? v >= previous : v <= previous);
            previous = v;
        }
        last.sort();
        QCOMPARE(last, withoutWindows);
    }

    // Names sort by family, then size (issue 18: the text order was c5.2xlarge, c5.4xlarge,
    // c5.large, c5.xlarge), and backwards as a whole when the column is sorted descending.
    const QStringList readingOrder{QStringLiteral("c5.large"), QStringLiteral("c5.xlarge"), QStringLiteral("c5.2xlarge"),
                                   QStringLiteral("c5.4xlarge"), QStringLiteral("m5.large"), QStringLiteral("t3.micro"),
                                   QStringLiteral("t3.small"), QStringLiteral("t3.medium"), QStringLiteral("t3.large"),
                                   QStringLiteral("t3.xlarge"), QStringLiteral("t3.2xlarge")};
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        filter.sort(InstanceTypeModel::TypeColumn, order);
        for (qsizetype i = 1; i < readingOrder.size(); ++i) {
            const int before = rowOf(filter, readingOrder[i - 1]);
            const int after = rowOf(filter, readingOrder[i]);
            QVERIFY2(before >= 0 && after >= 0, qPrintable(readingOrder[i]));
            QVERIFY2(order == Qt::AscendingOrder ? before < after : before > after,
                     qPrintable(readingOrder[i - 1] + QStringLiteral(" / ") + readingOrder[i]));
        }
    }
}

void TestInstanceTypeModel::burstableTypes_sayWhyInTheTooltip()
{
    InstanceTypeModel model;
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    QCOMPARE(model.index(rowOf(model, QStringLiteral("t3.micro")), InstanceTypeModel::TypeColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Burstable: sustained CPU is a fraction of its vCPUs"));
    QVERIFY(model.index(rowOf(model, QStringLiteral("m5.large")), InstanceTypeModel::TypeColumn).data(Qt::ToolTipRole).isNull());
}

void TestInstanceTypeModel::nullRegion_isEmpty()
{
    InstanceTypeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRegion(nullptr, QStringLiteral("USD"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.instanceType(0), nullptr);
}

void TestInstanceTypeModel::search_data()
{
    using Type = Pricing::Ec2InstanceType;
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty-shows-all") << QString() << expectedTypes([](const Type &) { return true; });
    QTest::newRow("family-m5") << QStringLiteral("m5")
                               << expectedTypes([](const Type &t) { return qs(t.name).contains(QStringLiteral("m5")); });
    QTest::newRow("upper-case-M5") << QStringLiteral("M5")
                                   << expectedTypes([](const Type &t) { return qs(t.name).contains(QStringLiteral("m5")); });
    QTest::newRow("vcpu-at-least-8") << QStringLiteral("vcpu>=8") << expectedTypes([](const Type &t) { return t.vcpu >= 8; });
    QTest::newRow("mem-at-least-16") << QStringLiteral("mem>=16")
                                     << expectedTypes([](const Type &t) { return t.memoryGib >= 16; });
    QTest::newRow("vcpu-below-4-and-mem-above-4")
        << QStringLiteral("vcpu<4 mem>4") << expectedTypes([](const Type &t) { return t.vcpu < 4 && t.memoryGib > 4; });
    QTest::newRow("arm") << QStringLiteral("arm") << expectedTypes(graviton);
    QTest::newRow("graviton-mem-at-least-16")
        << QStringLiteral("graviton mem>=16") << expectedTypes([](const Type &t) { return graviton(t) && t.memoryGib >= 16; });
    QTest::newRow("m-vcpu-4-x86")
        << QStringLiteral("  m vcpu=4   x86 ")
        << expectedTypes([](const Type &t) { return qs(t.name).contains(QLatin1Char('m')) && t.vcpu == 4 && !graviton(t); });
    QTest::newRow("xlarge-vcpu-at-least-8")
        << QStringLiteral("xlarge vcpu>=8")
        << expectedTypes([](const Type &t) { return qs(t.name).contains(QStringLiteral("xlarge")) && t.vcpu >= 8; });
    QTest::newRow("no-match") << QStringLiteral("zz9") << QStringList();
}

void TestInstanceTypeModel::search()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    InstanceTypeModel model;
    InstanceTypeFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    filter.setSearch(search);
    QCOMPARE(shownTypes(filter), expected);
    if (!search.trimmed().isEmpty() && search != QStringLiteral("zz9"))
        QVERIFY(filter.rowCount() < model.rowCount() || expected.size() == model.rowCount());
    // The filter survives a change of region.
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    QCOMPARE(shownTypes(filter), expected);
}

void TestInstanceTypeModel::search_incompleteComparisonIsIgnored()
{
    InstanceTypeModel model;
    InstanceTypeFilterModel filter;
    filter.setSourceModel(&model);
    model.setRegion(&usEast1(), QStringLiteral("USD"));
    filter.setSearch(QStringLiteral("m5 vcpu>="));
    QCOMPARE(shownTypes(filter), expectedTypes([](const auto &t) { return qs(t.name).contains(QStringLiteral("m5")); }));
}

void TestInstanceTypeModel::armFamilies_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<bool>("arm");
    for (const char *f : {"m7g", "c6gn", "t4g", "r7gd", "x2gd", "g5g", "hpc7g", "a1", "im4gn", "M6G"})
        QTest::newRow(f) << QString::fromLatin1(f) << true;
    for (const char *f : {"m5", "c5n", "t3a", "g5", "g4ad", "m7i-flex", "p4d", "inf2", ""})
        QTest::newRow(*f ? f : "empty") << QString::fromLatin1(f) << false;
}

void TestInstanceTypeModel::armFamilies()
{
    QFETCH(QString, family);
    QFETCH(bool, arm);
    QCOMPARE(InstanceTypeFilterModel::isArmFamily(family), arm);
}

void TestInstanceTypeModel::panel_showsSheetRegionsAndCount()
{
    Ui::PriceSheetPanel panel;
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(panel.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    const auto sheet = embeddedCopy();
    panel.setPriceSheet(sheet, QStringLiteral("us-east-1"));

    const auto codes = sheet->regionCodes();
    QCOMPARE(panel.regionBox()->count(), static_cast<int>(codes.size()));
    for (std::size_t i = 0; i < codes.size(); ++i)
        QCOMPARE(panel.regionBox()->itemText(static_cast<int>(i)), qs(codes[i]));
    QCOMPARE(panel.regionBox()->currentText(), QStringLiteral("us-east-1"));
    QCOMPARE(panel.region(), QStringLiteral("us-east-1"));
    QCOMPARE(panel.table()->model(), panel.filter());
    QCOMPARE(panel.filter()->sourceModel(), panel.model());
    QVERIFY(panel.table()->isSortingEnabled());
    QCOMPARE(panel.model()->rowCount(), static_cast<int>(usEast1().ec2.size()));
    QCOMPARE(panel.searchBox()->placeholderText(), QStringLiteral("Filter: m5, vcpu>=4, mem>=16, arm"));
    const QString all = QString::number(usEast1().ec2.size());
    QCOMPARE(panel.countLabel()->text(), QStringLiteral("%1 of %1 instance types").arg(all));

    const QString provenance = panel.provenanceLabel()->text();
    QVERIFY2(provenance.startsWith(qs(sheet->provenance.name)), qPrintable(provenance));
    QVERIFY(provenance.contains(QStringLiteral("retrieved 2025-04-04")));
    QVERIFY(provenance.endsWith(QStringLiteral("embedded")));
    QVERIFY(panel.provenanceLabel()->toolTip().contains(qs(sheet->provenance.source)));

    // A region the sheet lacks: nothing to show, and the panel says so.
    panel.setRegion(QStringLiteral("ap-south-2"));
    QCOMPARE(panel.model()->rowCount(), 0);
    QCOMPARE(panel.regionBox()->currentIndex(), -1);
    QVERIFY(panel.countLabel()->text().contains(QStringLiteral("ap-south-2")));

    panel.setPriceSheet(nullptr, QStringLiteral("us-east-1"));
    QCOMPARE(panel.regionBox()->count(), 0);
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestInstanceTypeModel::panel_searchBoxFilters()
{
    Ui::PriceSheetPanel panel;
    QAbstractItemModelTester filterTester(panel.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    panel.setPriceSheet(embeddedCopy(), QStringLiteral("us-east-1"));

    QTest::keyClicks(panel.searchBox(), QStringLiteral("m5 vcpu>=4"));
    const QStringList expected = expectedTypes(
        [](const auto &t) { return qs(t.name).contains(QStringLiteral("m5")) && t.vcpu >= 4; });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(shownTypes(*panel.table()->model()), expected);
    QCOMPARE(panel.countLabel()->text(),
             QStringLiteral("%1 of %2 instance types").arg(expected.size()).arg(usEast1().ec2.size()));

    // Sorting by clicking a header works on the numbers, not their text.
    panel.table()->sortByColumn(InstanceTypeModel::LinuxColumn, Qt::AscendingOrder);
    double previous = 0;
    for (int r = 0; r < panel.filter()->rowCount(); ++r) {
        const double v = panel.filter()->index(r, InstanceTypeModel::LinuxColumn).data(InstanceTypeModel::RawValueRole).toDouble();
        QVERIFY(v >= previous);
        previous = v;
    }

    panel.searchBox()->clear();
    QCOMPARE(panel.filter()->rowCount(), panel.model()->rowCount());
}

void TestInstanceTypeModel::panel_regionChoiceEmitsOnlyForTheUser()
{
    Ui::PriceSheetPanel panel;
    panel.show();
    QSignalSpy chosen(&panel, &Ui::PriceSheetPanel::regionChosen);
    panel.setPriceSheet(embeddedCopy(), QStringLiteral("us-east-1"));
    panel.setRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(panel.regionBox()->currentText(), QStringLiteral("eu-west-1"));
    // eu-west-1 has no Windows prices in the embedded sheet.
    const int m5 = rowOf(*panel.model(), QStringLiteral("m5.large"));
    QCOMPARE(panel.model()->index(m5, InstanceTypeModel::WindowsColumn).data().toString(), QStringLiteral("\u2014"));

    // The user picks a region with the keyboard.
    panel.regionBox()->setFocus();
    const int before = panel.regionBox()->currentIndex();
    QTest::keyClick(panel.regionBox(), before + 1 < panel.regionBox()->count() ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(chosen.count(), 1);
    const QString picked = chosen.front().front().toString();
    QCOMPARE(picked, panel.regionBox()->currentText());
    QVERIFY(picked != QStringLiteral("eu-west-1"));
    QCOMPARE(panel.region(), picked);
    const auto *prices = Pricing::embeddedPriceSheet().region(picked.toStdString());
    QVERIFY(prices);
    QCOMPARE(panel.model()->rowCount(), static_cast<int>(prices->ec2.size()));
}

void TestInstanceTypeModel::panel_loadButtonAsksTheOwner()
{
    Ui::PriceSheetPanel panel;
    panel.show();
    QSignalSpy load(&panel, &Ui::PriceSheetPanel::loadRequested);
    QCOMPARE(panel.loadButton()->text(), QStringLiteral("Load price sheet\u2026"));
    QTest::mouseClick(panel.loadButton(), Qt::LeftButton);
    QCOMPARE(load.count(), 1);
}

QTEST_MAIN(TestInstanceTypeModel)
#include "tst_instancetypemodel.moc"
