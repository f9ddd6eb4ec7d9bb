// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenariorules.h"
#include "ui/itemmodels/profilemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <vector>

using namespace Costscape;
using Ui::ProfileModel;

namespace {

std::vector<double> ramp(int count)
{
    std::vector<double> v(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        v[static_cast<std::size_t>(i)] = 1 + i * 0.5;
    return v;
}

QString label(const ProfileModel &model, int row)
{
    return model.index(row, ProfileModel::HourColumn).data().toString();
}

} // namespace

class TestProfileModel : public QObject
{
    Q_OBJECT

private slots:
    void labels_dayWeekAndLonger();
    void data_showsTheRatesRaw();
    void setData_invalidRejectsWithTheRulesReason();
    void setData_validAnnouncesWithoutChangingData();
    void setData_readsTheUsersLocale();
    void setValue_changesOneCell();
    void setProfile_sameLengthKeepsSelection();
    void readOnly_hasNoEditableCells();
};

void TestProfileModel::labels_dayWeekAndLonger()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(ramp(24));
    QCOMPARE(model.rowCount(), 24);
    QCOMPARE(label(model, 0), QStringLiteral("00:00"));
    QCOMPARE(label(model, 9), QStringLiteral("09:00"));
    QCOMPARE(label(model, 23), QStringLiteral("23:00"));

    model.setProfile(ramp(168));
    QCOMPARE(model.rowCount(), 168);
    QCOMPARE(label(model, 0), QStringLiteral("Mon 00:00"));
    QCOMPARE(label(model, 24 + 13), QStringLiteral("Tue 13:00"));
    QCOMPARE(label(model, 167), QStringLiteral("Sun 23:00"));

    model.setProfile(ramp(8760));
    QCOMPARE(label(model, 0), QStringLiteral("Day 1 00:00"));
    QCOMPARE(label(model, 30), QStringLiteral("Day 2 06:00"));
    QCOMPARE(label(model, 8759), QStringLiteral("Day 365 23:00"));

    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Hour"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Requests/s"));
}

void TestProfileModel::data_showsTheRatesRaw()
{
    ProfileModel model;
    model.setProfile({0.125, 12.5, 1e6});
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("0.125"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("1000000"));
    QCOMPARE(model.index(1, 1).data(ProfileModel::RawValueRole).toDouble(), 12.5);
    // Edited as text, so that a spin box's two decimals never round a rate.
    QCOMPARE(model.index(0, 1).data(Qt::EditRole).toString(), QStringLiteral("0.125"));
}

void TestProfileModel::setData_invalidRejectsWithTheRulesReason()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(ramp(24));
    QSignalSpy edited(&model, &ProfileModel::valueEdited);
    QSignalSpy rejected(&model, &ProfileModel::editRejected);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(!model.setData(model.index(5, 1), QStringLiteral("-3")));
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected[0][0].toInt(), 5);
    const QString reason = QString::fromStdString(Models::Rules::RequestRate.problem(-3));
    QVERIFY(!reason.isEmpty());
    QCOMPARE(rejected[0][1].toString(), reason);

    QVERIFY(!model.setData(model.index(5, 1), QStringLiteral("lots")));
    QCOMPARE(rejected.count(), 2);
    QVERIFY(rejected[1][1].toString().contains(QStringLiteral("lots")));
    QVERIFY(!model.setData(model.index(5, 1), QStringLiteral("2e9")));
    QCOMPARE(rejected[2][1].toString(), QString::fromStdString(Models::Rules::RequestRate.problem(2e9)));

    QCOMPARE(edited.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.index(5, 1).data(ProfileModel::RawValueRole).toDouble(), ramp(24)[5]);
    // The hour column is not a value.
    QVERIFY(!model.setData(model.index(5, 0), QStringLiteral("7")));
}

void TestProfileModel::setData_validAnnouncesWithoutChangingData()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(ramp(24));
    QSignalSpy edited(&model, &ProfileModel::valueEdited);
    QSignalSpy rejected(&model, &ProfileModel::editRejected);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(model.index(7, 1), QStringLiteral(" 12.5 ")));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited[0][0].toInt(), 7);
    QCOMPARE(edited[0][1].toDouble(), 12.5);
    QCOMPARE(rejected.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.index(7, 1).data(ProfileModel::RawValueRole).toDouble(), ramp(24)[7]);

    // A number from a numeric editor is taken as it is; an unchanged value announces nothing.
    QVERIFY(model.setData(model.index(8, 1), 0.0));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(edited[1][1].toDouble(), 0.0);
    QVERIFY(model.setData(model.index(8, 1), model.index(8, 1).data(Qt::EditRole)));
    QCOMPARE(edited.count(), 2);
}

void TestProfileModel::setData_readsTheUsersLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ProfileModel model;
    model.setProfile(ramp(24));
    QSignalSpy edited(&model, &ProfileModel::valueEdited);
    QVERIFY(model.setData(model.index(5, 1), QStringLiteral("1,5")));
    QVERIFY(model.setData(model.index(6, 1), QStringLiteral("2.25")));
    // German "1,500" is one and a half, not fifteen hundred.
    QVERIFY(model.setData(model.index(7, 1), QStringLiteral("1,500")));
    QLocale::setDefault(before);
    QCOMPARE(edited.count(), 3);
    QCOMPARE(edited[0][1].toDouble(), 1.5);
    QCOMPARE(edited[1][1].toDouble(), 2.25);
    QCOMPARE(edited[2][1].toDouble(), 1.5);
}

void TestProfileModel::setValue_changesOneCell()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(ramp(168));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setValue(40, 12.5);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>(), model.index(40, 1));
    QCOMPARE(changed[0][1].value<QModelIndex>(), model.index(40, 1));
    QCOMPARE(model.index(40, 1).data(ProfileModel::RawValueRole).toDouble(), 12.5);
    QCOMPARE(model.profile()[40], 12.5);
    model.setValue(168, 1); // out of range: ignored
    QCOMPARE(changed.count(), 1);
}

void TestProfileModel::setProfile_sameLengthKeepsSelection()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView view;
    view.setModel(&model);
    model.setProfile(ramp(24));
    view.selectionModel()->select(model.index(3, 1), QItemSelectionModel::ClearAndSelect);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    std::vector<double> doubled = ramp(24);
    for (double &v : doubled)
        v *= 2;
    model.setProfile(doubled);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(view.selectionModel()->isSelected(model.index(3, 1)));
    QCOMPARE(model.index(3, 1).data(ProfileModel::RawValueRole).toDouble(), doubled[3]);

    model.setProfile(ramp(168));
    QCOMPARE(reset.count(), 1);
    model.setProfile({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestProfileModel::readOnly_hasNoEditableCells()
{
    ProfileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(ramp(24));
    QVERIFY(model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    model.setReadOnly(true);
    QVERIFY(!model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
    QSignalSpy edited(&model, &ProfileModel::valueEdited);
    QVERIFY(!model.setData(model.index(0, 1), QStringLiteral("4")));
    QCOMPARE(edited.count(), 0);
    model.setReadOnly(false);
    QVERIFY(model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
}

QTEST_MAIN(TestProfileModel)
#include "tst_profilemodel.moc"
