// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The editor around every platform's form: each field by key, the option group, setOption(), labels, the wheel (the tab order and range buttons: tst_optioneditorfocus).
#include "tests/ui/editors/editortesting.h"
#include "ui/editors/formregistry.h"
#include "ui/editors/platformform.h"
#include "ui/editors/spikeresponseform.h"

#include "models/platforms/platformmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLocale>
#include <QScrollArea>
#include <QToolButton>

#include <cmath>

using namespace EditorTesting;

class TestOptionEditor : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_sampleOptionShowsAndGivesBackTheSpec_data();
    void roundTrip_sampleOptionShowsAndGivesBackTheSpec();
    void typingValidValue_emitsThatFieldAndKeepsTheRest_data();
    void typingValidValue_emitsThatFieldAndKeepsTheRest();
    void typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing_data();
    void typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing();
    void emptyingOptionalField_emitsItsDefault_data();
    void emptyingOptionalField_emitsItsDefault();
    void choosingEnum_emitsThatField_data();
    void choosingEnum_emitsThatField();
    void clickingFlag_emitsThatField_data();
    void clickingFlag_emitsThatField();
    void id_duplicateOrEmptyIsRefused();
    void setOption_equalSpecKeepsInvalidTextFocusAndCursor();
    void setOption_otherOptionReplacesEveryField();
    void labels_followThePlatform();
    void wheelOverUnfocusedCombo_scrollsInsteadOfEditing();
    void registry_everyPlatformHasAFormShowingItsDefaultSpec();
    void spikeResponse_aFieldPerScalingAssumptionOfThePlatform();
    void commitment_choosingAKindStartsAtTheOptimumAndKeepsTheRest();
    void bill_offersOnlyTheFrontsThatFitAndEditsValueOut();
};


void TestOptionEditor::roundTrip_sampleOptionShowsAndGivesBackTheSpec_data()
{
    QTest::addColumn<QString>("id");
    for (const OptionSpec &o : sample().options)
        QTest::newRow(o.id.c_str()) << QString::fromStdString(o.id);
    for (const char *extra : {"lambda-provisioned", "ec2-fixed", "fargate-spot", "ecs-max-tasks-3", "eks-two-groups"})
        QTest::newRow(extra) << QString::fromLatin1(extra);
}

void TestOptionEditor::roundTrip_sampleOptionShowsAndGivesBackTheSpec()
{
    QFETCH(QString, id);
    const OptionSpec spec = specFor(id);
    Ui::OptionEditor editor;
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    show(editor, spec);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(describe(editor.option()), describe(spec));
    checkShown(editor, spec);
    if (QTest::currentTestFailed())
        return;

    // Through another option and back: every field is replaced, none is left from the other.
    show(editor, sampleOption(spec.platform() == Models::Platform::Lambda ? "ecs-cluster" : "lambda-arm"));
    show(editor, spec);
    checkShown(editor, spec);
    QCOMPARE(spy.count(), 0);

    // As the file would be written.
    Models::Scenario before = sample();
    before.options = {spec};
    Models::Scenario after = before;
    after.options = {editor.option()};
    QCOMPARE(QString::fromStdString(Models::scenarioToJson(after).dump()), QString::fromStdString(Models::scenarioToJson(before).dump()));
}

void TestOptionEditor::typingValidValue_emitsThatFieldAndKeepsTheRest_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, const char *text, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(text) << change;
    };
    row("lambda-memory-1024", "lambda-x86", "memoryMb", "1024", [](OptionSpec &o) { o.memoryMb = 1024; });
    row("lambda-hours-200", "lambda-x86", "hoursPerMonth", "200", [](OptionSpec &o) { o.hoursPerMonth = 200; });
    row("lambda-duration-250", "lambda-arm", "durationMs", "250", [](OptionSpec &o) { o.durationMs = 250; });
    row("lambda-ephemeral-2048", "lambda-x86", "lambda.ephemeralStorageMb", "2048", [](OptionSpec &o) { o.as<Models::LambdaSpec>().ephemeralStorageMb = 2048; });
    row("lambda-provisioned-count-20", "lambda-provisioned", "lambda.provisioned.count", "20",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->count = 20; });
    row("lambda-provisioned-hours-300", "lambda-provisioned", "lambda.provisioned.hoursPerMonth", "300",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->hoursPerMonth = 300; });
    row("lambda-provisioned-share-0.4", "lambda-provisioned", "lambda.provisioned.shareOfRequests", "0.4",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->shareOfRequests = 0.4; });
    row("fargate-vcpu-1", "fargate", "fargate.taskVcpu", "1", [](OptionSpec &o) { o.as<Models::FargateSpec>().taskVcpu = 1; });
    row("fargate-memory-2GB", "fargate", "fargate.taskMemoryGb", "2", [](OptionSpec &o) { o.as<Models::FargateSpec>().taskMemoryGb = 2; });
    row("fargate-ephemeral-50GB", "fargate", "fargate.ephemeralStorageGb", "50", [](OptionSpec &o) { o.as<Models::FargateSpec>().ephemeralStorageGb = 50; });
    row("fargate-spotDiscount-0.6", "fargate-spot", "fargate.spotDiscount", "0.6", [](OptionSpec &o) { o.as<Models::FargateSpec>().spotDiscount = 0.6; });
    row("fargate-capacity-8", "fargate", "fleet.capacity", "8", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.capacity->value = 8; });
    row("fargate-target-0.5", "fargate", "fleet.targetUtilization", "0.5", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.targetUtilization = 0.5; });
    row("fargate-min-3", "fargate", "fleet.minCount", "3", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.minCount = 3; });
    row("ec2-spotHourly-0.03", "ec2-spot", "ec2.spotHourly", "0.03", [](OptionSpec &o) { o.as<Models::Ec2Spec>().spotHourly = 0.03; });
    row("ec2-spotDiscount-0.6", "ec2-spot", "ec2.spotDiscount", "0.6", [](OptionSpec &o) { o.as<Models::Ec2Spec>().spotDiscount = 0.6; });
    row("ec2-onDemandBase-2", "ec2-spot", "ec2.onDemandBase", "2", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandBase = 2; });
    row("ec2-aboveBase-25", "ec2-spot", "ec2.onDemandPercentAboveBase", "25", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandPercentAboveBase = 25; });
    row("ec2-fixed-count-3", "ec2-fixed", "fleet.count", "3", [](OptionSpec &o) { o.as<Models::Ec2Spec>().fleet.fixedCount = 3; });
    row("ec2-capacity-24", "ec2-on-demand", "fleet.capacity", "24", [](OptionSpec &o) { o.as<Models::Ec2Spec>().fleet.capacity->value = 24; });
    row("ecs-vcpu-1", "ecs-cluster", "ecs.taskVcpu", "1", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].taskVcpu = 1; });
    row("ecs-memory-2048", "ecs-cluster", "ecs.taskMemoryMb", "2048", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].taskMemoryMb = 2048; });
    row("ecs-reserved-512", "ecs-cluster", "ecs.reservedMemoryMb", "512", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().reservedMemoryMb = 512; });
    row("ecs-capacity-6", "ecs-cluster", "fleet.capacity", "6", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.capacity->value = 6; });
    row("ecs-min-4", "ecs-cluster", "fleet.minCount", "4", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.minCount = 4; });
    row("ecs-maxTasks-8", "ecs-cluster", "ecs.maxTasksPerInstance", "8", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().maxTasksPerInstance = 8; });
}

void TestOptionEditor::typingValidValue_emitsThatFieldAndKeepsTheRest()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    typeInto(f->lineEdit(), text);
    QVERIFY2(f->isValid(), qPrintable(f->errorText()));
    QVERIFY(!spy.isEmpty());
    for (int i = 0; i < spy.count(); ++i)
        QCOMPARE(emittedField(spy, i), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    QCOMPARE(describe(editor.option()), describe(expected));
    QCOMPARE(f->lineEdit()->text(), text);
}

void TestOptionEditor::typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char *name, const char *source, const char *field, const char *text, const QString &reason) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(text) << reason;
    };
    using namespace Models;
    row("lambda-ephemeral-100MB", "lambda-x86", "lambda.ephemeralStorageMb", "100", problem(Rules::LambdaEphemeralMb, 100));
    row("lambda-ephemeral-20000MB", "lambda-x86", "lambda.ephemeralStorageMb", "20000", problem(Rules::LambdaEphemeralMb, 20000));
    row("lambda-memory-negative", "lambda-x86", "memoryMb", "-5", problem(Rules::MemoryMb, -5));
    row("lambda-hours-800", "lambda-arm", "hoursPerMonth", "800", problem(Rules::Hours, 800));
    row("lambda-share-2", "lambda-provisioned", "lambda.provisioned.shareOfRequests", "2", problem(Rules::ProvisionedShare, 2));
    row("lambda-provisioned-fraction", "lambda-provisioned", "lambda.provisioned.count", "2.5", problem(Rules::Count, 2.5));
    row("fargate-ephemeral-10GB", "fargate", "fargate.ephemeralStorageGb", "10", problem(Rules::FargateEphemeralGb, 10));
    row("fargate-vcpu-0", "fargate", "fargate.taskVcpu", "0", problem(Rules::TaskVcpu, 0));
    row("fargate-vcpu-empty", "fargate", "fargate.taskVcpu", "", QStringLiteral("a value is required"));
    row("fargate-target-1.5", "fargate", "fleet.targetUtilization", "1.5", problem(Rules::TargetUtilization, 1.5));
    row("fargate-capacity-0", "fargate", "fleet.capacity", "0", problem(Rules::ConcurrentRequests, 0));
    row("ec2-aboveBase-150", "ec2-spot", "ec2.onDemandPercentAboveBase", "150", problem(Rules::OnDemandPercent, 150));
    row("ec2-spotDiscount-1", "ec2-spot", "ec2.spotDiscount", "1", problem(Rules::SpotDiscount, 1));
    row("ec2-count-text", "ec2-fixed", "fleet.count", "x", QStringLiteral("not a number"));
    row("ecs-min-fraction", "ecs-cluster", "fleet.minCount", "1.5", problem(Rules::Count, 1.5));
    row("ecs-reserved-2TiB", "ecs-cluster", "ecs.reservedMemoryMb", "2000000", problem(Rules::ReservedMemoryMib, 2000000));
    row("ecs-maxTasks-0", "ecs-cluster", "ecs.maxTasksPerInstance", "0", problem(Rules::TasksPerInstance, 0));
    row("ecs-maxTasks-fraction", "ecs-cluster", "ecs.maxTasksPerInstance", "2.5", problem(Rules::TasksPerInstance, 2.5));
}

void TestOptionEditor::typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QVERIFY(!reason.isEmpty());
    Ui::OptionEditor editor;
    show(editor, specFor(source));
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    QLineEdit *edit = f->lineEdit();
    // All but the last key: a prefix may be valid ("15" of "150") and is emitted as typed.
    if (text.size() > 1) {
        typeInto(edit, text.chopped(1));
    }
    const OptionSpec before = editor.option();
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    if (text.size() > 1)
        QTest::keyClicks(edit, text.right(1));
    else
        typeInto(edit, text);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(edit->text(), text);
    QVERIFY(!f->isValid());
    QCOMPARE(f->errorText(), reason);
    QCOMPARE(editor.fieldError(field), reason);
    QCOMPARE(describe(editor.option()), describe(before));
}

void TestOptionEditor::emptyingOptionalField_emitsItsDefault_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << change;
    };
    row("lambda-memory-override", "lambda-x86", "memoryMb", [](OptionSpec &o) { o.memoryMb.reset(); });
    row("lambda-ephemeral-to-512", "lambda-ephemeral-1024", "lambda.ephemeralStorageMb", [](OptionSpec &o) { o.as<Models::LambdaSpec>().ephemeralStorageMb = 512; });
    row("lambda-provisioned-hours", "lambda-provisioned", "lambda.provisioned.hoursPerMonth",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->hoursPerMonth.reset(); });
    row("fargate-capacity-from-memory", "fargate", "fleet.capacity", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.capacity.reset(); });
    row("fargate-target-to-0.7", "fargate", "fleet.targetUtilization", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.targetUtilization = 0.7; });
    row("fargate-min-to-1", "fargate", "fleet.minCount", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.minCount = 1; });
    row("fargate-spotDiscount", "fargate-spot", "fargate.spotDiscount", [](OptionSpec &o) { o.as<Models::FargateSpec>().spotDiscount.reset(); });
    row("ec2-onDemandBase", "ec2-spot", "ec2.onDemandBase", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandBase.reset(); });
    row("ec2-aboveBase", "ec2-spot", "ec2.onDemandPercentAboveBase", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandPercentAboveBase.reset(); });
    row("ecs-capacity-from-memory", "ecs-cluster", "fleet.capacity", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.capacity.reset(); });
    row("ecs-maxTasks-no-cap", "ecs-max-tasks-3", "ecs.maxTasksPerInstance", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().maxTasksPerInstance = 0; });
}

void TestOptionEditor::emptyingOptionalField_emitsItsDefault()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    QVERIFY(!f->lineEdit()->text().isEmpty());
    typeInto(f->lineEdit(), QString());
    QVERIFY(f->isValid());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    // The owner answers with the new spec: the box stays empty, showing the default as placeholder.
    editor.setOption(emitted(spy), sheet(), Region);
    QCOMPARE(f->lineEdit()->text(), QString());
    QVERIFY(!f->lineEdit()->placeholderText().isEmpty());
}

void TestOptionEditor::choosingEnum_emitsThatField_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, const char *value, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(value) << change;
    };
    using Models::Purchase;
    row("lambda-arm64", "lambda-x86", "lambda.architecture", "arm64", [](OptionSpec &o) { o.as<Models::LambdaSpec>().architecture = "arm64"; });
    row("lambda-100ms", "lambda-x86", "lambda.billingGranularityMs", "100", [](OptionSpec &o) { o.as<Models::LambdaSpec>().billingGranularityMs = 100; });
    row("fargate-windows", "fargate", "fargate.os", "windows", [](OptionSpec &o) { o.as<Models::FargateSpec>().os = "windows"; });
    row("fargate-x86", "fargate", "fargate.architecture", "x86_64", [](OptionSpec &o) { o.as<Models::FargateSpec>().architecture = "x86_64"; });
    row("fargate-peak", "fargate", "fleet.scaling", "peak", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.scaling = Models::FleetSpec::Scaling::Peak; });
    row("ec2-windows", "ec2-on-demand", "ec2.os", "windows", [](OptionSpec &o) { o.as<Models::Ec2Spec>().os = "windows"; });
    row("ec2-spot", "ec2-on-demand", "ec2.purchase", "spot", [](OptionSpec &o) { o.as<Models::Ec2Spec>().purchase = Purchase::Spot; });
    row("ec2-on-demand", "ec2-spot", "ec2.purchase", "on-demand", [](OptionSpec &o) { o.as<Models::Ec2Spec>().purchase = Purchase::OnDemand; });
    row("ecs-windows", "ecs-cluster", "ecs.os", "windows", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().os = "windows"; });
    row("ecs-spot", "ecs-cluster", "ecs.purchase", "spot", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().purchase = Purchase::Spot; });
    row("ecs-spread", "ecs-cluster", "ecs.placement", "spread", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().placement = Models::PlacementStrategy::Spread; });
    row("ecs-binpack-cpu", "ecs-cluster", "ecs.placement", "binpack-cpu",
        [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().placement = Models::PlacementStrategy::BinpackCpu; });
    row("ecs-peak", "ecs-cluster", "fleet.scaling", "peak",
        [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.scaling = Models::FleetSpec::Scaling::Peak; });
}

void TestOptionEditor::choosingEnum_emitsThatField()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(field);
    QVERIFY(combo);
    const int index = combo->findData(value);
    QVERIFY(index >= 0);
    QVERIFY(index != combo->currentIndex());
    combo->setCurrentIndex(index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
}

void TestOptionEditor::clickingFlag_emitsThatField_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<Mutation>("change");
    QTest::newRow("lambda-freeTier") << QStringLiteral("lambda-x86") << QStringLiteral("lambda.freeTier")
                                     << Mutation([](OptionSpec &o) { o.as<Models::LambdaSpec>().freeTier = true; });
    QTest::newRow("fargate-spot") << QStringLiteral("fargate") << QStringLiteral("fargate.spot")
                                  << Mutation([](OptionSpec &o) { o.as<Models::FargateSpec>().spot = true; });
    QTest::newRow("fargate-spot-off") << QStringLiteral("fargate-spot") << QStringLiteral("fargate.spot")
                                      << Mutation([](OptionSpec &o) { o.as<Models::FargateSpec>().spot = false; });
}

void TestOptionEditor::clickingFlag_emitsThatField()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QCheckBox *check = editor.checkBox(field);
    QVERIFY(check);
    clickCheckBox(check);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    // Fargate's spot discount only matters with Spot on.
    if (field == QLatin1String("fargate.spot"))
        QCOMPARE(editor.numberField(QStringLiteral("fargate.spotDiscount"))->isEnabled(), expected.as<Models::FargateSpec>().spot);
}

void TestOptionEditor::id_duplicateOrEmptyIsRefused()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.setTakenIds({QStringLiteral("fargate"), QStringLiteral("ec2-spot")});
    QLineEdit *id = editor.lineEdit(QStringLiteral("id"));
    QVERIFY(id);
    typeInto(id, QStringLiteral("fargat"));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QTest::keyClicks(id, QStringLiteral("e"));
    QCOMPARE(spy.count(), 0);
    QVERIFY(editor.fieldError(QStringLiteral("id")).contains(QStringLiteral("\"fargate\"")));
    QCOMPARE(editor.option().id, std::string("fargat"));

    typeInto(id, QString());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QStringLiteral("an id is required"));

    typeInto(id, QStringLiteral("api"));
    QCOMPARE(emittedField(spy), QStringLiteral("id"));
    OptionSpec expected = spec;
    expected.id = "api";
    QCOMPARE(describe(emitted(spy)), describe(expected));
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QString());
}

void TestOptionEditor::setOption_equalSpecKeepsInvalidTextFocusAndCursor()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    Ui::NumberField *field = editor.numberField(QStringLiteral("lambda.ephemeralStorageMb"));
    QLineEdit *edit = field->lineEdit();
    edit->setFocus();
    QVERIFY(edit->hasFocus());
    typeInto(edit, QStringLiteral("100"));
    QVERIFY(!field->isValid());
    edit->setCursorPosition(1);

    editor.setOption(spec, sheet(), Region);
    QCOMPARE(edit->text(), QStringLiteral("100"));
    QVERIFY(!field->isValid());
    QVERIFY(edit->hasFocus());
    QCOMPARE(edit->cursorPosition(), 1);

    // Another field changed (an undo elsewhere) is shown; the refused text stays.
    OptionSpec arm = spec;
    arm.as<Models::LambdaSpec>().architecture = "arm64";
    editor.setOption(arm, sheet(), Region);
    QCOMPARE(editor.comboBox(QStringLiteral("lambda.architecture"))->currentData().toString(), QStringLiteral("arm64"));
    QCOMPARE(edit->text(), QStringLiteral("100"));
    QVERIFY(edit->hasFocus());

    // The owner answers every edit with setOption, as the options panel does: typing goes on undisturbed.
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    connect(&editor, &Ui::OptionEditor::optionEdited, &editor,
            [&editor](const OptionSpec &o, const QString &) { editor.setOption(o, sheet(), Region); });
    QTest::keyClick(edit, Qt::Key_End);
    QTest::keyClicks(edit, QStringLiteral("0"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().ephemeralStorageMb, 1000.0);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().architecture, std::string("arm64"));
    edit->setCursorPosition(1);
    QTest::keyClicks(edit, QStringLiteral("0"));
    QCOMPARE(edit->text(), QStringLiteral("10000"));
    QCOMPARE(edit->cursorPosition(), 2);
    QVERIFY(edit->hasFocus());
    QCOMPARE(editor.option().as<Models::LambdaSpec>().ephemeralStorageMb, 10000.0);
}

void TestOptionEditor::setOption_otherOptionReplacesEveryField()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("lambda-x86")));
    Ui::NumberField *field = editor.numberField(QStringLiteral("lambda.ephemeralStorageMb"));
    typeInto(field->lineEdit(), QStringLiteral("100"));
    QVERIFY(!field->isValid());
    typeInto(editor.lineEdit(QStringLiteral("id")), QString());
    QVERIFY(!editor.fieldError(QStringLiteral("id")).isEmpty());

    const OptionSpec other = specFor(QStringLiteral("lambda-arm"));
    show(editor, other);
    QVERIFY(field->isValid());
    QCOMPARE(field->lineEdit()->text(), QStringLiteral("512"));
    QCOMPARE(editor.lineEdit(QStringLiteral("id"))->text(), QStringLiteral("lambda-arm"));
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QString());
    checkShown(editor, other);
}

void TestOptionEditor::labels_followThePlatform()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("ec2-fixed")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.count")), QStringLiteral("Instances"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("memoryMb")), QStringLiteral("Memory per request"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("ec2.instanceType")), QStringLiteral("Instance type"));
    show(editor, specFor(QStringLiteral("fargate")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.count")), QStringLiteral("Tasks"));
    show(editor, specFor(QStringLiteral("lambda-x86")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("memoryMb")), QStringLiteral("Memory"));
    QCOMPARE(editor.numberField(QStringLiteral("memoryMb"))->lineEdit()->placeholderText(), QStringLiteral("512 (workload)"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("no.such.field")), QStringLiteral("no.such.field"));
    QVERIFY(!editor.numberField(QStringLiteral("no.such.field")));
}

void TestOptionEditor::wheelOverUnfocusedCombo_scrollsInsteadOfEditing()
{
    QScrollArea area;
    auto *editor = new Ui::OptionEditor;
    show(*editor, specFor(QStringLiteral("ecs-cluster")));
    area.setWidget(editor);
    area.setWidgetResizable(true);
    area.resize(420, 400);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QSignalSpy spy(editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor->comboBox(QStringLiteral("fleet.scaling"));
    area.ensureWidgetVisible(combo);
    QVERIFY(!combo->hasFocus());
    const int index = combo->currentIndex();
    const QPoint pos = combo->rect().center();
    QWheelEvent wheel(pos, combo->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &wheel);
    QCOMPARE(combo->currentIndex(), index);
    QCOMPARE(spy.count(), 0);
    // Left unaccepted, a real (spontaneous) wheel event goes on to the parents and scrolls the area.
    QVERIFY(!wheel.isAccepted());

    // With focus, the wheel is the combo's, as everywhere else.
    combo->setFocus();
    area.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&area));
    QVERIFY(combo->hasFocus());
    QWheelEvent focused(pos, combo->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &focused);
    QVERIFY(combo->currentIndex() != index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.scaling"));
}

void TestOptionEditor::registry_everyPlatformHasAFormShowingItsDefaultSpec()
{
    // Adding a platform is its folder, its form and one line in each registry: this holds the editors' line.
    QWidget parent;
    for (Models::Platform platform : Models::allPlatforms()) {
        const QString name = QString::fromLatin1(Models::platformName(platform));
        Ui::PlatformForm *form = Ui::createPlatformForm(platform, &parent);
        QVERIFY2(form, qPrintable(name));
        QCOMPARE(form->platform(), platform);
        QSignalSpy spy(form, &Ui::PlatformForm::specEdited);
        const Models::PlatformSpec spec = Models::platformModel(platform).defaultSpec();
        form->setContext({sheet(), Region, 730});
        form->showSpec(spec, true);
        QCOMPARE(spy.count(), 0);
        QVERIFY2(form->spec() == spec, qPrintable(name));

        // The editor shows that form for an option of the platform, and no other platform's keys.
        OptionSpec option;
        option.id = "new";
        option.spec = spec;
        Ui::OptionEditor editor;
        show(editor, option);
        QCOMPARE(describe(editor.option()), describe(option));
        checkShown(editor, option);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(editor.fieldTitle(QStringLiteral("id")), QStringLiteral("Id"));
    }
}

void TestOptionEditor::spikeResponse_aFieldPerScalingAssumptionOfThePlatform()
{
    for (Models::Platform platform : Models::allPlatforms()) {
        Ui::SpikeResponseForm form(platform);
        QSignalSpy spy(&form, &Ui::SpikeResponseForm::overridesEdited);
        const auto defaults = Models::platformModel(platform).scalingDefaults();
        QVERIFY(!defaults.empty());
        for (const Models::ScalingAssumption &a : defaults) {
            const QString key = QStringLiteral("spike.") + QString::fromStdString(a.key);
            Ui::NumberField *field = form.numberField(key);
            QVERIFY2(field, qPrintable(key));
            QCOMPARE(form.fieldTitle(key), QString::fromStdString(a.label));
            QVERIFY(field->lineEdit()->placeholderText().contains(QLocale::c().toString(a.value, 'g', 10)));
        }
        // Value in: nothing emitted; an override of another platform is kept as it is.
        const std::map<std::string, double> overrides{{defaults.front().key, defaults.front().value + 1}, {"otherPlatformKey", 3}};
        form.showOverrides(overrides, true);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.numberField(QStringLiteral("spike.") + QString::fromStdString(defaults.front().key))->value(),
                 std::optional(defaults.front().value + 1));
        QVERIFY(qobject_cast<QAbstractButton *>(form.field(QStringLiteral("spike.toggle")))->text().contains(QStringLiteral("1 changed")));
        // Value out: emptying the field removes its override, and only it.
        typeInto(form.numberField(QStringLiteral("spike.") + QString::fromStdString(defaults.front().key))->lineEdit(), QString());
        QCOMPARE(spy.count(), 1);
        const auto edited = spy.at(0).at(0).value<std::map<std::string, double>>();
        QCOMPARE(edited, (std::map<std::string, double>{{"otherPlatformKey", 3}}));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("spike.") + QString::fromStdString(defaults.front().key));
    }
}

void TestOptionEditor::commitment_choosingAKindStartsAtTheOptimumAndKeepsTheRest()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-fixed"));
    QVERIFY(spec.commitments.empty());
    Ui::OptionEditor editor;
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    show(editor, spec);
    QComboBox *kind = editor.comboBox(QStringLiteral("commitment.kind"));
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(QStringLiteral("reserved-instance")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("commitment.kind"));
    OptionSpec edited = spy.at(0).at(0).value<OptionSpec>();
    QCOMPARE(edited.commitments.size(), std::size_t(1));
    QCOMPARE(edited.commitments[0].kind, std::string("reserved-instance"));
    QVERIFY(!edited.commitments[0].amount); // "optimal"
    // Everything else is as it was.
    edited.commitments.clear();
    QCOMPARE(describe(edited), describe(spec));

    // Value in: a reservation count shows in its field, "optimal" unchecked, nothing emitted.
    OptionSpec withCount = spec;
    Models::CommitmentSpec reserved;
    reserved.kind = "reserved-instance";
    reserved.termYears = 3;
    reserved.payment = "all-upfront";
    reserved.offering = "convertible";
    reserved.amount = 3;
    withCount.commitments = {reserved};
    show(editor, withCount);
    QCOMPARE(spy.count(), 1);
    QVERIFY(!editor.checkBox(QStringLiteral("commitment.optimal"))->isChecked());
    QCOMPARE(editor.numberField(QStringLiteral("commitment.count"))->value(), std::optional<double>(3));
    QCOMPARE(editor.comboBox(QStringLiteral("commitment.offering"))->currentData().toString(), QStringLiteral("convertible"));
    QCOMPARE(editor.comboBox(QStringLiteral("commitment.termYears"))->currentData().toInt(), 3);

    // Back to none: the option is on demand again.
    kind->setCurrentIndex(kind->findData(QString()));
    QVERIFY(editor.option().commitments.empty());
}

void TestOptionEditor::bill_offersOnlyTheFrontsThatFitAndEditsValueOut()
{
    // A function URL is Lambda's alone (docs/bill.md): Lambda's editor offers it, EC2's does not;
    // and only platforms with instances of their own show a root volume.
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("lambda-provisioned")));
    QComboBox *door = editor.comboBox(QStringLiteral("bill.frontDoor"));
    QVERIFY(door);
    QVERIFY(door->findData(static_cast<int>(Models::FrontDoor::FunctionUrl)) >= 0);
    QVERIFY(editor.numberField(QStringLiteral("bill.rootVolume.sizeGb"))->isHidden());

    const OptionSpec spec = specFor(QStringLiteral("ec2-fixed"));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    show(editor, spec);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(door->findData(static_cast<int>(Models::FrontDoor::FunctionUrl)), -1);
    QCOMPARE(door->currentData().toInt(), static_cast<int>(Models::FrontDoor::Alb));
    QVERIFY(!editor.numberField(QStringLiteral("bill.rootVolume.sizeGb"))->isHidden());
    QCOMPARE(editor.numberField(QStringLiteral("bill.rootVolume.sizeGb"))->value(), std::optional<double>(8));

    // Value out: two NAT gateways, one edit, the rest as it was.
    typeInto(editor.numberField(QStringLiteral("bill.natGateways"))->lineEdit(), QStringLiteral("2"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("bill.natGateways"));
    OptionSpec edited = spy.at(0).at(0).value<OptionSpec>();
    QCOMPARE(edited.bill.natGateways, std::optional<double>(2));
    edited.bill.natGateways = spec.bill.natGateways;
    QVERIFY(edited.bill == spec.bill);

    // Emptying the log retention leaves log storage out, as a file without the key does.
    typeInto(editor.numberField(QStringLiteral("bill.logRetentionDays"))->lineEdit(), QString());
    QCOMPARE(spy.count(), 2);
    QVERIFY(!spy.at(1).at(0).value<OptionSpec>().bill.logRetentionDays);
    // A refused value is marked and not committed.
    typeInto(editor.numberField(QStringLiteral("bill.natTrafficShare"))->lineEdit(), QStringLiteral("2"));
    QCOMPARE(spy.count(), 2);
    QVERIFY(!editor.fieldError(QStringLiteral("bill.natTrafficShare")).isEmpty());
    // "Not described" removes the front door.
    door->setCurrentIndex(door->findData(-1));
    QCOMPARE(spy.count(), 3);
    QVERIFY(!spy.at(2).at(0).value<OptionSpec>().bill.frontDoor);
}

QTEST_MAIN(TestOptionEditor)
#include "tst_optioneditor.moc"
