// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The ECS on EC2 form, through the editor: task groups, candidate instance types.
#include "tests/ui/editors/editortesting.h"

#include <QAbstractButton>

using namespace EditorTesting;

class TestEcsEc2Form : public QObject
{
    Q_OBJECT

private slots:
    void ecs_taskGroupsAddEditRemove();
    void ecs_instanceTypesTickAndAuto();
};

void TestEcsEc2Form::ecs_taskGroupsAddEditRemove()
{
    const OptionSpec spec = specFor(QStringLiteral("ecs-cluster"));
    QCOMPARE(spec.as<Models::EcsEc2Spec>().taskGroups.size(), std::size_t(1));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *group = editor.comboBox(QStringLiteral("ecs.group"));
    QAbstractButton *add = editor.button(QStringLiteral("ecs.addGroup"));
    QAbstractButton *remove = editor.button(QStringLiteral("ecs.removeGroup"));
    QVERIFY(group && add && remove);
    QVERIFY(!remove->isEnabled());

    add->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.taskGroups"));
    auto groups = emitted(spy).as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].name, std::string("service 2"));
    QCOMPARE(group->count(), 2);
    QCOMPARE(group->currentIndex(), 1);
    QVERIFY(remove->isEnabled());
    // The form shows the new group: derived from memory, default size.
    QCOMPARE(editor.lineEdit(QStringLiteral("ecs.groupName"))->text(), QStringLiteral("service 2"));
    QCOMPARE(editor.numberField(QStringLiteral("ecs.taskVcpu"))->value(), std::optional(0.25));
    QCOMPARE(editor.numberField(QStringLiteral("fleet.capacity"))->lineEdit()->text(), QString());
    QCOMPARE(editor.numberField(QStringLiteral("fleet.minCount"))->value(), std::optional(1.0));

    typeInto(editor.numberField(QStringLiteral("ecs.taskVcpu"))->lineEdit(), QStringLiteral("1"));
    typeInto(editor.lineEdit(QStringLiteral("ecs.groupName")), QStringLiteral("worker"));
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    typeInto(editor.numberField(QStringLiteral("fleet.count"))->lineEdit(), QStringLiteral("3"));
    groups = editor.option().as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups[1].name, std::string("worker"));
    QCOMPARE(groups[1].taskVcpu, 1.0);
    QCOMPARE(groups[1].fleet.fixedCount, std::optional(3.0));
    QCOMPARE(group->itemText(1), QStringLiteral("worker"));
    // The first group is untouched.
    OptionSpec firstOnly = editor.option();
    firstOnly.as<Models::EcsEc2Spec>().taskGroups.resize(1);
    QCOMPARE(describe(firstOnly), describe(spec));

    // Choosing the first group shows its values, and emits nothing.
    const int before = spy.count();
    group->setCurrentIndex(0);
    QCOMPARE(spy.count(), before);
    checkShown(editor, editor.option());
    QCOMPARE(mode->currentData().toString(), QStringLiteral("derived"));

    remove->click();
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.taskGroups"));
    groups = editor.option().as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups.size(), std::size_t(1));
    QCOMPARE(groups[0].name, std::string("worker"));
    QCOMPARE(group->count(), 1);
    QCOMPARE(editor.numberField(QStringLiteral("fleet.count"))->value(), std::optional(3.0));
    QVERIFY(!remove->isEnabled());
}

void TestEcsEc2Form::ecs_instanceTypesTickAndAuto()
{
    const OptionSpec spec = specFor(QStringLiteral("ecs-cluster"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QListWidget *list = editor.listWidget(QStringLiteral("ecs.instanceTypes"));
    QVERIFY(list);
    const auto item = [list](const char *name) -> QListWidgetItem * {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String(name))
                return list->item(i);
        return nullptr;
    };
    QVERIFY(item("m5.large"));
    QCOMPARE(item("m5.large")->text(), QStringLiteral("m5.large — 2 vCPU, 8 GiB, $0.096/h"));

    item("c7g.large")->setCheckState(Qt::Unchecked);
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.instanceTypes"));
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, (std::vector<std::string>{"m7g.large", "m7g.xlarge", "c7g.xlarge"}));
    item("m5.large")->setCheckState(Qt::Checked);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, (std::vector<std::string>{"m7g.large", "m7g.xlarge", "c7g.xlarge", "m5.large"}));

    // Unticking every type is refused: the option would have no candidate.
    for (const char *t : {"m7g.large", "m7g.xlarge", "c7g.xlarge"})
        item(t)->setCheckState(Qt::Unchecked);
    const int before = spy.count();
    item("m5.large")->setCheckState(Qt::Unchecked);
    QCOMPARE(spy.count(), before);
    QVERIFY(!editor.fieldError(QStringLiteral("ecs.instanceTypes")).isEmpty());
    QCOMPARE(editor.option().as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"m5.large"});
    item("r5.large")->setCheckState(Qt::Checked);
    QCOMPARE(editor.fieldError(QStringLiteral("ecs.instanceTypes")), QString());
    QCOMPARE(editor.option().as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"r5.large"});

    // "auto": every type of the sheet; the list is kept for turning it off again.
    clickCheckBox(editor.checkBox(QStringLiteral("ecs.autoInstanceTypes")));
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.autoInstanceTypes"));
    QVERIFY(emitted(spy).as<Models::EcsEc2Spec>().autoInstanceTypes);
    QVERIFY(!list->isEnabled());
    clickCheckBox(editor.checkBox(QStringLiteral("ecs.autoInstanceTypes")));
    QVERIFY(!emitted(spy).as<Models::EcsEc2Spec>().autoInstanceTypes);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"r5.large"});
    QVERIFY(list->isEnabled());

    // A candidate the sheet lacks is listed, ticked, and can be unticked.
    OptionSpec odd = spec;
    odd.as<Models::EcsEc2Spec>().instanceTypes.push_back("x9.mega");
    show(editor, odd);
    QVERIFY(item("x9.mega"));
    QCOMPARE(item("x9.mega")->checkState(), Qt::Checked);
    QVERIFY(item("x9.mega")->text().contains(QStringLiteral("not in the price sheet")));
    item("x9.mega")->setCheckState(Qt::Unchecked);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, spec.as<Models::EcsEc2Spec>().instanceTypes);
}

QTEST_MAIN(TestEcsEc2Form)
#include "tst_ecsec2form.moc"
