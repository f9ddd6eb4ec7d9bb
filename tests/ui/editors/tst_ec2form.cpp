// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The EC2 form, through the editor: the instance type typed or picked from the sheet.
#include "tests/ui/editors/editortesting.h"

using namespace EditorTesting;

class TestEc2Form : public QObject
{
    Q_OBJECT

private slots:
    void ec2_unknownInstanceTypeIsRefused();
    void ec2_instanceTypePickedFromTheList();
};

void TestEc2Form::ec2_unknownInstanceTypeIsRefused()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-on-demand"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(QStringLiteral("ec2.instanceType"));
    QVERIFY(combo && combo->isEditable() && combo->completer());
    QLineEdit *edit = combo->lineEdit();
    const QString key = QStringLiteral("ec2.instanceType");

    typeInto(edit, QStringLiteral("m5.huge"));
    QCOMPARE(spy.count(), 0);
    QVERIFY2(editor.fieldError(key).contains(QStringLiteral("not in the price sheet for us-east-1")), qPrintable(editor.fieldError(key)));
    QCOMPARE(edit->text(), QStringLiteral("m5.huge"));
    QCOMPARE(describe(editor.option()), describe(spec));

    // The owner showing the same spec again leaves the refused text for the user to fix.
    editor.setOption(spec, sheet(), Region);
    QCOMPARE(edit->text(), QStringLiteral("m5.huge"));
    QVERIFY(!editor.fieldError(key).isEmpty());

    typeInto(edit, QStringLiteral("c5.xlarge"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), key);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("c5.xlarge"));
    QCOMPARE(editor.fieldError(key), QString());

    // Any case is accepted and stored as the sheet spells it.
    typeInto(edit, QStringLiteral("M5.LARGE"));
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("m5.large"));

    // Part of a name is not refused while typing, only when the user leaves it unfinished.
    const int before = spy.count();
    typeInto(edit, QStringLiteral("m5.xl"));
    QCOMPARE(spy.count(), before);
    QCOMPARE(editor.fieldError(key), QString());
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(editor.fieldError(key).contains(QStringLiteral("m5.xl is not in the price sheet for us-east-1")));
    QCOMPARE(spy.count(), before);

    // Another region names itself in the message.
    editor.setOption(spec, sheet(), QStringLiteral("eu-west-1"));
    typeInto(edit, QStringLiteral("zz9.large"));
    QVERIFY(editor.fieldError(key).contains(QStringLiteral("not in the price sheet for eu-west-1")));
}

void TestEc2Form::ec2_instanceTypePickedFromTheList()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("ec2-spot")));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(QStringLiteral("ec2.instanceType"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("m7g.large"));
    QCOMPARE(combo->count(), static_cast<int>(sheet()->region("us-east-1")->ec2.size()));
    const int index = combo->findData(QStringLiteral("m5.large"));
    QVERIFY(index >= 0);
    QCOMPARE(combo->itemText(index), QStringLiteral("m5.large — 2 vCPU, 8 GiB, $0.096/h"));
    combo->setCurrentIndex(index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("m5.large"));
    // The box shows the name; the list and the hint below show the description.
    QCOMPARE(combo->currentText(), QStringLiteral("m5.large"));
    // Families in order, each by size, not the alphabet's "c5.2xlarge, c5.4xlarge, c5.large".
    const QStringList expected{QStringLiteral("c5.large"),   QStringLiteral("c5.xlarge"), QStringLiteral("c5.2xlarge"),
                               QStringLiteral("c5.4xlarge"), QStringLiteral("m5.large"),  QStringLiteral("m5.xlarge"),
                               QStringLiteral("m5.2xlarge"), QStringLiteral("m5.4xlarge"), QStringLiteral("t3.micro"),
                               QStringLiteral("t3.small"),   QStringLiteral("t3.medium"), QStringLiteral("t3.large")};
    QStringList listed;
    for (int i = 0; i < combo->count(); ++i)
        if (expected.contains(combo->itemData(i).toString()))
            listed << combo->itemData(i).toString();
    QCOMPARE(listed, expected);
}

QTEST_MAIN(TestEc2Form)
#include "tst_ec2form.moc"
