// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/aws/awsoffer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Costscape::Ui {

/** What a finished import produced: the sheet and one summary per file, or the error. */
struct AwsImportOutcome {
    std::shared_ptr<Pricing::PriceSheet> sheet;
    std::vector<Pricing::AwsImportSummary> summaries;
    QStringList warnings;
    QString error;      ///< `file:line:column: message`; empty on success
    bool cancelled = false;
};

/**
 * Imports AWS Price List offer files on a worker thread, reporting progress as bytes read over
 * all files, and cancellable: a cancelled or failed import leaves no partial sheet behind.
 */
class AwsImporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsImporter)

public:
    explicit AwsImporter(QObject *parent = nullptr);
    ~AwsImporter() override;

    /** Starts importing files (regions: codes to keep, empty for all). False when one runs already. */
    bool start(const QStringList &files, const QStringList &regions);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }
    /** Blocks until the worker is done (for shutdown). */
    void wait();

    /** A one-paragraph summary for the user: types, regions, publication dates. */
    static QString describe(const AwsImportOutcome &outcome);

Q_SIGNALS:
    /** Bytes read so far over all files, and their total size. */
    void progress(qint64 done, qint64 total);
    void finished(const std::shared_ptr<const Ui::AwsImportOutcome> &outcome);

private:
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

} // namespace Costscape::Ui

Q_DECLARE_METATYPE(std::shared_ptr<const Costscape::Ui::AwsImportOutcome>)
