// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Lambda form, through the editor: provisioned concurrency on and off.
#include "tests/ui/editors/editortesting.h"

using namespace EditorTesting;

class TestLambdaForm : public QObject
{
    Q_OBJECT

private slots:
    void lambda_provisionedConcurrencyTurnsOnAndOff();
};

void TestLambdaForm::lambda_provisionedConcurrencyTurnsOnAndOff()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QCheckBox *on = editor.checkBox(QStringLiteral("lambda.provisioned"));
    Ui::NumberField *count = editor.numberField(QStringLiteral("lambda.provisioned.count"));
    QVERIFY(!count->isEnabled());

    clickCheckBox(on);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("lambda.provisioned"));
    QVERIFY(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 1.0);
    QVERIFY(count->isEnabled());
    QCOMPARE(count->lineEdit()->text(), QStringLiteral("1"));

    typeInto(count->lineEdit(), QStringLiteral("10"));
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 10.0);

    clickCheckBox(on);
    QCOMPARE(describe(emitted(spy)), describe(spec));
    QVERIFY(!count->isEnabled());

    // Switched on again, it starts from what the boxes kept.
    clickCheckBox(on);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 10.0);
}

QTEST_MAIN(TestLambdaForm)
#include "tst_lambdaform.moc"
