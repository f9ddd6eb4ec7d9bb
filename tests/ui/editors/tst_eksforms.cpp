// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The EKS forms, through the editor: every pod group (Deployment) of the cluster is chosen, edited,
// added and removed as the ECS on EC2 form does task groups (GroupRows), and each step undoes.
#include "tests/ui/editors/editortesting.h"

#include "ui/document/scenariodocument.h"
#include "ui/panels/optionspanel.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QUndoStack>

using namespace EditorTesting;

class TestEksForms : public QObject
{
    Q_OBJECT

private slots:
    void eks_secondGroupIsEditedAndTheFirstKept();
    void eks_groupsAddAndRemove();
    void eks_groupEditsUndoInTheDocument();
    void eksFargate_eachGroupShowsItsFargateSize();
};

namespace {

const Models::EksEc2Spec &eks(const OptionSpec &o)
{
    return o.as<Models::EksEc2Spec>();
}

/** The fleet box's title: which group the fleet belongs to. */
QString fleetTitle(const Ui::OptionEditor &editor)
{
    for (const QGroupBox *box : editor.findChildren<QGroupBox *>())
        if (box->isVisible() && box->title().startsWith(QStringLiteral("Fleet of")))
            return box->title();
    return {};
}

} // namespace

void TestEksForms::eks_secondGroupIsEditedAndTheFirstKept()
{
    const OptionSpec spec = specFor(QStringLiteral("eks-two-groups"));
    QCOMPARE(eks(spec).podGroups.size(), std::size_t(2));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *group = editor.comboBox(QStringLiteral("eks.group"));
    QVERIFY(group);
    QCOMPARE(group->count(), 2);
    QCOMPARE(group->itemText(0), QStringLiteral("web"));
    QCOMPARE(group->itemText(1), QStringLiteral("worker"));
    QCOMPARE(group->currentIndex(), 0);
    QVERIFY(editor.button(QStringLiteral("eks.removeGroup"))->isEnabled());
    QCOMPARE(fleetTitle(editor), QStringLiteral("Fleet of web"));

    // Choosing the second group shows its requests and its fixed fleet, and emits nothing.
    group->setCurrentIndex(1);
    QCOMPARE(spy.count(), 0);
    checkShown(editor, spec);
    QCOMPARE(editor.numberField(QStringLiteral("eks.podVcpu"))->value(), std::optional(1.0));
    QCOMPARE(editor.comboBox(QStringLiteral("fleet.mode"))->currentData().toString(), QStringLiteral("fixed"));
    QCOMPARE(editor.numberField(QStringLiteral("fleet.count"))->value(), std::optional(3.0));
    QCOMPARE(fleetTitle(editor), QStringLiteral("Fleet of worker"));

    typeInto(editor.numberField(QStringLiteral("eks.podVcpu"))->lineEdit(), QStringLiteral("2"));
    QCOMPARE(emittedField(spy), QStringLiteral("eks.podVcpu"));
    typeInto(editor.numberField(QStringLiteral("eks.podMemoryMb"))->lineEdit(), QStringLiteral("4096"));
    typeInto(editor.numberField(QStringLiteral("fleet.count"))->lineEdit(), QStringLiteral("5"));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.count"));
    typeInto(editor.lineEdit(QStringLiteral("eks.groupName")), QStringLiteral("queue"));
    QCOMPARE(emittedField(spy), QStringLiteral("eks.groupName"));
    const auto groups = eks(emitted(spy)).podGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].name, std::string("queue"));
    QCOMPARE(groups[1].podVcpu, 2.0);
    QCOMPARE(groups[1].podMemoryMb, 4096.0);
    QCOMPARE(groups[1].fleet.fixedCount, std::optional(5.0));
    QCOMPARE(group->itemText(1), QStringLiteral("queue"));
    QCOMPARE(group->currentIndex(), 1);
    // The first group and the cluster are as they were.
    QVERIFY(groups[0] == eks(spec).podGroups[0]);
    OptionSpec unchanged = emitted(spy);
    unchanged.as<Models::EksEc2Spec>().podGroups[1] = eks(spec).podGroups[1];
    QVERIFY(eks(unchanged) == eks(spec));

    // An empty name is refused and marked; the group keeps its name.
    const int before = spy.count();
    typeInto(editor.lineEdit(QStringLiteral("eks.groupName")), QString());
    QCOMPARE(spy.count(), before);
    QVERIFY(!editor.fieldError(QStringLiteral("eks.groupName")).isEmpty());
    QCOMPARE(eks(editor.option()).podGroups[1].name, std::string("queue"));

    // Back on the first group: its values, the mark gone.
    group->setCurrentIndex(0);
    QCOMPARE(spy.count(), before);
    QCOMPARE(editor.fieldError(QStringLiteral("eks.groupName")), QString());
    checkShown(editor, editor.option());
    QCOMPARE(editor.numberField(QStringLiteral("eks.podVcpu"))->value(), std::optional(0.5));
}

void TestEksForms::eks_groupsAddAndRemove()
{
    const OptionSpec spec = specFor(QStringLiteral("eks-cluster"));
    QCOMPARE(eks(spec).podGroups.size(), std::size_t(1));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *group = editor.comboBox(QStringLiteral("eks.group"));
    QAbstractButton *add = editor.button(QStringLiteral("eks.addGroup"));
    QAbstractButton *remove = editor.button(QStringLiteral("eks.removeGroup"));
    QVERIFY(group && add && remove);
    // One group: it cannot be removed, and the fleet is the pods'.
    QVERIFY(!remove->isEnabled());
    QCOMPARE(fleetTitle(editor), QStringLiteral("Fleet of pods"));

    add->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("eks.podGroups"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("eks.podGroups")), QStringLiteral("Pod groups"));
    auto groups = eks(emitted(spy)).podGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].name, std::string("deployment 2"));
    QVERIFY(groups[0] == eks(spec).podGroups[0]);
    // The new group is shown: a model default pod (PodGroup{}), derived from the workload.
    QCOMPARE(group->count(), 2);
    QCOMPARE(group->currentIndex(), 1);
    QVERIFY(remove->isEnabled());
    QCOMPARE(editor.lineEdit(QStringLiteral("eks.groupName"))->text(), QStringLiteral("deployment 2"));
    QCOMPARE(editor.numberField(QStringLiteral("eks.podVcpu"))->value(), std::optional(Models::PodGroup{}.podVcpu));
    QCOMPARE(editor.numberField(QStringLiteral("eks.podMemoryMb"))->value(), std::optional(Models::PodGroup{}.podMemoryMb));
    QCOMPARE(editor.comboBox(QStringLiteral("fleet.mode"))->currentData().toString(), QStringLiteral("derived"));
    QCOMPARE(fleetTitle(editor), QStringLiteral("Fleet of deployment 2"));

    // Several groups are written as "podGroups", each with its name.
    Models::Scenario file = sample();
    file.options = {editor.option()};
    const auto json = Models::scenarioToJson(file);
    const auto &written = json.at("options").at(0);
    QVERIFY(written.contains("podGroups"));
    QCOMPARE(written.at("podGroups").size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(written.at("podGroups").at(1).at("name").get<std::string>()), QStringLiteral("deployment 2"));

    // A third, then remove the second: the third is shown in its place.
    add->click();
    QCOMPARE(eks(editor.option()).podGroups.back().name, std::string("deployment 3"));
    group->setCurrentIndex(1);
    remove->click();
    QCOMPARE(emittedField(spy), QStringLiteral("eks.podGroups"));
    groups = eks(editor.option()).podGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].name, std::string("deployment 3"));
    QCOMPARE(group->currentIndex(), 1);
    QCOMPARE(editor.lineEdit(QStringLiteral("eks.groupName"))->text(), QStringLiteral("deployment 3"));

    // Removing down to one group disables Remove; the pods left are the file's own.
    remove->click();
    groups = eks(editor.option()).podGroups;
    QCOMPARE(groups.size(), std::size_t(1));
    QVERIFY(groups[0] == eks(spec).podGroups[0]);
    QCOMPARE(group->count(), 1);
    QVERIFY(!remove->isEnabled());
    const int before = spy.count();
    remove->click();
    QCOMPARE(spy.count(), before);
    QVERIFY(eks(editor.option()) == eks(spec));
}

void TestEksForms::eks_groupEditsUndoInTheDocument()
{
    // Through the options panel and the document, as the window does: each edit is an undo step.
    Ui::ScenarioDocument document;
    QVERIFY(document.load(QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json")).ok());
    Ui::OptionsPanel panel(&document);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const auto &options = document.scenario().options;
    int index = -1;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == "eks-cluster")
            index = static_cast<int>(i);
    QVERIFY(index >= 0);
    const auto option = [&document, index]() -> const Models::EksEc2Spec & {
        return document.scenario().options[static_cast<std::size_t>(index)].as<Models::EksEc2Spec>();
    };
    const Models::EksEc2Spec original = option();
    panel.select(index);
    Ui::OptionEditor *editor = panel.editor();
    QComboBox *group = editor->comboBox(QStringLiteral("eks.group"));
    QVERIFY(group);

    editor->button(QStringLiteral("eks.addGroup"))->click();
    QCOMPARE(option().podGroups.size(), std::size_t(2));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(group->currentIndex(), 1);
    Ui::NumberField *vcpu = editor->numberField(QStringLiteral("eks.podVcpu"));
    typeInto(vcpu->lineEdit(), QStringLiteral("1.5"));
    QCOMPARE(option().podGroups[1].podVcpu, 1.5);
    QVERIFY(option().podGroups[0] == original.podGroups[0]);
    document.closeMerge();
    QCOMPARE(document.undoStack()->count(), 2);

    // Undo the edit: the second group's request is back, and the form still shows that group.
    document.undoStack()->undo();
    QCOMPARE(option().podGroups.size(), std::size_t(2));
    QCOMPARE(option().podGroups[1].podVcpu, Models::PodGroup{}.podVcpu);
    QCOMPARE(group->currentIndex(), 1);
    QCOMPARE(vcpu->value(), std::optional(Models::PodGroup{}.podVcpu));

    // Undo the add: one group, the choice and Remove follow.
    document.undoStack()->undo();
    QVERIFY(option() == original);
    QCOMPARE(group->count(), 1);
    QCOMPARE(group->currentIndex(), 0);
    QVERIFY(!editor->button(QStringLiteral("eks.removeGroup"))->isEnabled());
    QCOMPARE(vcpu->value(), std::optional(original.podGroups[0].podVcpu));

    // Redo both: the second group is back with its edit.
    document.undoStack()->redo();
    document.undoStack()->redo();
    QCOMPARE(option().podGroups.size(), std::size_t(2));
    QCOMPARE(option().podGroups[1].podVcpu, 1.5);
    QCOMPARE(group->count(), 2);
}

void TestEksForms::eksFargate_eachGroupShowsItsFargateSize()
{
    const OptionSpec spec = specFor(QStringLiteral("eks-fargate"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    const auto sizeHint = [&editor]() {
        for (const QLabel *label : editor.findChildren<QLabel *>())
            if (label->isVisible() && (label->text().startsWith(QStringLiteral("Runs on")) || label->text().startsWith(QStringLiteral("No Fargate"))))
                return label->text();
        return QString();
    };
    // The sample's pods: 0.5 vCPU and 1,024 MB, plus EKS's 256 MB, take the 0.5 vCPU / 2 GB size
    // (0.5 vCPU comes with 1 to 4 GB; EKS user guide, "Fargate Pod configuration").
    QVERIFY2(sizeHint().startsWith(QStringLiteral("Runs on 0.5 vCPU / 2 GB")), qPrintable(sizeHint()));

    editor.button(QStringLiteral("eksFargate.addGroup"))->click();
    QCOMPARE(emittedField(spy), QStringLiteral("eksFargate.podGroups"));
    QComboBox *group = editor.comboBox(QStringLiteral("eksFargate.group"));
    QCOMPARE(group->currentIndex(), 1);
    QCOMPARE(editor.lineEdit(QStringLiteral("eksFargate.groupName"))->text(), QStringLiteral("deployment 2"));
    typeInto(editor.numberField(QStringLiteral("eksFargate.podVcpu"))->lineEdit(), QStringLiteral("1"));
    typeInto(editor.numberField(QStringLiteral("eksFargate.podMemoryMb"))->lineEdit(), QStringLiteral("8192"));
    const auto groups = emitted(spy).as<Models::EksFargateSpec>().podGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].podVcpu, 1.0);
    QCOMPARE(groups[1].podMemoryMb, 8192.0);
    QVERIFY(groups[0] == spec.as<Models::EksFargateSpec>().podGroups[0]);
    // AWS's example: 1 vCPU and 8 GB, plus 256 MB, run on 2 vCPU / 9 GB (EKS user guide).
    QVERIFY2(sizeHint().startsWith(QStringLiteral("Runs on 2 vCPU / 9 GB")), qPrintable(sizeHint()));

    // The size follows the group chosen; choosing emits nothing.
    const int before = spy.count();
    group->setCurrentIndex(0);
    QCOMPARE(spy.count(), before);
    QVERIFY2(sizeHint().startsWith(QStringLiteral("Runs on 0.5 vCPU / 2 GB")), qPrintable(sizeHint()));
    checkShown(editor, editor.option());
    group->setCurrentIndex(1);
    QVERIFY2(sizeHint().startsWith(QStringLiteral("Runs on 2 vCPU / 9 GB")), qPrintable(sizeHint()));
    checkShown(editor, editor.option());

    editor.button(QStringLiteral("eksFargate.removeGroup"))->click();
    QVERIFY(editor.option().as<Models::EksFargateSpec>() == spec.as<Models::EksFargateSpec>());
    QVERIFY(!editor.button(QStringLiteral("eksFargate.removeGroup"))->isEnabled());
}

QTEST_MAIN(TestEksForms)
#include "tst_eksforms.moc"
