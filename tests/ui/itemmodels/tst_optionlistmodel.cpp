// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"
#include "ui/itemmodels/optionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Costscape;
using Ui::OptionListModel;

namespace {

std::vector<Models::OptionSpec> sampleOptions()
{
    const auto scenario = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    if (!scenario)
        qFatal("%s", scenario.error().toString().c_str());
    return scenario->options;
}

QString text(const OptionListModel &model, int row, int role = Qt::DisplayRole)
{
    return model.index(row).data(role).toString();
}

} // namespace

class TestOptionListModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_showIdPlatformAndEnabled();
    void checkToggle_emitsWithoutChangingData();
    void checkToggle_fromTheKeyboard();
    void setOptions_sameIdsKeepSelection();
    void setOptions_otherIdsReset();
    void costs_showAfterTheName();
    void optionColors_decorateEachRowWithItsOptionsColour();
};

void TestOptionListModel::rows_showIdPlatformAndEnabled()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto options = sampleOptions();
    model.setOptions(options);
    QCOMPARE(model.rowCount(), static_cast<int>(options.size()));
    for (std::size_t i = 0; i < options.size(); ++i) {
        const int row = static_cast<int>(i);
        QCOMPARE(text(model, row),
                 QString::fromStdString(options[i].id) + QStringLiteral(" \u2014 ")
                     + QString::fromLatin1(Models::platformTitle(options[i].platform())));
        QCOMPARE(model.index(row).data(Qt::CheckStateRole).toInt(), static_cast<int>(Qt::Checked));
        QVERIFY(model.flags(model.index(row)).testFlag(Qt::ItemIsUserCheckable));
        QCOMPARE(text(model, row, OptionListModel::IdRole), QString::fromStdString(options[i].id));
        QVERIFY(model.index(row).data(Qt::DecorationRole).value<QColor>().isValid());
    }
    QCOMPARE(text(model, 0), QStringLiteral("lambda-x86 \u2014 AWS Lambda"));
    QCOMPARE(model.rowOf(QString::fromStdString(options.back().id)), static_cast<int>(options.size()) - 1);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    // One colour per option, not per platform: no two rows share one.
    for (int a = 0; a < model.rowCount(); ++a)
        for (int b = a + 1; b < model.rowCount(); ++b)
            QVERIFY(model.index(a).data(Qt::DecorationRole) != model.index(b).data(Qt::DecorationRole));
}

void TestOptionListModel::checkToggle_emitsWithoutChangingData()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto options = sampleOptions();
    model.setOptions(options);
    QSignalSpy toggled(&model, &OptionListModel::enabledToggled);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(model.index(2), static_cast<int>(Qt::Unchecked), Qt::CheckStateRole));
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled[0][0].toInt(), 2);
    QCOMPARE(toggled[0][1].toBool(), false);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.index(2).data(Qt::CheckStateRole).toInt(), static_cast<int>(Qt::Checked));
    // Display text is not editable.
    QVERIFY(!model.setData(model.index(2), QStringLiteral("x"), Qt::EditRole));

    // The owner applies it and gives the options back: no reset, the box is clear.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    options[2].enabled = false;
    model.setOptions(options);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(2).data(Qt::CheckStateRole).toInt(), static_cast<int>(Qt::Unchecked));
    QVERIFY(text(model, 2, Qt::ToolTipRole).contains(QStringLiteral("not evaluated")));

    QVERIFY(model.setData(model.index(2), static_cast<int>(Qt::Checked), Qt::CheckStateRole));
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(toggled[1][1].toBool(), true);
}

void TestOptionListModel::checkToggle_fromTheKeyboard()
{
    OptionListModel model;
    model.setOptions(sampleOptions());
    QListView view;
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy toggled(&model, &OptionListModel::enabledToggled);
    view.setFocus();
    view.setCurrentIndex(model.index(1));
    QTest::keyClick(view.viewport(), Qt::Key_Space);
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled[0][0].toInt(), 1);
    QCOMPARE(toggled[0][1].toBool(), false);
}

void TestOptionListModel::setOptions_sameIdsKeepSelection()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QListView view;
    view.setModel(&model);
    auto options = sampleOptions();
    model.setOptions(options);
    view.setCurrentIndex(model.index(3));
    view.selectionModel()->select(model.index(3), QItemSelectionModel::ClearAndSelect);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    options[3].spec = Models::FargateSpec{}; // an edit of the option, same id
    model.setOptions(options);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(view.selectionModel()->isSelected(model.index(3)));
    QCOMPARE(view.currentIndex(), model.index(3));
    QVERIFY(text(model, 3).endsWith(QStringLiteral("AWS Fargate")));
}

void TestOptionListModel::setOptions_otherIdsReset()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto options = sampleOptions();
    model.setOptions(options);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    std::swap(options[0], options[1]);
    model.setOptions(options);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(text(model, 0, OptionListModel::IdRole), QStringLiteral("lambda-arm"));

    options.pop_back();
    model.setOptions(options);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), static_cast<int>(options.size()));

    options[0].id = "renamed";
    model.setOptions(options);
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("renamed")), 0);

    model.setOptions({});
    QCOMPARE(reset.count(), 4);
    QCOMPARE(model.rowCount(), 0);
}

void TestOptionListModel::costs_showAfterTheName()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto options = sampleOptions();
    options[1].enabled = false;
    model.setOptions(options);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QHash<QString, QString> costs;
    costs.insert(QStringLiteral("lambda-x86"), QStringLiteral("$169.40"));
    costs.insert(QStringLiteral("lambda-arm"), QStringLiteral("$140.00"));
    model.setCosts(costs);
    QCOMPARE(changed.count(), 1);

    QCOMPARE(text(model, 0), QStringLiteral("lambda-x86 \u2014 AWS Lambda   $169.40"));
    QVERIFY(text(model, 0, Qt::ToolTipRole).contains(QStringLiteral("$169.40")));
    QCOMPARE(text(model, 0, OptionListModel::CostRole), QStringLiteral("$169.40"));
    // A disabled option was not evaluated: a stale cost would mislead.
    QCOMPARE(text(model, 1), QStringLiteral("lambda-arm \u2014 AWS Lambda"));
    // An option without a cost shows its name alone.
    QCOMPARE(text(model, 2), QStringLiteral("fargate \u2014 AWS Fargate"));

    model.setCosts({});
    QCOMPARE(text(model, 0), QStringLiteral("lambda-x86 \u2014 AWS Lambda"));
}

void TestOptionListModel::optionColors_decorateEachRowWithItsOptionsColour()
{
    OptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto options = sampleOptions();
    model.setOptions(options);
    // The assignment of a document whose options were once in another order.
    std::vector<std::string> ids;
    for (const auto &o : options)
        ids.insert(ids.begin(), o.id);
    const auto colors = Costscape::Ui::OptionColors::inOrder(ids);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setOptionColors(colors);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(Qt::DecorationRole));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row).data(Qt::DecorationRole).value<QColor>(), colors.color(options[static_cast<std::size_t>(row)].id));
    model.setOptionColors(colors); // the same colours again: nothing to repaint
    QCOMPARE(changed.count(), 1);
}

QTEST_MAIN(TestOptionListModel)
#include "tst_optionlistmodel.moc"
