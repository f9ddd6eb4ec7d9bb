// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/aws/awsoffer.h"
#include "pricing/aws/spotfeeds.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Costscape::Ui {

/** A spot feed to add to a price sheet: which file, and what to take from it. */
struct SpotFeedRequest {
    enum class Feed {
        History, ///< an EC2 DescribeSpotPriceHistory response: spot prices (Pricing::applySpotHistory)
        Advisor, ///< the Spot Instance Advisor's file: interruption bands and savings (Pricing::applySpotAdvisor)
    };
    Feed feed = Feed::History;
    QString file;
    /** History: the region whose prices the file holds (a history is one region's). */
    QString region;
    Pricing::SpotHistoryOptions history;
    /** Advisor: the regions to update; empty updates every region of the sheet. */
    QStringList regions;
};

/** What a finished import produced: the sheet and one summary per file, or the error. */
struct AwsImportOutcome {
    std::shared_ptr<Pricing::PriceSheet> sheet;
    std::vector<Pricing::AwsImportSummary> summaries;
    /** For a spot feed: the request, and how many instance types it updated. */
    std::optional<SpotFeedRequest> spotFeed;
    std::size_t spotTypesUpdated = 0;
    QStringList warnings;
    QString error;      ///< `file:line:column: message`; empty on success
    bool cancelled = false;
};

/**
 * Imports AWS Price List offer files, or adds a spot feed to a copy of a price sheet, on a worker
 * thread, reporting progress as bytes read over all files, and cancellable: a cancelled or failed
 * import leaves no partial sheet behind, and the sheet a spot feed starts from is never changed.
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
    /**
     * Starts adding the spot feed @p request to a copy of @p base; the outcome's sheet is that
     * copy. The file is read in steps (progress, cancel), then applied as the command line's
     * import-aws does. False when an import runs already or @p base is null.
     */
    bool startSpotFeed(std::shared_ptr<const Pricing::PriceSheet> base, const SpotFeedRequest &request);
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
    using Job = std::function<std::shared_ptr<const AwsImportOutcome>()>;
    /** Runs @p job on a worker thread and emits finished() with what it returns. */
    void run(Job job);
    /** Emits progress() on the importer's thread, from a worker, unless it is gone. */
    static void reportProgress(const QPointer<AwsImporter> &self, qint64 done, qint64 total);

    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

} // namespace Costscape::Ui

Q_DECLARE_METATYPE(std::shared_ptr<const Costscape::Ui::AwsImportOutcome>)
