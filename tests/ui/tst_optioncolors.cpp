// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/windowtesting.h"

#include "report/chartset.h"
#include "report/reportbuilder.h"
#include "models/trafficsweep.h"
#include "ui/charts/hourlychart.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/timelinechart.h"
#include "ui/charts/trafficchart.h"
#include "ui/document/scenariodocument.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/itemmodels/optionlistmodel.h"
#include "ui/itemmodels/scalingmodel.h"
#include "ui/mainwindow.h"
#include "ui/optioncolors.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/resultspanel.h"

#include <qcustomplot.h>

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace Costscape;

Q_DECLARE_METATYPE(std::vector<std::string>)
Q_DECLARE_METATYPE(std::vector<std::vector<std::string>>)

/**
 * One colour per option, the same in the options list, the charts and their legends, the tables
 * and the report, kept when options are added, removed, reordered or renamed (issue 18: the list
 * coloured by platform while the charts coloured by position).
 */
class TestOptionColors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void update_keepsEveryRemainingOptionsColour_data();
    void update_keepsEveryRemainingOptionsColour();
    void update_neverGivesTwoCurrentOptionsOneColour();
    void include_givesEachNewIdTheSlotOfTheRule();
    void partColors_standApartFromOptionColours();
    void window_listChartsAndTablesAgree_data();
    void window_listChartsAndTablesAgree();
    void report_drawsTheWindowsColours();

private:
    QTemporaryDir m_settingsDir;
};

namespace {

using Ids = std::vector<std::string>;

std::vector<std::string> idsOf(const Models::Scenario &s)
{
    std::vector<std::string> ids;
    for (const auto &o : s.options)
        ids.push_back(o.id);
    return ids;
}

/** CIELAB of an sRGB colour (D65), for colour differences as people see them. */
std::array<double, 3> lab(const QColor &c)
{
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double distance(const QColor &a, const QColor &b)
{
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The pen colour of the first graph named @p id in @p chart, invalid when there is none. */
QColor lineColor(const Ui::ChartBase &chart, const QString &id)
{
    for (int i = 0; i < chart.plot()->graphCount(); ++i)
        if (chart.plot()->graph(i)->name() == id)
            return chart.plot()->graph(i)->pen().color();
    return {};
}

/** Every place the window shows option @p id's colour, by place, for a settled window. */
std::map<QString, QColor> colorsShown(Ui::MainWindow &w, const std::string &id)
{
    const QString qid = QString::fromStdString(id);
    std::map<QString, QColor> shown;
    auto *list = w.optionsPanel()->model();
    shown[QStringLiteral("options list")] = list->index(list->rowOf(qid)).data(Qt::DecorationRole).value<QColor>();
    const auto &e = *w.evaluation();
    for (std::size_t i = 0; i < e.options.size(); ++i)
        if (e.options[i].id == id)
            shown[QStringLiteral("monthly chart")] = w.results()->monthlyChart()->chipColor(static_cast<int>(i));
    auto *items = w.results()->lineItemModel();
    const int total = items->optionTotalRow(qid);
    if (total >= 0)
        shown[QStringLiteral("line items")] = items->index(total, Ui::LineItemModel::OptionColumn).data(Qt::DecorationRole).value<QColor>();
    shown[QStringLiteral("traffic chart")] = lineColor(*w.results()->trafficChart(), qid);
    shown[QStringLiteral("hour-by-hour chart")] = lineColor(*w.results()->hourlyChart(), qid);
    shown[QStringLiteral("spike chart")] = lineColor(*w.results()->timelineChart(), qid);
    auto *scaling = w.results()->scalingModel();
    for (int row = 0; row < scaling->rowCount(); ++row)
        if (scaling->index(row, 0).data(Ui::ScalingModel::RawValueRole).toString() == qid)
            shown[QStringLiteral("spike table")] = scaling->index(row, 0).data(Qt::DecorationRole).value<QColor>();
    return shown;
}

/** Visits every results tab, so that each chart shows the newest result. */
bool showEveryTab(Ui::MainWindow &w)
{
    for (const auto tab : {Ui::ResultsPanel::TrafficTab, Ui::ResultsPanel::HourlyTab, Ui::ResultsPanel::SpikeTab,
                           Ui::ResultsPanel::LineItemsTab, Ui::ResultsPanel::MonthlyTab}) {
        w.results()->setCurrentTab(tab);
        if (!Testing::settle(w))
            return false;
    }
    return true;
}

} // namespace

void TestOptionColors::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestOptionColors::init()
{
    QSettings().clear();
}

void TestOptionColors::update_keepsEveryRemainingOptionsColour_data()
{
    QTest::addColumn<Ids>("opened");
    QTest::addColumn<std::vector<Ids>>("edits");
    QTest::addColumn<QStringList>("renamed"); // "old=new": a rename keeps the old id's colour
    const Ids six{"lambda-x86", "lambda-arm", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"};
    QTest::newRow("add-at-the-end") << six << std::vector<Ids>{{"lambda-x86", "lambda-arm", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster", "lambda"}} << QStringList();
    QTest::newRow("add-at-the-front") << six << std::vector<Ids>{{"new", "lambda-x86", "lambda-arm", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"}} << QStringList();
    QTest::newRow("remove-the-second") << six << std::vector<Ids>{{"lambda-x86", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"}} << QStringList();
    QTest::newRow("reverse-the-order") << six << std::vector<Ids>{{"ecs-cluster", "ec2-spot", "ec2-on-demand", "fargate", "lambda-arm", "lambda-x86"}} << QStringList();
    QTest::newRow("rename-one") << six << std::vector<Ids>{{"lambda-x86", "lambda-arm", "tasks", "ec2-on-demand", "ec2-spot", "ecs-cluster"}} << QStringList{QStringLiteral("fargate=tasks")};
    QTest::newRow("remove-then-undo") << six << std::vector<Ids>{{"lambda-x86", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"}, six} << QStringList();
    QTest::newRow("remove-add-then-undo-both") << six
        << std::vector<Ids>{{"lambda-x86", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"},
                            {"lambda-x86", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster", "lambda"},
                            {"lambda-x86", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster"},
                            six} << QStringList();
}

void TestOptionColors::update_keepsEveryRemainingOptionsColour()
{
    QFETCH(Ids, opened);
    QFETCH(std::vector<Ids>, edits);
    QFETCH(QStringList, renamed);
    Ui::OptionColors colors = Ui::OptionColors::inOrder(opened);
    std::map<std::string, QColor> first;
    for (const std::string &id : opened)
        first[id] = colors.color(id);
    for (const QString &pair : renamed)
        first[pair.section(QLatin1Char('='), 1).toStdString()] = first[pair.section(QLatin1Char('='), 0, 0).toStdString()];
    for (const Ids &ids : edits) {
        colors.update(ids);
        for (const std::string &id : ids) {
            if (first.contains(id))
                QVERIFY2(colors.color(id) == first[id], id.c_str());
            else
                first[id] = colors.color(id);
        }
    }
}

void TestOptionColors::update_neverGivesTwoCurrentOptionsOneColour()
{
    Ui::OptionColors colors = Ui::OptionColors::inOrder({"a", "b", "c"});
    // Churn: options come and go, and ids come back after their colour was given away.
    const std::vector<Ids> steps{{"a", "c"}, {"a", "c", "d"}, {"a", "c", "d", "e", "f", "g", "h"},
                                 {"a", "b", "c", "d", "e", "f", "g", "h"}, {"h", "g", "f", "e", "d", "c", "b", "a", "x", "y"}};
    for (const Ids &ids : steps) {
        colors.update(ids);
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j)
                QVERIFY2(colors.slot(ids[i]) != colors.slot(ids[j]), (ids[i] + " and " + ids[j]).c_str());
    }
    // Seven options: the seven Okabe-Ito colours, no variant yet.
    Ui::OptionColors seven = Ui::OptionColors::inOrder({"1", "2", "3", "4", "5", "6", "7"});
    for (const char *id : {"1", "2", "3", "4", "5", "6", "7"})
        QVERIFY(seven.slot(id) < 7);
}

void TestOptionColors::include_givesEachNewIdTheSlotOfTheRule()
{
    // include() gives each unknown id, in turn, the lowest slot that no id of the call holds and
    // no id ever seen holds, unless that leaves the seven base colours while a removed option's
    // colour is free (then that one). Worked here the plain way, from scratch for every id, over
    // random histories with removed options, and for a report's chart of 1,000 new options.
    std::mt19937 rng(13);
    for (int round = 0; round < 300; ++round) {
        Ids first;
        const int opened = static_cast<int>(rng() % 12);
        for (int i = 0; i < opened; ++i)
            first.push_back("o" + std::to_string(i));
        Ui::OptionColors colors = Ui::OptionColors::inOrder(first);
        Ids kept; // some options removed: their slots are remembered
        for (const std::string &id : first)
            if (rng() % 3 != 0)
                kept.push_back(id);
        colors.update(kept);
        std::map<std::string, int> known;
        for (const std::string &id : first)
            known[id] = colors.slot(id);
        Ids asked; // known ids (current or removed) and new ones, shuffled
        for (const std::string &id : first)
            if (rng() % 2 == 0)
                asked.push_back(id);
        const int fresh = round == 0 ? 1000 : static_cast<int>(rng() % 15);
        for (int i = 0; i < fresh; ++i)
            asked.push_back("n" + std::to_string(i));
        std::shuffle(asked.begin(), asked.end(), rng);
        if (!asked.empty() && rng() % 4 == 0)
            asked.push_back(asked.front()); // an id twice
        std::map<std::string, int> expected = known;
        for (const std::string &id : asked) {
            if (expected.contains(id))
                continue;
            std::set<int> held;
            for (const std::string &a : asked)
                if (expected.contains(a))
                    held.insert(expected.at(a));
            std::set<int> remembered;
            for (const auto &[k, s] : expected)
                remembered.insert(s);
            int unused = 0;
            while (held.contains(unused) || remembered.contains(unused))
                ++unused;
            int free = 0;
            while (held.contains(free))
                ++free;
            expected[id] = unused < 7 || free >= 7 ? unused : free;
        }
        colors.include(asked);
        for (const auto &[id, s] : expected)
            QVERIFY2(colors.slot(id) == s, qPrintable(QStringLiteral("round %1, %2: slot %3, expected %4")
                                                          .arg(round).arg(QString::fromStdString(id)).arg(colors.slot(id)).arg(s)));
    }
}

void TestOptionColors::partColors_standApartFromOptionColours()
{
    // A line item must not read as an option: every part colour is at least 12 CIELAB units
    // from every option colour and from the greys of an infeasible option's bar.
    const QColor greys[] = {QColor(0x9e, 0x9e, 0x9e), QColor(0x7a, 0x7a, 0x7a)};
    for (int part = 0; part < 6; ++part) {
        const QColor p = Ui::OptionColors::partColor(part);
        for (int slot = 0; slot < 7; ++slot)
            QVERIFY2(distance(p, Ui::OptionColors::slotColor(slot)) >= 12,
                     qPrintable(QStringLiteral("part %1 and option colour %2").arg(part).arg(slot)));
        for (const QColor &grey : greys)
            QVERIFY2(distance(p, grey) >= 12, qPrintable(QStringLiteral("part %1 and grey").arg(part)));
        // Neighbours in a stack differ in lightness, which every colour vision sees.
        QVERIFY(std::abs(lab(p)[0] - lab(Ui::OptionColors::partColor(part + 1))[0]) >= 15);
    }
    // And the option colours stand apart from each other.
    for (int a = 0; a < 7; ++a)
        for (int b = a + 1; b < 7; ++b)
            QVERIFY(distance(Ui::OptionColors::slotColor(a), Ui::OptionColors::slotColor(b)) >= 20);
}

void TestOptionColors::window_listChartsAndTablesAgree_data()
{
    QTest::addColumn<QString>("edit");
    QTest::newRow("as-opened") << QString();
    QTest::newRow("lambda-added") << QStringLiteral("add");
    QTest::newRow("lambda-arm-removed") << QStringLiteral("remove");
    QTest::newRow("options-reversed") << QStringLiteral("reverse");
    QTest::newRow("fargate-renamed-tasks") << QStringLiteral("rename");
    QTest::newRow("lambda-arm-removed-then-undone") << QStringLiteral("remove-undo");
}

void TestOptionColors::window_listChartsAndTablesAgree()
{
    QFETCH(QString, edit);
    Ui::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openScenario(Testing::SampleScenario, true));
    QVERIFY(showEveryTab(w));
    std::map<std::string, QColor> before;
    for (const std::string &id : idsOf(w.document()->scenario()))
        before[id] = colorsShown(w, id).at(QStringLiteral("options list"));

    auto *panel = w.optionsPanel();
    if (edit == QLatin1String("add")) {
        panel->addOption(Models::Platform::Lambda);
    } else if (edit.startsWith(QLatin1String("remove"))) {
        panel->select(1);
        panel->removeSelected();
        if (edit.endsWith(QLatin1String("undo")))
            w.document()->undoStack()->undo();
    } else if (edit == QLatin1String("reverse")) {
        w.document()->edit(QStringLiteral("Reverse"), [](Models::Scenario &s) { std::reverse(s.options.begin(), s.options.end()); });
    } else if (edit == QLatin1String("rename")) {
        w.document()->edit(QStringLiteral("Rename"), [](Models::Scenario &s) {
            for (auto &o : s.options)
                if (o.id == "fargate")
                    o.id = "tasks";
        });
        before["tasks"] = before["fargate"];
    }
    QVERIFY(showEveryTab(w));

    std::map<QColor, std::string, bool (*)(const QColor &, const QColor &)> owner(
        [](const QColor &a, const QColor &b) { return a.rgba() < b.rgba(); });
    for (const std::string &id : idsOf(w.document()->scenario())) {
        const auto shown = colorsShown(w, id);
        const QColor listed = shown.at(QStringLiteral("options list"));
        QVERIFY2(listed.isValid(), id.c_str());
        if (before.contains(id))
            QVERIFY2(listed == before[id], qPrintable(QStringLiteral("%1 changed colour").arg(QString::fromStdString(id))));
        int places = 0;
        for (const auto &[place, color] : shown) {
            if (place == QLatin1String("options list") || !color.isValid())
                continue; // an option a chart does not draw (no spike response, say)
            ++places;
            QVERIFY2(color == listed, qPrintable(QStringLiteral("%1 in the %2: %3, in the list %4")
                                                     .arg(QString::fromStdString(id), place, color.name(), listed.name())));
        }
        // Every option is at least in the monthly chart, the line items and the traffic chart.
        QVERIFY2(places >= 3, qPrintable(QStringLiteral("%1 is drawn in %2 places").arg(QString::fromStdString(id)).arg(places)));
        QVERIFY2(!owner.contains(listed), qPrintable(QStringLiteral("%1 has the colour of %2")
                                                         .arg(QString::fromStdString(id), QString::fromStdString(owner[listed]))));
        owner[listed] = id;
    }
    // Both EC2 options of the sample, once one colour by platform, are told apart.
    if (edit.isEmpty())
        QVERIFY(colorsShown(w, "ec2-on-demand").at(QStringLiteral("options list")) != colorsShown(w, "ec2-spot").at(QStringLiteral("options list")));
}

void TestOptionColors::report_drawsTheWindowsColours()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Testing::SampleScenario, true));
    QVERIFY(Testing::settle(w));
    // Reordered in the window: the report must still draw each option in the window's colour.
    w.document()->edit(QStringLiteral("Reverse"), [](Models::Scenario &s) { std::reverse(s.options.begin(), s.options.end()); });
    QVERIFY(Testing::settle(w));
    const Models::Scenario &scenario = w.document()->scenario();
    const auto sweep = Models::sweepTraffic(scenario, *w.document()->priceSheet());
    QVERIFY(sweep);
    Ui::ChartSet charts;
    const auto blocks = Ui::ReportBuilder(scenario, *w.evaluation(), sweep.value(), QDateTime::currentDateTime(), charts,
                                          w.document()->optionColors())
                            .build();
    int checked = 0;
    for (const auto &block : blocks) {
        if (!qobject_cast<Ui::TrafficChart *>(block.chart) && !qobject_cast<Ui::HourlyChart *>(block.chart))
            continue;
        for (const std::string &id : idsOf(scenario)) {
            const QColor drawn = lineColor(*block.chart, QString::fromStdString(id));
            if (!drawn.isValid())
                continue;
            QCOMPARE(drawn, w.document()->optionColors().color(id));
            ++checked;
        }
    }
    QVERIFY(checked >= 6);
}

QTEST_MAIN(TestOptionColors)
#include "tst_optioncolors.moc"
