// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fleet of Fargate, EC2 and ECS task groups, through the editor: fixed or derived, the capacity kind.
#include "tests/ui/editors/editortesting.h"
#include "ui/editors/fleetform.h"

using namespace EditorTesting;

class TestFleetForm : public QObject
{
    Q_OBJECT

private slots:
    void fleet_switchesBetweenFixedAndDerived();
    void fleet_fixedOptionSwitchedToDerivedIsSizedFromMemory();
    void fleet_capacityKindKeepsTheNumber();
    void fleetForm_aloneIsValueInValueOut();
};

void TestFleetForm::fleet_switchesBetweenFixedAndDerived()
{
    const OptionSpec spec = specFor(QStringLiteral("fargate"));
    QVERIFY(!spec.as<Models::FargateSpec>().fleet.isFixed() && spec.as<Models::FargateSpec>().fleet.capacity);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    Ui::NumberField *count = editor.numberField(QStringLiteral("fleet.count"));
    Ui::NumberField *capacity = editor.numberField(QStringLiteral("fleet.capacity"));
    QVERIFY(!count->isVisibleTo(&editor));
    QVERIFY(capacity->isVisibleTo(&editor));
    QVERIFY(editor.numberField(QStringLiteral("fleet.targetUtilization"))->isVisibleTo(&editor));

    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.mode"));
    // Starts from the fleet's minimum; the capacity is not written with a fixed count.
    Models::FleetSpec fixed = emitted(spy).as<Models::FargateSpec>().fleet;
    QCOMPARE(fixed.fixedCount, std::optional(2.0));
    QVERIFY(!fixed.capacity);
    QVERIFY(count->isVisibleTo(&editor));
    QVERIFY(!capacity->isVisibleTo(&editor));
    QVERIFY(!editor.numberField(QStringLiteral("fleet.minCount"))->isVisibleTo(&editor));
    QCOMPARE(count->lineEdit()->text(), QStringLiteral("2"));

    typeInto(count->lineEdit(), QStringLiteral("5"));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.count"));
    QCOMPARE(emitted(spy).as<Models::FargateSpec>().fleet.fixedCount, std::optional(5.0));

    // Back to derived: what the derived fields held comes back, so the spec is the original.
    mode->setCurrentIndex(mode->findData(QStringLiteral("derived")));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.mode"));
    QCOMPARE(describe(emitted(spy)), describe(spec));
    QVERIFY(!count->isVisibleTo(&editor));
    QVERIFY(capacity->isVisibleTo(&editor));

    // And fixed again remembers the count typed.
    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    QCOMPARE(emitted(spy).as<Models::FargateSpec>().fleet.fixedCount, std::optional(5.0));
}

void TestFleetForm::fleet_fixedOptionSwitchedToDerivedIsSizedFromMemory()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-fixed"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    QCOMPARE(mode->currentData().toString(), QStringLiteral("fixed"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("derived")));
    QCOMPARE(spy.count(), 1);
    OptionSpec expected = spec;
    expected.as<Models::Ec2Spec>().fleet.fixedCount.reset();
    QCOMPARE(describe(emitted(spy)), describe(expected));
    Ui::NumberField *capacity = editor.numberField(QStringLiteral("fleet.capacity"));
    QCOMPARE(capacity->lineEdit()->text(), QString());
    QCOMPARE(capacity->lineEdit()->placeholderText(), QStringLiteral("from memory"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.capacity")), QStringLiteral("Per instance"));
}

void TestFleetForm::fleet_capacityKindKeepsTheNumber()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-on-demand"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *kind = editor.comboBox(QStringLiteral("fleet.capacityKind"));
    Ui::NumberField *concurrent = editor.numberField(QStringLiteral("fleet.capacity"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("requestsPerSecond")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.capacityKind"));
    const auto capacity = emitted(spy).as<Models::Ec2Spec>().fleet.capacity;
    QVERIFY(capacity);
    QCOMPARE(capacity->kind, Models::Capacity::Kind::RequestsPerSecond);
    QCOMPARE(capacity->value, 16.0);
    Ui::NumberField *rate = editor.numberField(QStringLiteral("fleet.capacity"));
    QVERIFY(rate != concurrent);
    QVERIFY(rate->isVisibleTo(&editor));
    QVERIFY(!concurrent->isVisibleTo(&editor));
    QCOMPARE(rate->value(), std::optional(16.0));
    typeInto(rate->lineEdit(), QStringLiteral("250"));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.capacity"));
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().fleet.capacity->value, 250.0);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().fleet.capacity->kind, Models::Capacity::Kind::RequestsPerSecond);
}

void TestFleetForm::fleetForm_aloneIsValueInValueOut()
{
    // The form itself, without an editor around it: what Fargate, EC2 and each ECS group embed.
    Ui::FleetForm form(Ui::FleetForm::Unit::Instances);
    QSignalSpy spy(&form, &Ui::FleetForm::fleetEdited);
    Models::FleetSpec fleet;
    fleet.capacity = Models::Capacity{Models::Capacity::Kind::RequestsPerSecond, 40};
    fleet.minCount = 3;
    form.showFleet(fleet, true);
    QCOMPARE(spy.count(), 0);
    QVERIFY(form.fleet() == fleet);
    QCOMPARE(form.fieldTitle(QStringLiteral("fleet.count")), QStringLiteral("Instances"));
    QCOMPARE(form.fieldTitle(QStringLiteral("fleet.capacity")), QStringLiteral("Per instance"));
    QCOMPARE(form.numberField(QStringLiteral("fleet.capacity"))->value(), std::optional(40.0));

    typeInto(form.numberField(QStringLiteral("fleet.targetUtilization"))->lineEdit(), QStringLiteral("0.5"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("fleet.targetUtilization"));
    Models::FleetSpec expected = fleet;
    expected.targetUtilization = 0.5;
    QVERIFY(spy.at(0).at(0).value<Models::FleetSpec>() == expected);
    QVERIFY(form.fleet() == expected);

    // A refused value is marked in place and not emitted ("1" and "1." were: a minimum of 1);
    // showing the same fleet again keeps it, another replaces it.
    QLineEdit *minCount = form.numberField(QStringLiteral("fleet.minCount"))->lineEdit();
    typeInto(minCount, QStringLiteral("1."));
    const Models::FleetSpec before = form.fleet();
    QCOMPARE(before.minCount, 1.0);
    const int emissions = spy.count();
    QTest::keyClicks(minCount, QStringLiteral("5"));
    QCOMPARE(spy.count(), emissions);
    QCOMPARE(form.fieldError(QStringLiteral("fleet.minCount")), problem(Models::Rules::Count, 1.5));
    QVERIFY(form.fleet() == before);
    form.showFleet(before, false);
    QCOMPARE(minCount->text(), QStringLiteral("1.5"));
    form.showFleet(expected, true);
    QCOMPARE(form.fieldError(QStringLiteral("fleet.minCount")), QString());
    QCOMPARE(form.numberField(QStringLiteral("fleet.minCount"))->value(), std::optional(3.0));
}

QTEST_MAIN(TestFleetForm)
#include "tst_fleetform.moc"
